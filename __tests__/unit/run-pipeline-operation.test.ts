import { describe, expect, it } from '@jest/globals'
import { STATE_CLUSTER_URL, STATE_RUN_ID } from '../../src/cluster/post-state.js'
import type { RunPipelineConfig } from '../../src/config/types.js'
import { ConfigError, NetworkError, OperationError } from '../../src/errors.js'
import type { RawRequest } from '../../src/http/transport.js'
import { runPipeline } from '../../src/operations/run-pipeline.js'
import type { CommonSettings } from '../../src/config/types.js'
import {
  type Answer,
  CLUSTER_URL,
  fakeCluster,
  json,
  loginAnswer
} from '../helpers/fake-cluster.js'

const TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'
const CONFIG: RunPipelineConfig = {
  operation: 'run-pipeline',
  clusterUrl: CLUSTER_URL,
  triggerToken: TOKEN,
  scheduleId: 2,
  variables: { env: 'ci' },
  cluster: { email: 'ci@example.com', password: 'pw-123456', apiKey: 'key' }
}

const runAnswer = (status: string, blocks: Record<string, string> = {}) =>
  json({
    pipeline_run: {
      id: 11,
      status,
      pipeline_uuid: 'failing_pipeline',
      block_runs: Object.entries(blocks).map(([block_uuid, s]) => ({ block_uuid, status: s }))
    },
    metadata: null
  })

interface Script {
  trigger?: () => Answer
  /** Answers to successive polls; the last repeats. */
  polls?: Answer[]
  cancel?: () => Answer
  logs?: () => Answer
  status?: () => Answer
}

function setup(script: Script, common: Partial<CommonSettings> = {}) {
  let poll = 0
  const polls = script.polls ?? [runAnswer('completed', { a: 'completed' })]
  const fake = fakeCluster((request: RawRequest) => {
    const { pathname } = request.url
    if (pathname === '/api/sessions') return loginAnswer('raw-session')
    if (pathname === '/api/status') return script.status?.() ?? json({ statuses: [{}] })
    if (pathname.endsWith('/api_trigger')) {
      return (
        script.trigger?.() ??
        json({ pipeline_run: { id: 11, status: 'initial', pipeline_uuid: 'failing_pipeline' } })
      )
    }
    if (pathname.endsWith('/logs')) return script.logs?.() ?? json({ logs: [] })
    if (request.method === 'PUT') return script.cancel?.() ?? runAnswer('cancelled')
    return polls[Math.min(poll++, polls.length - 1)]
  }, common)
  return fake
}

