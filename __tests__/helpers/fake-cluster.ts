// A context for unit tests of the cluster operations: a transport answered by a function of the
// request (no server, no real time), a recording IO, a fake clock and a real Report.
import type { CommonSettings } from '../../src/config/types.js'
import { MageHttp } from '../../src/http/request.js'
import type { RawRequest, RawResponse, Transport } from '../../src/http/transport.js'
import type { OperationContext } from '../../src/operations/context.js'
import { Report } from '../../src/report/report.js'
import { Deadline } from '../../src/runtime.js'
import { Secrets } from '../../src/secrets.js'
import { type FakeClock, type RecordingIO, fakeClock, recordingIO } from './fakes.js'

export type Answer = RawResponse | Error
export type Handler = (request: RawRequest, body: unknown) => Answer | Promise<Answer>

export interface FakeCluster {
  context: OperationContext
  io: RecordingIO
  clock: FakeClock
  report: Report
  secrets: Secrets
  requests: RawRequest[]
  /** "METHOD /path?query" of every request, in order. */
  calls: () => string[]
}

export const json = (body: unknown, status = 200): RawResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body)
})

export const text = (body: string, status = 200): RawResponse => ({ status, headers: {}, body })

export const CLUSTER_URL = 'https://mage.example.com'

export function fakeCluster(
  handler: Handler,
  common: Partial<CommonSettings> = {},
  tempDir = '/tmp'
): FakeCluster {
  const io = recordingIO()
  const clock = fakeClock()
  const secrets = new Secrets(value => io.setSecret(value))
  const report = new Report()
  const requests: RawRequest[] = []
  const transport: Transport = {
    send: async request => {
      requests.push(request)
      const body: unknown = request.body === undefined ? undefined : JSON.parse(request.body)
      const answer = await handler(request, body)
      if (answer instanceof Error) throw answer
      return answer
    }
  }
  const settings: CommonSettings = {
    timeoutMs: 600_000,
    wait: true,
    pollIntervalMs: 5_000,
    failOnError: true,
    dryRun: false,
    ...common
  }
  const deadline = new Deadline(clock, settings.timeoutMs)
  const context: OperationContext = {
    io,
    clock,
    deadline,
    secrets,
    common: settings,
    report,
    tempDir,
    http: api => new MageHttp({ api, transport, clock, deadline, io, secrets, userAgent: 'test' })
  }
  const calls = (): string[] =>
    requests.map(request => `${request.method} ${request.url.pathname}${request.url.search}`)
  return { context, io, clock, report, secrets, requests, calls }
}

/** A JWT as Mage issues it: payload {expires, token}. */
export function jwtFor(raw: string): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ expires: 1798477464.08, token: raw })}.c2lnbmF0dXJl`
}

export const loginAnswer = (raw: string): RawResponse =>
  json({ session: { expires: '2026-12-28 17:04:15', token: jwtFor(raw), user: { id: 1 } } })

export const authError = (type = 'expired_oauth_token'): RawResponse =>
  json({ error: { code: 401, message: 'Expired OAuth token.', type }, status: 200 }, 401)
