// stop-cluster with skip-if-busy from dist/index.js against the emulator: pipeline runs in
// progress keep the cluster up, stuck ones do not, and runs that can't be seen never lead to a
// stop.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { cloudInputs } from '../helpers/cloud-inputs.js'
import { loginInputs, serving } from '../helpers/cluster-inputs.js'
import { runAction } from '../helpers/run-action.js'

let emu: Emulator

beforeEach(async () => {
  emu = await startEmulator()
  serving(emu)
})
afterEach(async () => {
  await emu.stop()
})

const HOUR = 3600_000
const stopInputs = (extra: Record<string, string> = {}) =>
  cloudInputs(emu, 'stop-cluster', {
    'skip-if-busy': 'true',
    'cluster-url': emu.clusterUrl,
    ...loginInputs(),
    ...extra
  })
const clusterPuts = () => emu.requestsTo('cloud', 'PUT', '/api/v1/teams/team-1/clusters/cluster-1')
/** `2026-11-28 17:04:34`: the naive, space-separated form of SQLite rows (UTC). */
const naive = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19)

describe('stop-cluster skip-if-busy', () => {
  it('leaves the cluster up while a pipeline run is going, naming the pipeline', async () => {
    emu.addPipelineRun({
      pipeline_uuid: 'etl_demo',
      status: 'running',
      started_at: naive(Date.now() - HOUR)
    })
    emu.addPipelineRun({ pipeline_uuid: 'failing_pipeline', status: 'initial', started_at: null })
    const run = await runAction({ inputs: stopInputs() })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'Active', changed: 'false', error: '' })
    expect(run.stdout).toMatch(
      /::notice::The cluster stays up: 2 pipeline run\(s\) in progress: .*etl_demo/
    )
    expect(run.stdout).toContain('failing_pipeline')
    expect(clusterPuts()).toHaveLength(0)
    expect(emu.cluster.status).toBe('Active')
    const lists = emu.requestsTo('cluster', 'GET', '/api/pipeline_runs')
    expect(lists.map(r => r.path)).toEqual([
      '/api/pipeline_runs?status=initial&_limit=100&_offset=0',
      '/api/pipeline_runs?status=running&_limit=100&_offset=0'
    ])
  })

  it('names runs older than busy-max-age as stuck and stops anyway', async () => {
    // Both other datetime forms: ISO naive and ISO with an offset.
    emu.addPipelineRun({
      pipeline_uuid: 'stuck_pipeline',
      status: 'running',
      started_at: new Date(Date.now() - 48 * HOUR).toISOString().slice(0, 19)
    })
    emu.addPipelineRun({
      pipeline_uuid: 'etl_demo',
      status: 'initial',
      started_at: new Date(Date.now() - 3 * HOUR).toISOString().replace('Z', '+00:00')
    })
    const run = await runAction({ inputs: stopInputs({ 'busy-max-age': '2h' }) })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /::warning::Ignoring 2 pipeline run\(s\) older than busy-max-age.*stuck_pipeline/
    )
    expect(run.outputs).toMatchObject({ status: 'Stopped', changed: 'true' })
    expect(clusterPuts()).toHaveLength(1)
  })

  it('stops when no run is in progress, finished runs aside', async () => {
    emu.addPipelineRun({ pipeline_uuid: 'etl_demo', status: 'completed' })
    emu.addPipelineRun({ pipeline_uuid: 'etl_demo', status: 'failed' })
    const run = await runAction({ inputs: stopInputs() })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'Stopped', changed: 'true' })
  })

  it('pages through many runs', async () => {
    for (let i = 0; i < 130; i++) {
      emu.addPipelineRun({
        pipeline_uuid: 'stuck_pipeline',
        status: 'running',
        started_at: naive(Date.now() - 30 * HOUR)
      })
    }
    emu.addPipelineRun({
      pipeline_uuid: 'etl_demo',
      status: 'running',
      started_at: naive(Date.now())
    })
    const run = await runAction({ inputs: stopInputs() })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/The cluster stays up: 1 pipeline run\(s\) in progress: etl_demo/)
    expect(run.stdout).toMatch(/Ignoring 130 pipeline run\(s\)/)
    expect(
      emu.requestsTo('cluster', 'GET', '/api/pipeline_runs?status=running&_limit=100&_offset=100')
    ).toHaveLength(1)
  })

  it('fails, and does not stop, when the cluster login fails', async () => {
    const run = await runAction({ inputs: stopInputs({ 'cluster-password': 'wrong-password-1' }) })
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(/check cluster-email and cluster-password/)
    expect(clusterPuts()).toHaveLength(0)
    expect(emu.cluster.status).toBe('Active')
  })

  it('fails, and does not stop, when the cluster API cannot be reached', async () => {
    emu.inject({ server: 'cluster', path: '/api/pipeline_runs', status: 503, times: Infinity })
    const run = await runAction({ inputs: stopInputs() })
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(/503/)
    expect(clusterPuts()).toHaveLength(0)
    expect(emu.cluster.status).toBe('Active')
  })

  it('fails, and does not stop, when nothing listens at cluster-url', async () => {
    const other = await startEmulator()
    const closedUrl = other.clusterUrl
    await other.stop()
    const run = await runAction({
      inputs: stopInputs({ 'cluster-url': closedUrl, timeout: '20s' })
    })
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(/ECONNREFUSED/)
    expect(clusterPuts()).toHaveLength(0)
  })
})
