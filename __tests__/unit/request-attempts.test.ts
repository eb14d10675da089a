// MageHttp.call: the attempt trace a writer reads, the 10 s all last reads share past the
// deadline, and the real error (not "timeout reached") when a retry sleeps into the deadline.
import { describe, expect, it } from '@jest/globals'
import { MageApiError, NetworkError, RequestTimeoutError } from '../../src/errors.js'
import { newTrace } from '../../src/http/attempts.js'
import { MageHttp } from '../../src/http/request.js'
import type { RawRequest, RawResponse, Transport } from '../../src/http/transport.js'
import { Deadline } from '../../src/runtime.js'
import { Secrets } from '../../src/secrets.js'
import { type FakeClock, fakeClock, recordingIO } from '../helpers/fakes.js'

type Step = RawResponse | Error | ((clock: FakeClock) => RawResponse)

function setup(steps: Step[], timeoutMs: number, clock = fakeClock()) {
  const requests: RawRequest[] = []
  const transport: Transport = {
    send: request => {
      requests.push(request)
      const step = steps.shift()
      if (!step) return Promise.reject(new Error('no more scripted answers'))
      if (step instanceof Error) return Promise.reject(step)
      return Promise.resolve(typeof step === 'function' ? step(clock) : step)
    }
  }
  const io = recordingIO()
  const http = new MageHttp({
    api: 'cloud',
    transport,
    clock,
    deadline: new Deadline(clock, timeoutMs),
    io,
    secrets: new Secrets(() => undefined),
    userAgent: 'test'
  })
  return { http, clock, requests }
}

const answer = (status: number, body = '{"ok": true}'): RawResponse => ({
  status,
  headers: {},
  body
})
const put = {
  method: 'PUT' as const,
  url: 'https://cloud.example/api/v1/x',
  json: {},
  retry: 'idempotent' as const,
  timeout: 'short' as const,
  log: 'info' as const
}

describe('MageHttp.call attempts', () => {
  it('counts the attempts that may have landed, and those still unanswered', async () => {
    const { http } = setup(
      [
        new RequestTimeoutError('PUT', '/x', 30_000, true),
        answer(502, 'bad gateway'),
        new NetworkError('PUT', '/x', false, 'ECONNREFUSED'),
        answer(200)
      ],
      600_000
    )
    const trace = newTrace()
    await http.call({ ...put, trace })
    expect(trace).toEqual({ landed: 2, unanswered: 1 })
  })

  it('gives all last reads together at most 10 s past the deadline', async () => {
    const slow = (clock: FakeClock) => {
      clock.advance(7_000)
      return answer(200)
    }
    const { http, clock, requests } = setup([slow, answer(200)], 1_000)
    clock.advance(1_000)
    await http.call({ ...put, method: 'GET', lastRead: true })
    await http.call({ ...put, method: 'GET', lastRead: true })
    expect(requests.map(request => request.timeoutMs)).toEqual([10_000, 3_000])
  })

  it('reports the failure, not the deadline, when a retry sleeps into the deadline', async () => {
    const clock = fakeClock()
    const sleep = clock.sleep.bind(clock)
    // A real timer fires a little late.
    clock.sleep = ms => sleep(ms + 20)
    const { http, requests } = setup([answer(503, 'busy'), answer(200)], 760, clock)
    const error = await http.call({ ...put, method: 'GET' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MageApiError)
    expect((error as MageApiError).httpStatus).toBe(503)
    expect(requests).toHaveLength(1)
  })
})
