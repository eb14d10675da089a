// The runner passes every action.yml default as an input. Those must not count as "given":
// no unused-input warnings, and the code's defaults must match what the runner fills in.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import YAML from 'yaml'
import { DEFAULT_SCENARIO, type Emulator, startEmulator } from '../../emulator/index.js'
import { cloudInputs } from '../helpers/cloud-inputs.js'
import { REPO_ROOT, runAction } from '../helpers/run-action.js'

let emu: Emulator
const action = YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>
}
const runnerDefaults = Object.fromEntries(
  Object.entries(action.inputs).flatMap(([name, spec]) =>
    spec.default === undefined ? [] : [[name, String(spec.default)]]
  )
)

beforeAll(async () => {
  emu = await startEmulator()
})
afterAll(async () => {
  await emu.stop()
})

describe('inputs filled by the runner from action.yml defaults', () => {
  it.each(['cluster-status', 'start-cluster', 'stop-cluster'])(
    '%s warns about nothing',
    async operation => {
      const run = await runAction({
        inputs: {
          ...runnerDefaults,
          ...cloudInputs(
            emu,
            operation,
            operation === 'cluster-status' ? { 'poll-interval': '5s' } : { 'dry-run': 'true' }
          )
        }
      })
      expect(run.code).toBe(0)
      expect(run.stdout).not.toContain('::warning::')
    }
  )

  it('deploy-git in git-sync mode gives no "does not apply" notice for the default environment', async () => {
    const user = DEFAULT_SCENARIO.cluster.users[0]
    emu.setClusterStatus('Active', { ...emu.cluster.config, replicaCount: 1 })
    const run = await runAction({
      inputs: {
        ...runnerDefaults,
        operation: 'deploy-git',
        'cluster-url': emu.clusterUrl,
        'cluster-email': user.email,
        'cluster-password': user.password,
        'poll-interval': '1s'
      }
    })
    expect(run.code).toBe(0)
    expect(run.stdout).not.toContain('::warning::')
    expect(run.stdout).not.toMatch(/::notice::.*do(es)? not apply/)
  })
})
