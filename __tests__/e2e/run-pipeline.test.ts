// run-pipeline from dist/index.js (and its post step, dist/post/index.js) against the
// emulator: trigger, watch, block statuses, failed blocks' logs, the deadline cancel, and the
// post step that cancels a run the job left behind.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { TRIGGER_TOKENS, clusterInputs, loginInputs, serving } from '../helpers/cluster-inputs.js'
import { runAction } from '../helpers/run-action.js'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator()
  serving(emu)
})
afterAll(async () => {
  await emu.stop()
})
afterEach(() => {
  emu.clearFaults()
  emu.clearRequests()
  emu.scenario.cluster.requireAuth = true
})

const SCHEDULES = { etl: '1', failing: '2', stuck: '3' } as const
type Pipeline = keyof typeof SCHEDULES

const inputs = (pipeline: Pipeline, extra: Record<string, string | undefined> = {}) =>
  clusterInputs(emu, 'run-pipeline', {
    ...loginInputs(),
    'trigger-token': TRIGGER_TOKENS[pipeline],
    'schedule-id': SCHEDULES[pipeline],
    ...extra
  })

const runOf = (id: string) => emu.pipelineRuns.find(run => String(run.id) === id)
const triggers = () => emu.requestsTo('cluster', 'POST', /api_trigger/)

