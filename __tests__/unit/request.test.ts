import { describe, expect, it } from '@jest/globals'
import { DeadlineError, MageApiError, NetworkError, RedirectError } from '../../src/errors.js'
import { MageHttp } from '../../src/http/request.js'
import type { RawRequest, RawResponse, Transport } from '../../src/http/transport.js'
import { Deadline } from '../../src/runtime.js'
import { Secrets } from '../../src/secrets.js'
import { fakeClock, recordingIO } from '../helpers/fakes.js'

type Step = RawResponse | Error

function scripted(steps: Step[]): Transport & { requests: RawRequest[] } {
  const requests: RawRequest[] = []
  return {
    requests,
    send: request => {
      requests.push(request)
      const step = steps.shift()
      if (!step) throw new Error('no more scripted answers')
      return step instanceof Error ? Promise.reject(step) : Promise.resolve(step)
    }
  }
}

const ok = (body: unknown = { ok: true }): RawResponse => ({
  status: 200,
  headers: {},
  body: JSON.stringify(body)
})
const status = (code: number, headers: Record<string, string> = {}): RawResponse => ({
  status: code,
  headers,
  body: 'busy'
})

function setup(steps: Step[], timeoutMs = 60_000) {
  const transport = scripted(steps)
  const clock = fakeClock()
  const io = recordingIO()
  const secrets = new Secrets(v => io.setSecret(v))
  secrets.add('hunter2-password')
  const http = new MageHttp({
    api: 'cloud',
    transport,
    clock,
    deadline: new Deadline(clock, timeoutMs),
    io,
    secrets,
    userAgent: 'mage-pro-action/test'
  })
  return { transport, clock, io, http }
}

const get = {
  method: 'GET' as const,
  url: 'https://cloud.example/api/v1/x',
  retry: 'idempotent' as const,
  timeout: 'short' as const,
  log: 'info' as const
}
const post = {
  ...get,
  method: 'POST' as const,
  retry: 'once' as const,
  timeout: 'deadline' as const,
  json: { run: {} }
}

describe('MageHttp.call', () => {
  it('sends the user agent, JSON headers and a 30 s timeout for a GET', async () => {
    const { http, transport } = setup([ok()])
    await http.call(get)
    expect(transport.requests[0].headers['User-Agent']).toBe('mage-pro-action/test')
    expect(transport.requests[0].timeoutMs).toBe(30_000)
    expect(transport.requests[0].body).toBeUndefined()
  })

  it('gives a run/trigger/deploy POST the remaining deadline as its timeout', async () => {
    const { http, transport } = setup([ok()], 600_000)
    await http.call(post)
    expect(transport.requests[0].timeoutMs).toBe(600_000)
    expect(transport.requests[0].headers['Content-Type']).toBe('application/json')
  })

  it('retries 502/503/429 with backoff and honours Retry-After', async () => {
    const { http, transport, clock } = setup([
      status(502),
      status(429, { 'retry-after': '3' }),
      ok()
    ])
    const response = await http.call(get)
    expect(response.body).toEqual({ ok: true })
    expect(transport.requests).toHaveLength(3)
    expect(clock.sleeps).toEqual([750, 3000])
  })

  it('gives up after four attempts', async () => {
    const { http, transport } = setup([status(503), status(503), status(503), status(503), ok()])
    await expect(http.call(get)).rejects.toBeInstanceOf(MageApiError)
    expect(transport.requests).toHaveLength(4)
  })

  it('never repeats a POST that may have reached the server', async () => {
    const { http, transport } = setup([status(502), ok()])
    await expect(http.call(post)).rejects.toBeInstanceOf(MageApiError)
    const dropped = setup([new NetworkError('POST', '/x', true, 'ECONNRESET'), ok()])
    await expect(dropped.http.call(post)).rejects.toBeInstanceOf(NetworkError)
    expect(transport.requests).toHaveLength(1)
    expect(dropped.transport.requests).toHaveLength(1)
  })

  it('repeats a POST whose connection was refused before sending', async () => {
    const { http, transport } = setup([new NetworkError('POST', '/x', false, 'ECONNREFUSED'), ok()])
    await http.call(post)
    expect(transport.requests).toHaveLength(2)
  })

  it('does not wait past the deadline', async () => {
    const { http, transport } = setup([status(503, { 'retry-after': '50' }), ok()], 10_000)
    await expect(http.call(get)).rejects.toBeInstanceOf(MageApiError)
    expect(transport.requests).toHaveLength(1)
  })

  it('fails at once when the deadline has passed', async () => {
    const { http, clock } = setup([ok()], 1000)
    clock.advance(2000)
    await expect(http.call(get)).rejects.toBeInstanceOf(DeadlineError)
  })

  it('allows one last read of at most 10 s after the deadline', async () => {
    const { http, clock, transport } = setup([ok()], 1000)
    clock.advance(2000)
    await http.call({ ...get, lastRead: true })
    // 10 s past the deadline in all: 1 s of it is gone already.
    expect(transport.requests[0].timeoutMs).toBe(9_000)
  })

  it('refuses a redirect, naming only the host', async () => {
    const { http, transport } = setup([
      { status: 302, headers: { location: 'https://evil.example/steal?token=abc' }, body: '' }
    ])
    const error = await http.call(get).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RedirectError)
    expect((error as Error).message).toContain('evil.example')
    expect((error as Error).message).not.toContain('token=abc')
    expect(transport.requests).toHaveLength(1)
  })

  it('logs one secret-free line per call', async () => {
    const { http, io } = setup([ok()])
    await http.call({ ...get, url: 'https://cloud.example/api/v1/x?q=hunter2-password' })
    const lines = io.lines.filter(line => line.includes('GET'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^info: GET \/api\/v1\/x\?q=\*\*\* → 200 \(\d+ ms\)$/)
  })
})