describe('runPipeline', () => {
  it('logs in, triggers with a Bearer header, and watches the run to completed', async () => {
    const fake = setup({
      polls: [runAnswer('running', { a: 'running' }), runAnswer('completed', { a: 'completed' })]
    })
    await runPipeline(fake.context, CONFIG)
    expect(fake.calls()).toEqual([
      'POST /api/sessions',
      'POST /api/pipeline_schedules/2/api_trigger',
      'GET /api/pipeline_runs/11',
      'GET /api/pipeline_runs/11'
    ])
    const trigger = fake.requests[1]
    expect(trigger.headers.Authorization).toBe(`Bearer ${TOKEN}`)
    expect(trigger.url.href).not.toContain(TOKEN)
    expect(JSON.parse(trigger.body ?? '')).toEqual({ pipeline_run: { variables: { env: 'ci' } } })
    const outputs = Object.fromEntries(fake.report.outputs)
    expect(outputs).toMatchObject({
      'pipeline-run-id': '11',
      'run-url': `${CLUSTER_URL}/pipelines/failing_pipeline/runs/11`,
      'block-statuses': '{"a":"completed"}'
    })
    expect(fake.report.status).toBe('completed')
    expect(fake.report.changed).toBe(true)
    expect(fake.io.lines).toContain('info: Pipeline run 11: initial → running')
    // Saved while waiting, cleared at the end; never a secret.
    expect(fake.io.state.get(STATE_RUN_ID)).toBe('')
    expect(JSON.stringify([...fake.io.state])).not.toMatch(/pw-123456|raw-session|a1b2c3/)
  })

  it('sleeps a poll interval plus 0–10 % jitter between polls', async () => {
    const fake = setup({ polls: [runAnswer('running'), runAnswer('completed')] })
    await runPipeline(fake.context, CONFIG)
    for (const ms of fake.clock.sleeps) {
      expect(ms).toBeGreaterThanOrEqual(5000)
      expect(ms).toBeLessThanOrEqual(5500)
    }
  })

  it('fails a config check, before triggering, when the cluster needs a login it was not given', async () => {
    const fake = setup({
      status: () => json({ statuses: [{ require_user_authentication: true }] })
    })
    const error = await runPipeline(fake.context, { ...CONFIG, cluster: undefined }).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ConfigError)
    expect(fake.calls()).toEqual(['GET /api/status'])
  })

  it('watches without a session where the cluster needs none', async () => {
    const fake = setup({
      status: () => json({ statuses: [{ require_user_authentication: false }] })
    })
    await runPipeline(fake.context, { ...CONFIG, cluster: undefined })
    expect(fake.calls()[0]).toBe('GET /api/status')
    expect(fake.requests.some(r => r.headers['OAUTH-TOKEN'] !== undefined)).toBe(false)
  })

  it('does not wait with wait: false', async () => {
    const fake = setup({}, { wait: false })
    await runPipeline(fake.context, CONFIG)
    expect(fake.calls()).toEqual(['POST /api/pipeline_schedules/2/api_trigger'])
    expect(fake.report.status).toBe('initial')
    expect(fake.io.state.size).toBe(0)
  })

  it('fails a failed run naming its failed blocks, with their last log lines', async () => {
    const fake = setup({
      polls: [runAnswer('failed', { extract: 'completed', load: 'failed' })],
      logs: () =>
        json({
          logs: [{ block_run_logs: [{ content: `line 1\nRuntimeError: load failed ${TOKEN}` }] }]
        })
    })
    fake.secrets.add(TOKEN)
    const error = await runPipeline(fake.context, CONFIG).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OperationError)
    expect((error as Error).message).toBe('pipeline run 11 failed; failed block(s): load')
    expect(fake.report.status).toBe('failed')
    expect(fake.calls()).toContain(
      'GET /api/pipelines/failing_pipeline/logs?pipeline_run_id%5B%5D=11&block_uuid%5B%5D=load&_limit=20'
    )
    const printed = fake.io.lines.join('\n')
    expect(printed).toContain("group: Last log lines of block 'load'")
    expect(printed).toContain('RuntimeError: load failed ***')
    expect(printed).not.toContain(TOKEN)
    expect(fake.report.sections.join('\n')).toContain('| load | failed |')
    expect(fake.report.sections.join('\n')).toContain('RuntimeError: load failed ***')
  })

  it('cancels the run at the deadline and fails naming the last status', async () => {
    const fake = setup({ polls: [runAnswer('running', { a: 'running' })] }, { timeoutMs: 20_000 })
    const error = await runPipeline(fake.context, CONFIG).catch((e: unknown) => e)
    expect((error as Error).message).toBe(
      "timed out waiting for pipeline run 11; last status seen: 'running'; the run was cancelled"
    )
    expect(fake.calls().at(-1)).toBe('PUT /api/pipeline_runs/11')
    expect(JSON.parse(fake.requests.at(-1)?.body ?? '')).toEqual({
      pipeline_run: { status: 'cancelled' }
    })
    expect(fake.report.status).toBe('cancelled')
    expect(fake.io.state.get(STATE_RUN_ID)).toBe('')
  })

  it('succeeds when the cancel at the deadline finds the run completed', async () => {
    const fake = setup(
      { polls: [runAnswer('running')], cancel: () => runAnswer('completed') },
      { timeoutMs: 20_000 }
    )
    await runPipeline(fake.context, CONFIG)
    expect(fake.report.status).toBe('completed')
  })

  it('leaves the run id for the post step when the cancel fails', async () => {
    const fake = setup(
      {
        polls: [runAnswer('running')],
        cancel: () => new NetworkError('PUT', '/api/pipeline_runs/11', true, 'ECONNRESET')
      },
      { timeoutMs: 20_000 }
    )
    const error = await runPipeline(fake.context, CONFIG).catch((e: unknown) => e)
    expect((error as Error).message).toMatch(/cancelling it failed .* may still be running/)
    expect(fake.io.state.get(STATE_RUN_ID)).toBe('11')
    expect(fake.io.state.get(STATE_CLUSTER_URL)).toBe(CLUSTER_URL)
  })

  it('polls on through a transient read failure', async () => {
    const fake = setup({
      polls: [
        new NetworkError('GET', '/api/pipeline_runs/11', true, 'ECONNRESET'),
        runAnswer('completed')
      ]
    })
    await runPipeline(fake.context, CONFIG)
    expect(fake.report.status).toBe('completed')
  })

  it('reports a trigger refused by the server with its exception and a hint, never url_parameters', async () => {
    const fake = setup({
      trigger: () =>
        json({
          error: {
            code: 500,
            exception: 'Invalid token for pipeline schedule ID 2.',
            message: 'Traceback …'
          },
          url_parameters: { pipeline_schedule_id: '2', token: 'echoed-url-token' }
        })
    })
    const error = await runPipeline(fake.context, CONFIG).catch((e: unknown) => e)
    expect((error as Error).message).toMatch(
      /^the trigger of schedule 2 failed: Invalid token for pipeline schedule ID 2\. \(likely cause: the trigger token is wrong/
    )
    expect(fake.io.lines.join('\n')).not.toContain('echoed-url-token')
    expect(fake.report.changed).toBe(false)
  })
})
