// The parsed config for a debug line: every non-secret value; env and variable names without
// their values.
import type { Config } from './types.js'

const SECRET_KEYS = new Set(['password', 'triggerToken', 'apiKey', 'secrets'])

export function describeConfig(config: Config): string {
  return JSON.stringify(config, (key, value: unknown) => {
    if (SECRET_KEYS.has(key)) return value === undefined ? undefined : '***'
    if (key === 'env' && Array.isArray(value)) {
      return (value as { name: string }[]).map(entry => `${entry.name}=***`)
    }
    // Runtime variables may carry credentials a pipeline needs: their names only.
    if (key === 'variables' && value !== null && typeof value === 'object') {
      return Object.keys(value).map(name => `${name}=***`)
    }
    return value
  })
}