describe('run-pipeline', () => {
  it('triggers with a Bearer token, waits until completed, and reports every block', async () => {
    const run = await runAction({ inputs: inputs('etl', { variables: '{"env": "ci"}' }) })
    expect(run.code).toBe(0)
    const id = run.outputs['pipeline-run-id']
    expect(run.outputs).toMatchObject({
      status: 'completed',
      changed: 'true',
      error: '',
      'run-url': `${emu.clusterUrl}/pipelines/etl_demo/runs/${id}`
    })
    expect(JSON.parse(run.outputs['block-statuses'])).toEqual({
      load_data: 'completed',
      transform: 'completed'
    })
    const [trigger] = triggers()
    expect(trigger.path).toBe('/api/pipeline_schedules/1/api_trigger')
    expect(trigger.headers.authorization).toBe(`Bearer ${TRIGGER_TOKENS.etl}`)
    expect(JSON.parse(trigger.body)).toEqual({ pipeline_run: { variables: { env: 'ci' } } })
    expect(runOf(id)?.variables).toMatchObject({ env: 'ci' })
    expect(run.stdout).toMatch(/Pipeline run \d+: initial → running/)
    expect(run.stdout).toMatch(/Pipeline run \d+: running → completed/)
    expect(run.summary).toContain('| load_data | completed |')
    expect(run.summary).toContain(`[Pipeline run in Mage](${run.outputs['run-url']})`)
    // The post step's state was cleared when the wait ended: it will do nothing.
    expect(run.state['mage-pipeline-run-id']).toBe('')
    expect(run.stateFile).not.toContain(loginInputs()['cluster-password'])
  })

  it('fails a failed run naming the failed block, with its last log lines', async () => {
    const run = await runAction({ inputs: inputs('failing') })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(run.outputs.error).toBe(
      `pipeline run ${run.outputs['pipeline-run-id']} failed; failed block(s): load`
    )
    expect(JSON.parse(run.outputs['block-statuses'])).toEqual({
      extract: 'completed',
      load: 'failed'
    })
    expect(run.stdout).toContain("::group::Last log lines of block 'load'")
    expect(run.stdout).toContain('load failed: target table is locked')
    expect(run.summary).toContain('Last log lines of <code>load</code>')
    expect(run.summary).toContain('| load | failed |')
  })

  it('cancels the run at its deadline and fails naming the last status', async () => {
    const run = await runAction({ inputs: inputs('stuck', { timeout: '4s' }) })
    expect(run.code).toBe(1)
    const id = run.outputs['pipeline-run-id']
    expect(run.outputs.status).toBe('cancelled')
    expect(run.outputs.error).toBe(
      `timed out waiting for pipeline run ${id}; last status seen: 'running'; the run was cancelled`
    )
    expect(runOf(id)?.status).toBe('cancelled')
    expect(emu.requestsTo('cluster', 'PUT', `/api/pipeline_runs/${id}`)).toHaveLength(1)
    expect(run.durationMs).toBeLessThan(4000 + 15_000)
    expect(run.state['mage-pipeline-run-id']).toBe('')
  })

  it('does not wait with wait: false', async () => {
    const run = await runAction({ inputs: inputs('etl', { wait: 'false' }) })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('initial')
    expect(run.outputs['pipeline-run-id']).toMatch(/^\d+$/)
    expect(emu.requestsTo('cluster', 'GET', '/api/pipeline_runs')).toHaveLength(0)
  })

  it('fails as a config error, triggering nothing, when it could not watch the run', async () => {
    const run = await runAction({
      inputs: inputs('etl', { 'cluster-email': undefined, 'cluster-password': undefined })
    })
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(/cluster-email.*requires login/)
    expect(triggers()).toHaveLength(0)
  })

  it('watches without credentials on a cluster that needs no login', async () => {
    emu.scenario.cluster.requireAuth = false
    const run = await runAction({
      inputs: inputs('etl', { 'cluster-email': undefined, 'cluster-password': undefined })
    })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('completed')
  })

  it('explains a refused trigger token, and never prints url_parameters', async () => {
    const run = await runAction({ inputs: inputs('etl', { 'trigger-token': 'f'.repeat(32) }) })
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(
      /^the trigger of schedule 1 failed: Invalid token for pipeline schedule ID 1\. \(likely cause: the trigger token is wrong/
    )
    expect(run.everything).not.toContain('url_parameters')
    expect(run.outputs.changed).toBe('false')
  })

  it('reports a 502 on the trigger as outcome unknown, sent once', async () => {
    emu.inject({ server: 'cluster', path: /api_trigger/, status: 502, when: 'after', times: 5 })
    const run = await runAction({ inputs: inputs('etl') })
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(/outcome unknown/)
    expect(triggers()).toHaveLength(1)
  })
})

describe('run-pipeline post step', () => {
  it('cancels the run a cancelled workflow left behind', async () => {
    const main = await runAction({ inputs: inputs('stuck', { timeout: '2m' }), killAfterMs: 3000 })
    expect(main.signal).toBe('SIGTERM')
    const id = main.state['mage-pipeline-run-id']
    expect(id).toMatch(/^\d+$/)
    expect(main.state['mage-cluster-url']).toBe(emu.clusterUrl)
    expect(main.stateFile).not.toContain(loginInputs()['cluster-password'])
    expect(runOf(id)?.status).toBe('running')

    const post = await runAction({ inputs: inputs('stuck'), post: true, state: main.state })
    expect(post.code).toBe(0)
    expect(runOf(id)?.status).toBe('cancelled')
    expect(post.stdout).toContain(`cancelling it`)
  })

  it('does nothing after a main step that finished its wait', async () => {
    const post = await runAction({
      inputs: inputs('etl'),
      post: true,
      state: { 'mage-pipeline-run-id': '', 'mage-cluster-url': '' }
    })
    expect(post.code).toBe(0)
    expect(emu.requests).toHaveLength(0)
    expect(post.stdout.trim()).toBe('')
  })

  it('warns, without failing, when it cannot cancel', async () => {
    const post = await runAction({
      inputs: inputs('stuck', { 'cluster-password': 'wrong-password-1' }),
      post: true,
      state: { 'mage-pipeline-run-id': '999', 'mage-cluster-url': emu.clusterUrl }
    })
    expect(post.code).toBe(0)
    expect(post.stdout).toMatch(/::warning::Could not cancel pipeline run 999/)
  })
})
