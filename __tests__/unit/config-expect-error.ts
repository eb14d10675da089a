// Shared by the config-*.test.ts files: a bad input must throw a ConfigError naming the input.
import { expect } from '@jest/globals'
import { ConfigError } from '../../src/errors.js'

/** Runs `fn` and checks it throws a ConfigError for `input` whose message holds each fragment. */
export function expectConfigError(
  fn: () => unknown,
  input: string,
  ...fragments: string[]
): ConfigError {
  let caught: unknown
  try {
    fn()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(ConfigError)
  const error = caught as ConfigError
  expect(error.input).toBe(input)
  expect(error.message).toMatch(new RegExp(`^Input '${input}': `))
  for (const fragment of fragments) expect(error.message).toContain(fragment)
  return error
}
