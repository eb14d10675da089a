// start-cluster, stop-cluster, set-env and cluster-status, run from dist/index.js against the
// emulator, as the runner runs them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { cloudInputs } from '../helpers/cloud-inputs.js'
import { runAction, withoutMaskCommands } from '../helpers/run-action.js'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator()
})
afterAll(async () => {
  await emu.stop()
})
afterEach(() => {
  emu.clearFaults()
  emu.clearRequests()
})

const CLUSTER_PATH = '/api/v1/teams/team-1/clusters/cluster-1'
const puts = () => emu.requestsTo('cloud', 'PUT', CLUSTER_PATH)
const lastPutBody = () =>
  JSON.parse(puts().at(-1)?.body ?? '{}') as {
    cluster: { config: Record<string, unknown>; status?: string }
  }

function stopped() {
  emu.setClusterStatus('Stopped', { ...emu.cluster.config, replicaCount: 0 })
}
function active() {
  emu.setClusterStatus('Active', { ...emu.cluster.config, replicaCount: 1 })
}

describe('start-cluster', () => {
  it('starts a stopped cluster, keeps every config key, waits until Active and serving', async () => {
    stopped()
    const run = await runAction({
      inputs: cloudInputs(emu, 'start-cluster', { 'cluster-url': emu.clusterUrl, replicas: '2' })
    })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      status: 'Active',
      'cluster-status': 'Active',
      changed: 'true',
      error: ''
    })
    expect(puts()).toHaveLength(1)
    const body = lastPutBody()
    expect(body.cluster.status).toBe('Active')
    expect(body.cluster.config.replicaCount).toBe(2)
    expect(body.cluster.config.customUnknownKey).toEqual({ nested: [1, 2, 3] })
    expect(body.cluster.config.image).toEqual({ repository: 'mageai/mageaipro', tag: '0.9.79' })
    expect(emu.cluster.config.customUnknownKey).toEqual({ nested: [1, 2, 3] })
    const statusChecks = emu.requestsTo('cluster', 'GET', '/api/status')
    expect(statusChecks.length).toBeGreaterThan(0)
    expect(run.stdout).toMatch(/Cluster status: \w+ → Active/)
    expect(run.summary).toContain('start-cluster')
    expect(run.summary).toContain('Active')
  })

  it('writes nothing for an Active cluster', async () => {
    active()
    const run = await runAction({ inputs: cloudInputs(emu, 'start-cluster') })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'Active', changed: 'false' })
    expect(puts()).toHaveLength(0)
  })

  it('dry-run reads and plans, changes nothing', async () => {
    stopped()
    const run = await runAction({
      inputs: cloudInputs(emu, 'start-cluster', { 'dry-run': 'true' })
    })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'Stopped', changed: 'false' })
    expect(run.stdout).toContain('would set replicaCount 1 and status Active')
    expect(puts()).toHaveLength(0)
  })

  it('fails at the deadline naming the last status when the cluster never becomes Active', async () => {
    stopped()
    emu.neverActive(true)
    try {
      const run = await runAction({ inputs: cloudInputs(emu, 'start-cluster', { timeout: '4s' }) })
      expect(run.code).toBe(1)
      expect(run.outputs.status).toBe('Starting')
      expect(run.outputs.error).toContain("last status seen: 'Starting'")
      expect(run.durationMs).toBeLessThan(4000 + 15000)
      expect(run.summary).toContain('❌')
    } finally {
      emu.neverActive(false)
    }
  })

  it('without wait, returns the status the write left', async () => {
    stopped()
    const run = await runAction({ inputs: cloudInputs(emu, 'start-cluster', { wait: 'false' }) })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'Starting', changed: 'true' })
  })
})

describe('stop-cluster', () => {
  it('stops an active cluster and waits until Stopped', async () => {
    active()
    const run = await runAction({ inputs: cloudInputs(emu, 'stop-cluster') })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      status: 'Stopped',
      'cluster-status': 'Stopped',
      changed: 'true'
    })
    const body = lastPutBody()
    expect(body.cluster).toMatchObject({ status: 'Stopped', config: { replicaCount: 0 } })
    expect(body.cluster.config.customUnknownKey).toEqual({ nested: [1, 2, 3] })
  })

  it('writes nothing for a stopped cluster', async () => {
    stopped()
    const run = await runAction({ inputs: cloudInputs(emu, 'stop-cluster') })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'Stopped', changed: 'false' })
    expect(puts()).toHaveLength(0)
  })
})

