// The `env` and `unset-env` inputs of set-env (SPEC §6 "Formats").
import { ConfigError } from '../errors.js'
import type { EnvEntry } from './types.js'
import { parseDotenv } from './env-dotenv.js'
import { parseEnvJson } from './env-json.js'
import { checkEnvName, NameRegistry } from './env-names.js'

/** `env`: a JSON object when the first non-blank character is `{`, else dotenv lines. */
export function parseEnvInput(raw: string): EnvEntry[] {
  return raw.trimStart().startsWith('{') ? parseEnvJson('env', raw) : parseDotenv('env', raw)
}

/** `unset-env`: one name a line; blank and `#` lines skipped; a name given twice is an error. */
export function parseEnvNames(raw: string): string[] {
  const input = 'unset-env'
  const names: string[] = []
  const registry = new NameRegistry(input)
  raw.split('\n').forEach((rawLine, index) => {
    const name = rawLine.trim()
    if (name === '' || name.startsWith('#')) return
    const where = `line ${index + 1}`
    if (name.includes('=')) {
      // NAME=VALUE pasted here: the value must not be echoed.
      throw new ConfigError(input, `${where} holds '=': unset-env takes names only, one a line`)
    }
    checkEnvName(input, name, `${where}: `)
    registry.add(name, where)
    names.push(name)
  })
  return names
}
