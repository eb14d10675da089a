// Every input × every malformed form (input-corpus-cases.ts): accepted as documented, or rejected
// with a message naming the input — and then, through run(), with zero requests, status=failed
// and an error that names the input but never echoes a secret.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { GitHubContext } from '../../src/config/github-context.js'
import { INPUTS } from '../../src/config/inputs.js'
import { parseConfig } from '../../src/config/parse-config.js'
import { ConfigError } from '../../src/errors.js'
import { run } from '../../src/main.js'
import { fakeClock, recordingIO } from '../helpers/fakes.js'
import { writeFigures } from '../reliability/support/figures.js'
import {
  CLASSES,
  INPUT_CASES,
  type InputCase,
  type MalformedClass,
  accepted
} from './input-corpus-cases.js'
import { loadYamlParser } from '../../src/config/yaml-parser.js'

beforeAll(async () => {
  await loadYamlParser()
})

const PUSH: GitHubContext = {
  eventName: 'push',
  sha: 'b'.repeat(40),
  refName: 'main',
  headRef: '',
  payload: {}
}
const PUSH_ENV = { GITHUB_EVENT_NAME: 'push', GITHUB_SHA: 'b'.repeat(40), GITHUB_REF_NAME: 'main' }

function inputsFor(name: string, input: InputCase, value: string): Record<string, string> {
  return { operation: input.operation, ...input.base, [name]: value }
}

function parse(inputs: Record<string, string>): unknown {
  return parseConfig({ input: key => inputs[key] ?? '', env: {}, github: PUSH })
}

const cells = INPUTS.flatMap(spec =>
  CLASSES.map(cls => [spec.name, cls.name, cls] as [string, string, MalformedClass])
)

describe('the bad-input corpus covers every input', () => {
  it('classifies every input of action.yml', () => {
    expect(Object.keys(INPUT_CASES).sort()).toEqual(INPUTS.map(spec => spec.name).sort())
  })

  it.each(Object.entries(INPUT_CASES))('%s: its good value and base parse', (name, input) => {
    expect(() => parse(inputsFor(name, input, input.valid))).not.toThrow()
  })
})

/** For docs/reliability.md: how many malformed values were tried, and what became of them. */
const tally = { tried: 0, rejected: 0, acceptedAsDocumented: 0, requestsMade: 0 }

describe('the bad-input corpus', () => {
  afterAll(() => {
    if (tally.tried === cells.length) writeFigures('bad-input', tally)
  })

  it.each(cells)('%s: %s', async (name, _label, cls) => {
    const input = INPUT_CASES[name]
    const value = cls.value(input.kind, input.valid)
    const inputs = inputsFor(name, input, value)
    let failure: unknown
    let config: unknown
    try {
      config = parse(inputs)
    } catch (error) {
      failure = error
    }
    tally.tried++
    if (accepted(cls, input)) {
      expect(failure).toBeUndefined()
      tally.acceptedAsDocumented++
      // CRLF never survives into the config (a `\r` in a header or a name would).
      if (cls.name === 'CRLF line ends') expect(JSON.stringify(config)).not.toContain('\\r')
      return
    }
    expect(failure).toBeInstanceOf(ConfigError)
    expect((failure as ConfigError).input).toBe(name)
    await expectRejectedByRun(inputs, name)
    tally.rejected++
  })
})

/** Through the whole action: no request, status=failed, an error naming the input. */
async function expectRejectedByRun(inputs: Record<string, string>, name: string): Promise<void> {
  const io = recordingIO()
  const sent: string[] = []
  await run({
    io,
    clock: fakeClock(),
    transport: {
      send: request => {
        sent.push(request.url.href)
        return Promise.reject(new Error('no request may be sent'))
      }
    },
    input: key => inputs[key] ?? '',
    env: PUSH_ENV
  })
  expect(sent).toEqual([])
  expect(io.outputs.get('status')).toBe('failed')
  expect(io.outputs.get('error')).toContain(`Input '${name}'`)
  expect(io.failed).toContain(`Input '${name}'`)
  // A secret input's value is masked first and never echoed.
  const secret = INPUTS.find(spec => spec.name === name)?.secret ? inputs[name].trim() : ''
  if (secret.length >= 6) expect(io.failed).not.toContain(secret)
}