describe('set-env', () => {
  it('adds and changes variables on a running cluster, keeps the others, waits for the restart', async () => {
    active()
    const run = await runAction({
      inputs: cloudInputs(emu, 'set-env', {
        'cluster-url': emu.clusterUrl,
        env: 'NEW_VAR=new-value-abcdef\nexport QUOTED="a # b"\nEMPTY=',
        'unset-env': 'SHORT'
      })
    })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs['env-names'])).toEqual(['NEW_VAR', 'QUOTED', 'EMPTY', 'SHORT'])
    expect(run.outputs).toMatchObject({ status: 'Active', changed: 'true' })
    const envs = emu.cluster.config.extraEnvs
    expect(envs).toEqual([
      { name: 'EXISTING_VAR', value: 'existing-secret-value-123' },
      { name: 'NEW_VAR', value: 'new-value-abcdef' },
      { name: 'QUOTED', value: 'a # b' },
      { name: 'EMPTY', value: '' }
    ])
    expect(emu.cluster.config.customUnknownKey).toEqual({ nested: [1, 2, 3] })
    expect(run.stdout).toMatch(/Cluster status: Updating → Active/)
    expect(withoutMaskCommands(run.stdout)).not.toContain('new-value-abcdef')
    expect(run.summary).toContain('NEW_VAR')
    expect(run.summary).not.toContain('new-value-abcdef')
  })

  it('writes nothing when every value is already set', async () => {
    active()
    const run = await runAction({
      inputs: cloudInputs(emu, 'set-env', { env: 'EXISTING_VAR=existing-secret-value-123' })
    })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ changed: 'false', 'env-names': '[]' })
    expect(puts()).toHaveLength(0)
  })

  it('writes to a stopped cluster without waiting, with a notice', async () => {
    stopped()
    const run = await runAction({
      inputs: cloudInputs(emu, 'set-env', { env: '{"JSON_VAR": 42}' })
    })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      status: 'Stopped',
      changed: 'true',
      'env-names': '["JSON_VAR"]'
    })
    expect(run.stdout).toContain(
      '::notice::The cluster is Stopped: the new values apply at its next start'
    )
    expect(emu.cluster.config.extraEnvs).toContainEqual({ name: 'JSON_VAR', value: '42' })
  })

  it('re-merges after a concurrent writer overwrote the change', async () => {
    stopped()
    emu.staleWriter({ times: 1, name: 'OTHER_WRITER', value: 'x' })
    const run = await runAction({
      inputs: cloudInputs(emu, 'set-env', { env: 'MINE=mine-value-123' })
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('A concurrent write overwrote MINE')
    expect(puts()).toHaveLength(2)
    const names = (emu.cluster.config.extraEnvs as { name: string }[]).map(e => e.name)
    expect(names).toEqual(expect.arrayContaining(['MINE', 'OTHER_WRITER', 'EXISTING_VAR']))
  })

  it('fails, and says so, when the change keeps being overwritten', async () => {
    stopped()
    emu.staleWriter({ times: 10, name: 'OTHER_WRITER', value: 'y' })
    const run = await runAction({
      inputs: cloudInputs(emu, 'set-env', { env: 'LOSER=value-lost-123' })
    })
    expect(run.code).toBe(1)
    expect(run.outputs.error).toContain('concurrency group')
    expect(puts()).toHaveLength(4)
  })
})

describe('cluster-status', () => {
  it('reports the status and changes nothing', async () => {
    active()
    const run = await runAction({ inputs: cloudInputs(emu, 'cluster-status') })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      status: 'Active',
      'cluster-status': 'Active',
      changed: 'false',
      error: ''
    })
    expect(puts()).toHaveLength(0)
    expect(run.summary).toMatch(/\| Status \| Active \|/)
  })
})

