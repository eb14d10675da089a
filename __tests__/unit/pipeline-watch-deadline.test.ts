// watchRun when the poll that meets the deadline fails: the run it waited on is still
// cancelled (SPEC: "at its own deadline it cancels the run it was waiting on").
import { describe, expect, it } from '@jest/globals'
import { ClusterClient } from '../../src/cluster/cluster-client.js'
import { OperationError, RequestTimeoutError } from '../../src/errors.js'
import { watchRun } from '../../src/operations/pipeline-watch.js'
import { CLUSTER_URL, fakeCluster, json, loginAnswer } from '../helpers/fake-cluster.js'

const CREDENTIALS = { email: 'ci@example.com', password: 'pw-123456', apiKey: 'key' }

describe('watchRun at the deadline', () => {
  it('cancels the run even when the poll that met the deadline timed out', async () => {
    const fake = fakeCluster(
      (request, body) => {
        if (request.url.pathname === '/api/sessions') return loginAnswer('raw-session')
        if (request.method === 'PUT') {
          expect(body).toEqual({ pipeline_run: { status: 'cancelled' } })
          return json({ pipeline_run: { id: 7, status: 'cancelled' } })
        }
        // Each poll hangs until its hard timeout: the whole remaining deadline.
        fake.clock.advance(request.timeoutMs)
        return new RequestTimeoutError('GET', request.url.pathname, request.timeoutMs, true)
      },
      { timeoutMs: 20_000, pollIntervalMs: 5_000 }
    )
    const client = new ClusterClient(fake.context.http('cluster'), CLUSTER_URL, CREDENTIALS)
    await client.login()
    const triggered = { id: 7, status: 'running' }
    const error = await watchRun(fake.context, client, CLUSTER_URL, triggered, () => {}).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(OperationError)
    expect((error as OperationError).status).toBe('cancelled')
    expect(fake.calls()).toContain('PUT /api/pipeline_runs/7')
  })
})
