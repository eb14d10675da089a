// A sample of each bad-input class through dist/index.js: the step fails naming the input,
// writes status=failed and error, and makes no request at all.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { cloudInputs } from '../helpers/cloud-inputs.js'
import { runAction } from '../helpers/run-action.js'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator()
})
afterAll(async () => {
  await emu.stop()
})

const cluster = () => ({
  'cluster-url': emu.clusterUrl,
  'trigger-token': '5f0c2a9d8e7b4c1a9f3e6d2b1a0c9e8f'
})

const cases: [string, () => Record<string, string>, string][] = [
  ['an unknown operation', () => cloudInputs(emu, 'restart-cluster'), 'operation'],
  ['a missing operation', () => ({ ...cloudInputs(emu, ''), operation: '' }), 'operation'],
  [
    'a missing password',
    () => cloudInputs(emu, 'start-cluster', { 'cloud-password': '' }),
    'cloud-password'
  ],
  [
    'a missing cluster id',
    () => cloudInputs(emu, 'stop-cluster', { 'cluster-id': '' }),
    'cluster-id'
  ],
  ['set-env without env', () => cloudInputs(emu, 'set-env'), 'env'],
  [
    'dry-run on run-block',
    () => ({ operation: 'run-block', ...cluster(), pipeline: 'p', block: 'b', 'dry-run': 'true' }),
    'dry-run'
  ],
  [
    'a boolean that is not true/false',
    () => cloudInputs(emu, 'start-cluster', { wait: 'yes' }),
    'wait'
  ],
  [
    'a malformed duration',
    () => cloudInputs(emu, 'start-cluster', { timeout: '10 minutes' }),
    'timeout'
  ],
  [
    'a poll interval under 1s',
    () => cloudInputs(emu, 'start-cluster', { 'poll-interval': '10ms' }),
    'poll-interval'
  ],
  ['a bad env name', () => cloudInputs(emu, 'set-env', { env: 'BAD NAME=x' }), 'env'],
  ['env given twice', () => cloudInputs(emu, 'set-env', { env: 'A=1\nA=2' }), 'env'],
  ['env as a JSON array', () => cloudInputs(emu, 'set-env', { env: '["A"]' }), 'env'],
  [
    'variables not an object',
    () => ({
      operation: 'run-block',
      ...cluster(),
      pipeline: 'p',
      block: 'b',
      variables: '[1, 2]'
    }),
    'variables'
  ],
  [
    'variables invalid JSON',
    () => ({
      operation: 'run-block',
      ...cluster(),
      pipeline: 'p',
      block: 'b',
      variables: '{"a": '
    }),
    'variables'
  ],
  [
    'a plain http URL off loopback',
    () =>
      cloudInputs(emu, 'cluster-status', { 'cloud-api-url': 'http://cloud.example.com/api/v1' }),
    'cloud-api-url'
  ],
  [
    'a URL with credentials',
    () => ({
      operation: 'run-block',
      ...cluster(),
      'cluster-url': 'https://user:pw@mage.example.com',
      pipeline: 'p',
      block: 'b'
    }),
    'cluster-url'
  ],
  [
    'an environment outside its values',
    () => ({
      operation: 'deploy-git',
      'cluster-url': emu.clusterUrl,
      'cluster-email': 'a@b.c',
      'cluster-password': 'pw-123456',
      environment: 'prod'
    }),
    'environment'
  ],
  [
    'a schedule id that is not a number',
    () => ({ operation: 'run-pipeline', ...cluster(), 'schedule-id': 'abc' }),
    'schedule-id'
  ],
  [
    'a duplicate block',
    () => ({ operation: 'run-block', ...cluster(), pipeline: 'p', block: 'a\nb\na' }),
    'block'
  ]
]

describe('bad input', () => {
  it.each(cases)('%s fails naming the input, with no request', async (_label, inputs, input) => {
    emu.clearRequests()
    const run = await runAction({ inputs: inputs() })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(run.outputs.error).toContain(`'${input}'`)
    expect(run.stdout).toContain(`::error::`)
    expect(run.stdout).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/)
    expect(emu.requests).toHaveLength(0)
  })

  it('fails the step even with fail-on-error false', async () => {
    const run = await runAction({
      inputs: cloudInputs(emu, 'start-cluster', { wait: 'maybe', 'fail-on-error': 'false' })
    })
    expect(run.code).toBe(1)
  })

  it('warns about an input the operation does not use', async () => {
    emu.setClusterStatus('Active', { ...emu.cluster.config, replicaCount: 1 })
    const run = await runAction({
      inputs: cloudInputs(emu, 'cluster-status', { pipeline: 'etl_demo' })
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/::warning::Input 'pipeline' is not used by cluster-status/)
  })
})
