// The dotenv form of the `env` input: `KEY=VALUE` lines (SPEC §6 "Formats").
// Values are secrets: no error message here ever contains one; lines are named by number.
import { ConfigError } from '../errors.js'
import type { EnvEntry } from './types.js'
import { checkEnvName, NameRegistry } from './env-names.js'

const EXPORT_PREFIX = /^export[ \t]+(\S.*)$/

export function parseDotenv(input: string, raw: string): EnvEntry[] {
  const entries: EnvEntry[] = []
  const names = new NameRegistry(input)
  raw.split('\n').forEach((rawLine, index) => {
    const line = rawLine.trim() // also drops the `\r` of CRLF input
    if (line === '' || line.startsWith('#')) return
    const where = `line ${index + 1}`
    const equals = line.indexOf('=')
    if (equals === -1) {
      throw new ConfigError(input, `${where} is not NAME=VALUE (it has no '=')`)
    }
    const keyPart = line.slice(0, equals).trim()
    const name = EXPORT_PREFIX.exec(keyPart)?.[1].trim() ?? keyPart
    checkEnvName(input, name, `${where}: `)
    names.add(name, where)
    entries.push({ name, value: unquote(line.slice(equals + 1).trim()) })
  })
  return entries
}

/** Removes matching quotes around a whole value; anything else is verbatim (`#` included). */
function unquote(value: string): string {
  if (value.length < 2) return value
  const quote = value[0]
  if ((quote !== '"' && quote !== "'") || !value.endsWith(quote)) return value
  const inner = value.slice(1, -1)
  return quote === '"' ? unescapeDoubleQuoted(inner) : inner
}

// Double quotes understand `\n`, `\"` and `\\`; any other backslash is kept as written.
function unescapeDoubleQuoted(text: string): string {
  return text.replace(/\\([n"\\])/g, (_, c: string) => (c === 'n' ? '\n' : c))
}
