// Raw inputs resolved once: the input itself, else its env fallback, else the code's default.
// Remembers which inputs were given in `with:`, for the unused-input warnings.
import { ConfigError } from '../errors.js'
import { INPUTS, type InputSpec } from './inputs.js'
import type { Operation } from './types.js'

export interface RawInputs {
  /** The input as the runner passed it; '' when unset. */
  input(name: string): string
  readonly env: Readonly<Record<string, string | undefined>>
}

/** Inputs whose inner text matters (YAML indentation, one item a line): not trimmed. */
const TEXT_INPUTS: ReadonlySet<string> = new Set(['env', 'unset-env', 'variables', 'block'])

/** The default the code applies to each input that has one (action.yml must agree). */
export const CONFIG_DEFAULTS: Readonly<Record<string, string>> = Object.fromEntries(
  INPUTS.flatMap(spec => (spec.default === undefined ? [] : [[spec.name, spec.default]]))
)

type Origin = 'input' | 'env-fallback' | 'default' | 'none'

interface ResolvedInput {
  readonly spec: InputSpec
  readonly value: string
  readonly origin: Origin
}

export class InputValues {
  private readonly resolved: ReadonlyMap<string, ResolvedInput>

  constructor(source: RawInputs) {
    this.resolved = new Map(INPUTS.map(spec => [spec.name, resolve(spec, source)]))
  }

  /** The value after fallback and default; '' when none applies. */
  value(name: string): string {
    return this.get(name).value
  }

  /** The value, or `undefined` when empty. */
  optional(name: string): string | undefined {
    const { value } = this.get(name)
    return value === '' ? undefined : value
  }

  /** The value, or an error naming the input, what needs it, and its env fallback. */
  required(name: string, neededFor: string): string {
    const { value, spec } = this.get(name)
    if (value !== '') return value
    const fallback = spec.envFallback === undefined ? '' : ` (or set ${spec.envFallback})`
    throw new ConfigError(name, `is required for ${neededFor}${fallback}`)
  }

  /**
   * Given in `with:` itself: an env fallback or a default does not count. The runner fills every
   * action.yml default in as an input, so a value equal to its default counts as not given.
   */
  given(name: string): boolean {
    const { origin, value, spec } = this.get(name)
    return origin === 'input' && value !== spec.default
  }

  /** Names of the inputs given in `with:`, in action.yml order. */
  givenNames(): string[] {
    return INPUTS.map(spec => spec.name).filter(name => this.given(name))
  }

  /** Every secret value, wherever it came from, except a public default key. */
  secrets(): string[] {
    const secrets = new Set<string>()
    for (const { spec, value } of this.resolved.values()) {
      if (spec.secret === true && value !== '' && value !== spec.default) secrets.add(value)
    }
    return [...secrets]
  }

  private get(name: string): ResolvedInput {
    const resolved = this.resolved.get(name)
    if (resolved === undefined) throw new Error(`unknown input '${name}'`) // a bug, not bad input
    return resolved
  }
}

function resolve(spec: InputSpec, source: RawInputs): ResolvedInput {
  const raw = source.input(spec.name)
  if (raw.trim() !== '') {
    return { spec, value: TEXT_INPUTS.has(spec.name) ? raw : raw.trim(), origin: 'input' }
  }
  const fromEnv = spec.envFallback === undefined ? '' : (source.env[spec.envFallback] ?? '').trim()
  if (fromEnv !== '') return { spec, value: fromEnv, origin: 'env-fallback' }
  if (spec.default !== undefined) return { spec, value: spec.default, origin: 'default' }
  return { spec, value: '', origin: 'none' }
}

/** What INPUTS says: does `operation` use the input at all? */
export function isUsedBy(name: string, operation: Operation): boolean {
  const spec = INPUTS.find(s => s.name === name)
  return spec !== undefined && (spec.usedBy === 'all' || spec.usedBy.includes(operation))
}
