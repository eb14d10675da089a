// waitForClusterStatus: a read that fails transiently does not end the wait; the deadline does,
// naming the last status seen and the read's error.
import { describe, expect, it } from '@jest/globals'
import { CloudClient } from '../../src/cloud/cloud-client.js'
import { MageApiError, OperationError } from '../../src/errors.js'
import { waitForClusterStatus } from '../../src/operations/wait.js'
import { type Answer, fakeCluster, json, text } from '../helpers/fake-cluster.js'

const SETTINGS = {
  apiUrl: 'https://cloud.example.com/api/v1',
  apiKey: 'key',
  email: 'a@b.c',
  password: 'pw-123456',
  teamId: 't',
  clusterId: 'c'
}
const STOPPING = { status: 'Stopping', config: { replicaCount: 0 } }
const cluster = (status: string) => json({ cluster: { status, config: { replicaCount: 0 } } })

function setup(reads: Answer[], timeoutMs = 600_000) {
  const fake = fakeCluster(
    request =>
      request.url.pathname.endsWith('/sessions')
        ? json({ session: { token: 'tok-1' } })
        : (reads.shift() ?? cluster('Stopping')),
    { timeoutMs, pollIntervalMs: 5_000 }
  )
  const cloud = new CloudClient(fake.context.http('cloud'), SETTINGS)
  return { ...fake, cloud }
}

const down = (): Answer => text('<html>502 Bad Gateway</html>', 502)

describe('waitForClusterStatus', () => {
  it('polls on after reads that fail every attempt, and reaches the target', async () => {
    const fake = setup([down(), down(), down(), down(), cluster('Stopped')])
    const result = await waitForClusterStatus(fake.context, fake.cloud, 'Stopped', STOPPING)
    expect(result.status).toBe('Stopped')
    expect(fake.io.lines.join('\n')).toContain('Could not read the cluster')
  })

  it('at the deadline, fails naming the last status seen and the last read error', async () => {
    const reads = Array.from({ length: 200 }, down)
    const fake = setup(reads, 30_000)
    const error = await waitForClusterStatus(fake.context, fake.cloud, 'Stopped', STOPPING).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(OperationError)
    expect((error as Error).message).toMatch(
      /^timed out waiting for the cluster to be 'Stopped'; last status seen: 'Stopping'; the last read failed: GET .* HTTP 502/
    )
    expect((error as OperationError).status).toBe('Stopping')
    expect(fake.clock.now() - 1_700_000_000_000).toBeLessThanOrEqual(30_000 + 10_000)
  })

  it('fails at once on a read the server refused outright', async () => {
    const envelope = json({ error: { code: 404, type: 'record_not_found', message: 'gone' } })
    const fake = setup([envelope])
    const error = await waitForClusterStatus(fake.context, fake.cloud, 'Stopped', STOPPING).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(MageApiError)
    expect(fake.requests.filter(r => r.method === 'GET')).toHaveLength(1)
  })
})
