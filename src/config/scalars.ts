// Strict scalar inputs: a typo is an error naming the input, never a silent default.
import { ConfigError } from '../errors.js'
import { showValue } from './show-value.js'

const TRUE_VALUES = ['true', 'True', 'TRUE']
const FALSE_VALUES = ['false', 'False', 'FALSE']

/** The YAML 1.2 core booleans `@actions/core` accepts; `yes`, `1` or `on` are errors. */
export function parseBoolean(input: string, raw: string): boolean {
  const text = raw.trim()
  if (TRUE_VALUES.includes(text)) return true
  if (FALSE_VALUES.includes(text)) return false
  throw new ConfigError(input, `must be true or false (got ${showValue(text)})`)
}

/** A whole number ≥ 1, digits only (no sign, no decimals, no exponent). */
export function parsePositiveInteger(input: string, raw: string): number {
  const value = parseDigits(input, raw, 'a positive integer (1, 2, 3, …)')
  if (value < 1) throw new ConfigError(input, `must be a positive integer (got ${showValue(raw)})`)
  return value
}

/** A whole number ≥ 0, digits only. */
export function parseNonNegativeInteger(input: string, raw: string): number {
  return parseDigits(input, raw, 'a whole number, 0 or more')
}

function parseDigits(input: string, raw: string, what: string): number {
  const text = raw.trim()
  const value = /^\d+$/.test(text) ? Number(text) : NaN
  if (!Number.isSafeInteger(value)) {
    throw new ConfigError(input, `must be ${what} (got ${showValue(text)})`)
  }
  return value
}

/**
 * Non-blank lines, each trimmed; CRLF-safe. (`input` is unused: it keeps the signature of the
 * other parsers.)
 */
export function parseLines(input: string, raw: string): string[] {
  return raw
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '')
}

/** `parseLines`, where a line given twice is an error naming it (e.g. `block`). */
export function parseUniqueLines(input: string, raw: string): string[] {
  const lines = parseLines(input, raw)
  const seen = new Set<string>()
  for (const line of lines) {
    if (seen.has(line)) throw new ConfigError(input, `${showValue(line)} is given twice`)
    seen.add(line)
  }
  return lines
}

/** One of a fixed list, exactly (case-sensitive); the error lists the valid values. */
export function parseChoice<T extends string>(
  input: string,
  raw: string,
  choices: readonly T[]
): T {
  const text = raw.trim()
  const choice = choices.find(c => c === text)
  if (choice === undefined) {
    throw new ConfigError(input, `must be one of ${choices.join(', ')} (got ${showValue(text)})`)
  }
  return choice
}
