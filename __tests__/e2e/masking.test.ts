// With RUNNER_DEBUG=1, no secret — inputs, session tokens the emulator issued, the JWT and the
// raw token inside, env values — appears anywhere the action writes, but in ::add-mask::.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { cloudInputs } from '../helpers/cloud-inputs.js'
import { leakedSecrets, runAction, type ActionRun } from '../helpers/run-action.js'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator()
})
afterAll(async () => {
  await emu.stop()
})

/** Session tokens the emulator handed out since `mark` (the JWT and the raw token inside). */
function issuedSince(mark: { cloud: number; cluster: number }): string[] {
  const { cloud, cluster } = emu.sessionsIssued
  return [...cloud.slice(mark.cloud), ...cluster.slice(mark.cluster).flatMap(s => [s.jwt, s.token])]
}

function mark() {
  return { cloud: emu.sessionsIssued.cloud.length, cluster: emu.sessionsIssued.cluster.length }
}

function expectNoLeak(run: ActionRun, secrets: string[]): void {
  expect(leakedSecrets(run, secrets)).toEqual([])
  for (const secret of secrets.filter(s => s.length >= 8)) {
    expect(run.stdout).toContain(`::add-mask::${secret}`)
  }
}

describe('masking with RUNNER_DEBUG=1', () => {
  it('set-env leaks no password, session token or env value', async () => {
    emu.setClusterStatus('Active', { ...emu.cluster.config, replicaCount: 1 })
    const value = 'very-secret-env-value-42'
    const before = mark()
    const run = await runAction({
      inputs: cloudInputs(emu, 'set-env', {
        env: `API_TOKEN=${value}`,
        'cluster-url': emu.clusterUrl
      }),
      env: { RUNNER_DEBUG: '1' }
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('::debug::')
    const issued = issuedSince(before)
    expect(issued.length).toBeGreaterThan(0)
    expectNoLeak(run, ['cloud-pass-9f3Kq2', value, ...issued])
    // A value read from the cluster is never printed either.
    expect(run.everything).not.toContain('existing-secret-value-123')
  })

  it('a failing operation leaks nothing through its error', async () => {
    const run = await runAction({
      inputs: cloudInputs(emu, 'start-cluster', { 'cloud-password': 'wrong-pass-S3cr3t' }),
      env: { RUNNER_DEBUG: '1' }
    })
    expect(run.code).toBe(1)
    expectNoLeak(run, ['wrong-pass-S3cr3t'])
  })

  it('the env fallback secrets are masked too', async () => {
    const inputs = cloudInputs(emu, 'cluster-status')
    const before = mark()
    const run = await runAction({
      inputs: { ...inputs, 'cloud-password': undefined },
      env: { RUNNER_DEBUG: '1', MAGE_CLOUD_PASSWORD: 'cloud-pass-9f3Kq2' }
    })
    expect(run.code).toBe(0)
    expectNoLeak(run, ['cloud-pass-9f3Kq2', ...issuedSince(before)])
  })
})
