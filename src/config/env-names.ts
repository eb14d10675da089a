// Environment variable names: the rule, and how a bad one is shown without leaking a value.
import { ConfigError } from '../errors.js'

export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const NAME_RULE = 'letters, digits and _, not starting with a digit'

// A name is not secret, but text that is not a name may be a piece of a value (a line of a
// multi-line key pasted into `env`). Only text that looks like a mistyped name is echoed.
const SHOWABLE = /^[A-Za-z0-9_.\- ]{1,64}$/

/** Throws unless `name` is a valid env name. `where` locates it: `line 3: ` or ''. */
export function checkEnvName(input: string, name: string, where: string): void {
  if (ENV_NAME.test(name)) return
  if (name === '') throw new ConfigError(input, `${where}the name is empty`)
  const shown = SHOWABLE.test(name)
    ? `'${name}' is not a valid env name`
    : 'the name is not a valid env name, and is not shown as it may hold part of a value'
  throw new ConfigError(input, `${where}${shown} (${NAME_RULE})`)
}

/** Remembers names and where each was given; a second use is an error naming it. */
export class NameRegistry {
  private readonly places = new Map<string, string>()

  constructor(private readonly input: string) {}

  add(name: string, place: string): void {
    const first = this.places.get(name)
    if (first !== undefined) {
      throw new ConfigError(this.input, `'${name}' is given twice (${first} and ${place})`)
    }
    this.places.set(name, place)
  }
}
