import { describe, expect, it } from '@jest/globals'
import { STATE_CLUSTER_URL, STATE_RUN_ID } from '../../src/cluster/post-state.js'
import type { RawRequest, RawResponse, Transport } from '../../src/http/transport.js'
import { runPost } from '../../src/post-main.js'
import { fakeClock, recordingIO } from '../helpers/fakes.js'
import { json, loginAnswer } from '../helpers/fake-cluster.js'

const INPUTS: Record<string, string> = {
  operation: 'run-pipeline',
  'cluster-url': 'https://mage.example.com',
  'trigger-token': 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  'schedule-id': '2',
  'cluster-email': 'ci@example.com',
  'cluster-password': 'pw-123456'
}

function setup(state: Record<string, string>, answer: (r: RawRequest) => RawResponse | Error) {
  const io = recordingIO()
  for (const [name, value] of Object.entries(state)) io.state.set(name, value)
  const requests: RawRequest[] = []
  const transport: Transport = {
    send: request => {
      requests.push(request)
      const result = answer(request)
      return result instanceof Error ? Promise.reject(result) : Promise.resolve(result)
    }
  }
  const deps = {
    io,
    clock: fakeClock(),
    transport,
    input: (name: string) => INPUTS[name] ?? '',
    env: {}
  }
  return { io, requests, deps }
}

const RUN = (status: string) => json({ pipeline_run: { id: 11, status } })
const WAITED = { [STATE_RUN_ID]: '11', [STATE_CLUSTER_URL]: 'https://mage.example.com' }

describe('runPost', () => {
  it('does nothing when the main step left no run', async () => {
    const { io, requests, deps } = setup({}, () => RUN('running'))
    await runPost(deps)
    expect(requests).toHaveLength(0)
    expect(io.lines).toEqual([])
  })

  it('logs in again from the inputs and cancels the run it waited on', async () => {
    const { requests, deps } = setup(WAITED, request =>
      request.url.pathname === '/api/sessions'
        ? loginAnswer('raw')
        : RUN(request.method === 'PUT' ? 'cancelled' : 'running')
    )
    await runPost(deps)
    expect(requests.map(r => `${r.method} ${r.url.pathname}`)).toEqual([
      'POST /api/sessions',
      'GET /api/pipeline_runs/11',
      'PUT /api/pipeline_runs/11'
    ])
    expect(JSON.parse(requests[2].body ?? '')).toEqual({ pipeline_run: { status: 'cancelled' } })
    expect(deps.io.masked).toContain('pw-123456')
  })

  it('leaves a run that already ended alone', async () => {
    const { requests, deps } = setup(WAITED, request =>
      request.url.pathname === '/api/sessions' ? loginAnswer('raw') : RUN('completed')
    )
    await runPost(deps)
    expect(requests.some(r => r.method === 'PUT')).toBe(false)
  })

  it('warns, without failing, when it cannot cancel', async () => {
    const { io, deps } = setup(WAITED, () =>
      json({
        error: {
          code: 404,
          message: 'Email/username and/or password invalid.',
          type: 'record_not_found'
        }
      })
    )
    await runPost(deps)
    const warning = io.lines.find(line => line.startsWith('warning:')) ?? ''
    expect(warning).toMatch(/Could not cancel pipeline run 11 .* may still be running/)
    expect(warning).not.toContain('pw-123456')
    expect(io.failed).toBeUndefined()
  })
})
