// A sample of each class of the bad-input corpus (__tests__/unit/input-corpus-cases.ts) through
// dist/index.js against the emulator: a rejected value fails the step naming the input, with no
// request recorded; an accepted one (a URL already ending in /api, loopback http) works.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { cloudInputs } from '../helpers/cloud-inputs.js'
import { TRIGGER_TOKENS, clusterInputs, serving } from '../helpers/cluster-inputs.js'
import { runAction } from '../helpers/run-action.js'
import { BIG, SHELL } from '../unit/input-corpus-cases.js'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator()
  serving(emu)
})
afterAll(async () => {
  await emu.stop()
})

type Inputs = Record<string, string | undefined>

const status = (extra: Inputs) => ({ ...cloudInputs(emu, 'cluster-status'), ...extra })
const setEnv = (extra: Inputs) => ({ ...cloudInputs(emu, 'set-env'), ...extra })
const runBlock = (extra: Inputs) =>
  clusterInputs(emu, 'run-block', {
    'trigger-token': TRIGGER_TOKENS.etl,
    pipeline: 'etl_demo',
    block: 'load_data',
    ...extra
  })
const port = () => new URL(emu.clusterUrl).port

const REJECTED: [string, () => Inputs, string][] = [
  ['empty', () => runBlock({ pipeline: '' }), 'pipeline'],
  ['whitespace only', () => status({ 'team-id': ' \t\r\n ' }), 'team-id'],
  [
    'the wrong type',
    () => ({ ...cloudInputs(emu, 'start-cluster'), replicas: '[1, 2]' }),
    'replicas'
  ],
  ['100 KiB that is not an object', () => runBlock({ variables: BIG }), 'variables'],
  ['a 100 KiB duration', () => status({ timeout: BIG }), 'timeout'],
  ['a unicode API key', () => status({ 'cloud-api-key': 'ключ-🚀-key' }), 'cloud-api-key'],
  [
    'a unicode trigger token',
    () => runBlock({ 'trigger-token': 'tökén-日本-1234' }),
    'trigger-token'
  ],
  ['shell metacharacters in an id', () => status({ 'team-id': SHELL }), 'team-id'],
  [
    'a duplicate block, CRLF lines',
    () => runBlock({ block: 'load_data\r\nload_data\r\n' }),
    'block'
  ],
  ['JSON env with a duplicate key', () => setEnv({ env: '{"A": "1", "A": "2"}' }), 'env'],
  [
    'variables with a duplicate key',
    () => runBlock({ variables: '{"a": 1, "a": 2}' }),
    'variables'
  ],
  ['a YAML custom tag', () => runBlock({ variables: 'a: !custom x' }), 'variables'],
  ['a YAML !!binary tag', () => runBlock({ variables: 'a: !!binary aGVsbG8=' }), 'variables'],
  ["an env name with '='", () => setEnv({ env: '{"A=B": "a-long-value-1"}' }), 'env'],
  ['an unset-env name with a space', () => setEnv({ 'unset-env': 'A B' }), 'unset-env'],
  [
    'a line break in a token',
    () => runBlock({ 'trigger-token': 'abcdef12\n34567890' }),
    'trigger-token'
  ],
  ['a line break in an id', () => status({ 'cluster-id': 'cluster\n1' }), 'cluster-id'],
  [
    'a URL with credentials',
    () => status({ 'cloud-api-url': `http://ci:url-pass-77@127.0.0.1:${port()}/api/v1` }),
    'cloud-api-url'
  ],
  [
    'a URL with a fragment',
    () => runBlock({ 'cluster-url': `${emu.clusterUrl}/#top` }),
    'cluster-url'
  ],
  [
    'http:// off loopback',
    () => runBlock({ 'cluster-url': 'http://mage.example.com' }),
    'cluster-url'
  ],
  [
    'http:// to a name that only starts like loopback',
    () => runBlock({ 'cluster-url': `http://127.0.0.1.nip.io:${port()}` }),
    'cluster-url'
  ]
]

describe('the bad-input corpus through dist', () => {
  it.each(REJECTED)('%s: fails naming the input, with no request', async (_label, inputs, name) => {
    emu.clearRequests()
    const run = await runAction({ inputs: inputs() })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(run.outputs.error).toContain(`Input '${name}'`)
    expect(run.stdout).not.toMatch(/\n\s+at .+:\d+:\d+\)?/)
    expect(emu.requests).toHaveLength(0)
  })

  it.each([
    [
      'a cluster URL already ending in /api/',
      () => runBlock({ 'cluster-url': `${emu.clusterUrl}/api/` })
    ],
    ['http://localhost (loopback)', () => runBlock({ 'cluster-url': `http://localhost:${port()}` })]
  ])('%s is accepted and works', async (_label, inputs) => {
    emu.clearRequests()
    const run = await runAction({ inputs: inputs() })
    expect(run.outputs.error).toBe('')
    expect(emu.requests.map(request => request.path)).toEqual(['/api/runs'])
  })
})
