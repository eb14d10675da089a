// The Cloud cluster PUT when its answer is lost: the cluster is read back, and the step says
// what it knows — the write took, it did not, or it cannot know.
import { describe, expect, it } from '@jest/globals'
import { CloudClient } from '../../src/cloud/cloud-client.js'
import { holdsWrite } from '../../src/cloud/write-check.js'
import {
  MageApiError,
  NetworkError,
  OperationError,
  OutcomeUnknownError,
  RequestTimeoutError
} from '../../src/errors.js'
import type { RawRequest } from '../../src/http/transport.js'
import { type Answer, fakeCluster, json, text } from '../helpers/fake-cluster.js'

const SETTINGS = {
  apiUrl: 'https://cloud.example.com/api/v1',
  apiKey: 'key',
  email: 'a@b.c',
  password: 'pw-123456',
  teamId: 't',
  clusterId: 'c'
}
const STOP = { config: { replicaCount: 0, keep: { a: 1 } }, status: 'Stopped' as const }

type PutAnswer = (request: RawRequest, apply: () => void) => Answer

/** A Cloud holding one Active cluster; each PUT is answered by the next scripted function. */
function cloud(puts: PutAnswer[], reads: ('ok' | Answer)[] = []) {
  let cluster = { status: 'Active', config: { replicaCount: 1, keep: { a: 1 } } }
  const fake = fakeCluster((request, body) => {
    if (request.url.pathname.endsWith('/sessions')) return json({ session: { token: 'tok-1' } })
    if (request.method === 'PUT') {
      const apply = () => {
        const write = (body as { cluster: { config: typeof cluster.config } }).cluster
        cluster = { status: 'Stopping', config: write.config }
      }
      const answer = puts.shift()
      if (!answer) throw new Error('no more scripted PUT answers')
      return answer(request, apply)
    }
    const read = reads.shift() ?? 'ok'
    return read === 'ok' ? json({ cluster }) : read
  })
  const client = new CloudClient(fake.context.http('cloud'), SETTINGS)
  return { ...fake, client }
}

const landed =
  (status: number, body = ''): PutAnswer =>
  (_r, apply) => {
    apply()
    return text(body, status)
  }
const refused =
  (status: number): PutAnswer =>
  () =>
    text('busy', status)
const timedOut: PutAnswer = () => new RequestTimeoutError('PUT', '/x', 30_000, true)

describe('CloudClient.putCluster after a lost answer', () => {
  it('reads back and goes on when the write took (HTTP 500 after the handler)', async () => {
    const fake = cloud([landed(500)])
    const cluster = await fake.client.putCluster(STOP)
    expect(cluster.status).toBe('Stopping')
    expect(fake.calls().filter(call => call.startsWith('GET'))).toHaveLength(1)
    expect(fake.io.lines.join('\n')).toContain('The cluster holds the write')
  })

  it('says nothing was changed when an answered failure left the cluster as it was', async () => {
    const fake = cloud([refused(500)])
    const error = await fake.client.putCluster(STOP).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OperationError)
    expect((error as Error).message).toMatch(/does not hold the change: nothing was changed$/)
    expect((error as OperationError).status).toBe('Active')
  })

  it('says outcome unknown when an attempt got no answer and may still land', async () => {
    const fake = cloud([timedOut, refused(502), refused(502), refused(502)])
    const error = await fake.client.putCluster(STOP).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OutcomeUnknownError)
    expect((error as Error).message).toMatch(/outcome unknown .*may still land/)
  })

  it('says outcome unknown when the read-back fails too', async () => {
    const fails = new NetworkError('GET', '/x', true, 'ECONNRESET')
    const fake = cloud(
      [landed(502), refused(502), refused(502), refused(502)],
      [fails, fails, fails, fails]
    )
    const error = await fake.client.putCluster(STOP).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OutcomeUnknownError)
    expect((error as Error).message).toMatch(/reading the cluster afterwards failed too/)
  })

  it('reads back when an earlier attempt landed though the last was a plain refusal', async () => {
    const fake = cloud([landed(502), refused(429)])
    const cluster = await fake.client.putCluster(STOP)
    expect(cluster.config).toEqual(STOP.config)
  })

  it('does not read back after a refusal that proves nothing landed', async () => {
    const envelope = json({ error: { code: 412, type: 'precondition_failed', message: 'stale' } })
    const fake = cloud([() => envelope])
    const error = await fake.client.putCluster(STOP).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MageApiError)
    expect(fake.calls().filter(call => call.startsWith('GET'))).toHaveLength(0)
  })
})

describe('holdsWrite', () => {
  const cluster = (status: string, config: Record<string, unknown>) => ({ status, config })

  it('matches every key sent, whatever the key order, and ignores keys the server added', () => {
    const write = { config: { a: { x: 1, y: [1, 2] }, b: 'v' } }
    expect(holdsWrite(cluster('Active', { b: 'v', a: { y: [1, 2], x: 1 }, extra: 1 }), write)).toBe(
      true
    )
    expect(holdsWrite(cluster('Active', { a: { x: 1, y: [2, 1] }, b: 'v' }), write)).toBe(false)
    expect(holdsWrite(cluster('Active', { a: { x: 1 }, b: 'v' }), write)).toBe(false)
  })

  it('refuses a status that contradicts the write', () => {
    const config = { replicaCount: 0 }
    expect(holdsWrite(cluster('Active', config), { config, status: 'Stopped' })).toBe(false)
    expect(holdsWrite(cluster('Stopping', config), { config, status: 'Stopped' })).toBe(true)
    expect(holdsWrite(cluster('Stopped', config), { config, status: 'Active' })).toBe(false)
  })
})
