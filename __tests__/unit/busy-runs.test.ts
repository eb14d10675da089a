import { describe, expect, it } from '@jest/globals'
import { findBlockingRuns } from '../../src/cluster/busy-runs.js'
import { NetworkError } from '../../src/errors.js'
import { CLUSTER_URL, fakeCluster, json, loginAnswer } from '../helpers/fake-cluster.js'

const SETTINGS = {
  clusterUrl: CLUSTER_URL,
  cluster: { email: 'ci@example.com', password: 'pw-123456', apiKey: 'key' },
  busyMaxAgeMs: 24 * 3600_000
}
// fakeClock starts at 1_700_000_000_000 = 2023-11-14T22:13:20Z.
const NOW = Date.parse('2023-11-14T22:13:20Z')
const hoursAgo = (hours: number): number => NOW - hours * 3600_000
const naive = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').replace('Z', '')

const run = (id: number, status: string, fields: Record<string, unknown> = {}) => ({
  id,
  status,
  pipeline_uuid: `pipe_${id}`,
  started_at: naive(hoursAgo(1)),
  ...fields
})

describe('findBlockingRuns', () => {
  it('splits initial and running runs by busy-max-age, naive datetimes read as UTC', async () => {
    const byStatus: Record<string, unknown[]> = {
      initial: [run(5, 'initial', { started_at: null, created_at: naive(hoursAgo(2)) })],
      running: [
        run(4, 'running'),
        run(3, 'running', { started_at: new Date(hoursAgo(30)).toISOString() }),
        run(2, 'running', {
          started_at: null,
          created_at: null,
          execution_date: naive(hoursAgo(48))
        }),
        run(1, 'running', { started_at: 'garbage', created_at: undefined })
      ]
    }
    const { context, calls } = fakeCluster(request => {
      if (request.url.pathname === '/api/sessions') return loginAnswer('raw')
      const status = request.url.searchParams.get('status') ?? ''
      return json({ pipeline_runs: byStatus[status], metadata: { count: 1, next: false } })
    })
    const { blocking, stuck } = await findBlockingRuns(context, SETTINGS)
    expect(blocking.map(r => r.id).sort()).toEqual([1, 4, 5])
    expect(stuck.map(r => r.id).sort()).toEqual([2, 3])
    expect(blocking.find(r => r.id === 5)?.pipelineUuid).toBe('pipe_5')
    expect(calls()).toEqual([
      'POST /api/sessions',
      'GET /api/pipeline_runs?status=initial&_limit=100&_offset=0',
      'GET /api/pipeline_runs?status=running&_limit=100&_offset=0'
    ])
  })

  it('pages with _offset until next is false, and drops duplicates and other statuses', async () => {
    const { context, calls } = fakeCluster(request => {
      if (request.url.pathname === '/api/sessions') return loginAnswer('raw')
      const status = request.url.searchParams.get('status')
      const offset = Number(request.url.searchParams.get('_offset'))
      if (status === 'initial') return json({ pipeline_runs: [], metadata: { next: false } })
      const page =
        offset === 0
          ? [run(9, 'running'), run(8, 'completed')]
          : [run(9, 'running'), run(7, 'running')]
      return json({ pipeline_runs: page, metadata: { next: offset === 0 } })
    })
    const { blocking } = await findBlockingRuns(context, SETTINGS)
    expect(blocking.map(r => r.id)).toEqual([9, 7])
    expect(calls()).toContain('GET /api/pipeline_runs?status=running&_limit=100&_offset=100')
  })

  it('stops paging after a bound even if the server always says next', async () => {
    const { context, calls } = fakeCluster(request =>
      request.url.pathname === '/api/sessions'
        ? loginAnswer('raw')
        : json({ pipeline_runs: [run(1, 'running')], metadata: { next: true } })
    )
    await findBlockingRuns(context, SETTINGS)
    expect(calls().length).toBeLessThanOrEqual(1 + 2 * 20)
  })

  it('throws when the login fails: never stop blind', async () => {
    const { context } = fakeCluster(() =>
      json({
        error: {
          code: 404,
          message: 'Email/username and/or password invalid.',
          type: 'record_not_found'
        }
      })
    )
    await expect(findBlockingRuns(context, SETTINGS)).rejects.toThrow(/sessions/)
  })

  it('throws when the cluster cannot be reached', async () => {
    const { context } = fakeCluster(
      () => new NetworkError('POST', '/api/sessions', false, 'ECONNREFUSED')
    )
    await expect(findBlockingRuns(context, SETTINGS)).rejects.toBeInstanceOf(NetworkError)
  })

  it('throws on an answer without a run list', async () => {
    const { context } = fakeCluster(request =>
      request.url.pathname === '/api/sessions' ? loginAnswer('raw') : json({ something: 1 })
    )
    await expect(findBlockingRuns(context, SETTINGS)).rejects.toThrow(/pipeline_runs/)
  })
})
