// The JSON form of the `env` input: one object of string, number or boolean values.
// JSON.parse checks the syntax; a scan of the top level then finds what it would hide:
// duplicate keys (JSON.parse keeps the last) and integers it cannot hold exactly.
// Values are secrets: no error message here ever contains one.
import { ConfigError } from '../errors.js'
import type { EnvEntry } from './types.js'
import { checkEnvName, NameRegistry } from './env-names.js'

const WHITESPACE = /[ \t\n\r]*/y
const STRING = /"(?:[^"\\]+|\\.)*"/y
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const INTEGER = /^-?\d+$/

export function parseEnvJson(input: string, raw: string): EnvEntry[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch (error) {
    throw new ConfigError(input, `is not valid JSON${jsonErrorPlace(raw, error)}`)
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(input, 'must be a JSON object of NAME: value')
  }
  return scanTopLevel(input, raw)
}

/** Reads `{"KEY": value, …}` from text JSON.parse has already accepted. */
function scanTopLevel(input: string, text: string): EnvEntry[] {
  const entries: EnvEntry[] = []
  const names = new NameRegistry(input)
  let position = skip(text, text.indexOf('{') + 1)
  if (text[position] === '}') return entries
  for (;;) {
    const keyToken = token(STRING, text, position)
    const name = JSON.parse(keyToken) as string
    checkEnvName(input, name, '')
    names.add(name, `key ${entries.length + 1}`)
    position = skip(text, skip(text, position + keyToken.length) + 1) // past ':'
    const { value, length } = readValue(input, name, text, position)
    entries.push({ name, value })
    position = skip(text, position + length)
    if (text[position] === '}') return entries
    position = skip(text, position + 1) // past ','
  }
}

function readValue(
  input: string,
  name: string,
  text: string,
  position: number
): { value: string; length: number } {
  const first = text[position]
  if (first === '"') {
    const raw = token(STRING, text, position)
    return { value: JSON.parse(raw) as string, length: raw.length }
  }
  if (text.startsWith('true', position)) return { value: 'true', length: 4 }
  if (text.startsWith('false', position)) return { value: 'false', length: 5 }
  if (first === '-' || (first >= '0' && first <= '9')) {
    const raw = token(NUMBER, text, position)
    return { value: numberText(input, name, raw), length: raw.length }
  }
  const kind = first === '{' ? 'an object' : first === '[' ? 'an array' : 'null'
  throw new ConfigError(input, `the value of '${name}' is ${kind}: use a string, number or boolean`)
}

/** A number as JSON.stringify prints it; refused when that would change it. */
function numberText(input: string, name: string, raw: string): string {
  const value = Number(raw)
  if (!Number.isFinite(value)) {
    throw new ConfigError(input, `the value of '${name}' is too large a number: quote it`)
  }
  if (INTEGER.test(raw) && !Number.isSafeInteger(value)) {
    throw new ConfigError(
      input,
      `the value of '${name}' is an integer too large to keep exactly: quote it as a string`
    )
  }
  return String(value)
}

function token(pattern: RegExp, text: string, position: number): string {
  pattern.lastIndex = position
  const match = pattern.exec(text)
  if (match === null) throw new Error(`unexpected JSON at ${position}`) // JSON.parse accepted it
  return match[0]
}

function skip(text: string, position: number): number {
  WHITESPACE.lastIndex = position
  WHITESPACE.exec(text)
  return WHITESPACE.lastIndex
}

// V8's message may quote the input (a secret), so only its position is kept.
function jsonErrorPlace(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : ''
  const match = /at position (\d+)/.exec(message)
  if (match === null) return ''
  const offset = Number(match[1])
  const before = text.slice(0, offset).split('\n')
  return ` (line ${before.length}, column ${before[before.length - 1].length + 1})`
}
