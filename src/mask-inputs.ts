// Masks every secret input (and its env fallback) before anything is parsed or logged, so even
// a config error can't show one.
import { INPUTS } from './config/inputs.js'
import type { Secrets } from './secrets.js'

export function maskSecretInputs(
  input: (name: string) => string,
  env: Readonly<Record<string, string | undefined>>,
  secrets: Secrets
): void {
  for (const spec of INPUTS) {
    if (!spec.secret) continue
    const candidates = [input(spec.name), spec.envFallback ? env[spec.envFallback] : undefined]
    for (const raw of candidates) {
      const value = raw?.trim()
      // The two public API keys are the same on every install: masking them only adds noise.
      if (value && value !== spec.default) secrets.add(value)
    }
  }
}