describe('faults', () => {
  it('retries a 503 and a 429 with Retry-After on reads', async () => {
    active()
    emu.inject({ server: 'cloud', method: 'GET', path: CLUSTER_PATH, status: 503, times: 1 })
    emu.inject({
      server: 'cloud',
      method: 'GET',
      path: CLUSTER_PATH,
      status: 429,
      retryAfter: '1',
      times: 1
    })
    const run = await runAction({ inputs: cloudInputs(emu, 'cluster-status') })
    expect(run.code).toBe(0)
    expect(emu.requestsTo('cloud', 'GET', CLUSTER_PATH)).toHaveLength(3)
    expect(run.stdout).toContain('Retrying GET')
  })

  it('repeats the cluster PUT after a dropped connection, losing nothing', async () => {
    stopped()
    emu.inject({ server: 'cloud', method: 'PUT', path: CLUSTER_PATH, drop: 'after', times: 1 })
    const run = await runAction({ inputs: cloudInputs(emu, 'start-cluster') })
    expect(run.code).toBe(0)
    expect(puts()).toHaveLength(2)
    expect(emu.cluster.config.customUnknownKey).toEqual({ nested: [1, 2, 3] })
    expect(emu.cluster.status).toBe('Active')
  })

  it('logs in again on an expired session and repeats the request once', async () => {
    active()
    emu.inject({
      server: 'cloud',
      method: 'GET',
      path: CLUSTER_PATH,
      envelope: {
        code: 401,
        type: 'expired_oauth_token',
        message: 'Expired OAuth token.',
        httpStatus: 401
      },
      times: 1
    })
    const run = await runAction({ inputs: cloudInputs(emu, 'cluster-status') })
    expect(run.code).toBe(0)
    expect(emu.requestsTo('cloud', 'POST', '/api/v1/sessions')).toHaveLength(2)
  })

  it('fails a second 401 right after a fresh login as an authentication failure', async () => {
    active()
    emu.inject({
      server: 'cloud',
      method: 'GET',
      path: CLUSTER_PATH,
      envelope: {
        code: 401,
        type: 'invalid_oauth_token',
        message: 'Invalid OAuth token.',
        httpStatus: 401
      },
      times: 2
    })
    const run = await runAction({ inputs: cloudInputs(emu, 'cluster-status') })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(run.outputs.error).toContain('invalid_oauth_token')
    expect(emu.requestsTo('cloud', 'POST', '/api/v1/sessions')).toHaveLength(2)
  })

  it('reports a wrong password with a hint and no retry', async () => {
    const run = await runAction({
      inputs: cloudInputs(emu, 'cluster-status', { 'cloud-password': 'wrong-password-1' })
    })
    expect(run.code).toBe(1)
    expect(run.outputs.error).toContain('check cloud-email and cloud-password')
    expect(emu.requestsTo('cloud', 'POST', '/api/v1/sessions')).toHaveLength(1)
  })

  it('keeps the step green with fail-on-error false, outputs still set', async () => {
    const run = await runAction({
      inputs: cloudInputs(emu, 'cluster-status', {
        'cloud-password': 'wrong-password-1',
        'fail-on-error': 'false'
      })
    })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('failed')
    expect(run.outputs.error).not.toBe('')
    expect(run.stdout).toContain('::warning::')
  })

  it('refuses a redirect to another host', async () => {
    emu.inject({
      server: 'cloud',
      path: '/api/v1/sessions',
      redirect: 'http://other-host.invalid/steal'
    })
    const run = await runAction({ inputs: cloudInputs(emu, 'cluster-status') })
    expect(run.code).toBe(1)
    expect(run.outputs.error).toContain('redirect to other-host.invalid')
    expect(emu.requests).toHaveLength(1)
  })

  it('fails a request slower than the deadline within timeout + 15 s', async () => {
    emu.inject({ server: 'cloud', path: '/api/v1/sessions', latencyMs: 8000 })
    const run = await runAction({ inputs: cloudInputs(emu, 'cluster-status', { timeout: '3s' }) })
    expect(run.code).toBe(1)
    expect(run.durationMs).toBeLessThan(3000 + 15000)
    expect(run.outputs.status).toBe('failed')
  })
})
