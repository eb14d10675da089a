// The fault matrix's columns: every fault the emulator injects, and for each row the outcome
// docs/reliability.md promises ("Expected outcome per fault"), as data.
import type { Emulator, RecordedRequest, Timing } from '../../../emulator/index.js'
import { CLUSTER_PATH, type Target } from './matrix-targets.js'

export type Outcome = 'success' | 'failure' | 'unknown'

export interface Plan {
  readonly expect: Outcome
  /** Once-routes: how many times the thing ran (default: 1 on success, else 0). */
  readonly ran?: number
  /** The `timeout` input: short where the deadline is what ends the step. */
  readonly timeout?: string
  readonly timing?: Partial<Timing>
  readonly arm?: (emu: Emulator) => void
  /** Called for each request the emulator answered (to inject a fault at a later phase). */
  readonly hook?: (emu: Emulator, request: RecordedRequest) => void
  /** Expected `status` output. */
  readonly status?: string
  /** The `error` output must match. */
  readonly error?: RegExp
  /** More checks on the emulator after the step (problems found). */
  readonly check?: (emu: Emulator) => string[]
  /** Replaces the row's check of a success. */
  readonly verify?: (emu: Emulator, outputs: Record<string, string>) => string[]
  /** Inputs over the row's. */
  readonly inputs?: Record<string, string>
  /** The step must end before its `timeout` (it must not sleep towards it). */
  readonly early?: boolean
}

export interface FaultCase {
  readonly name: string
  /** `route`: aimed at each row's request; `operation`: once per operation. */
  readonly scope: 'route' | 'operation'
  /** A Plan, or the reason the cell does not apply. */
  plan(target: Target): Plan | string
}

const SHORT = '4s'
const RETRYABLE = new Set([408, 429, 502, 503, 504])
export const STOLEN_PATH = '/stolen-by-redirect'

const at = (target: Target) => {
  const { server, method, path } = target.route
  return { server, method, path }
}

function statusFault(code: number, when: 'before' | 'after', retryAfter?: string): FaultCase {
  const reached = when === 'after'
  const longWait = retryAfter !== undefined && Number(retryAfter) > 120
  const label = [
    `HTTP ${code}`,
    retryAfter === undefined ? '' : `Retry-After ${retryAfter}`,
    reached ? 'after the handler' : ''
  ]
  return {
    name: label.filter(Boolean).join(', '),
    scope: 'route',
    plan: target => {
      const arm = (emu: Emulator) =>
        emu.inject({ ...at(target), status: code, when, retryAfter, times: 1 })
      if (target.route.kind === 'once') {
        return { expect: code >= 500 ? 'unknown' : 'failure', ran: reached ? 1 : 0, arm }
      }
      // A poll rides out any 5xx or 429, then polls again.
      if (target.route.poll) return { expect: 'success', arm }
      if (RETRYABLE.has(code) && !longWait) {
        return { expect: 'success', arm, check: retryAfter ? waitedFor(target, 1000) : undefined }
      }
      // A cluster PUT is read back: the change is there (success) or not (nothing changed).
      if (target.route.readBack && reached) return { expect: 'success', arm }
      // 500 may hide a landed write, so the PUT is read back; 408/429 say it was not processed.
      const error = target.route.readBack && code >= 500 ? /does not hold the change/ : undefined
      return { expect: 'failure', arm, error, early: longWait }
    }
  }
}

/** The retry came no sooner than Retry-After asked. */
function waitedFor(target: Target, ms: number): (emu: Emulator) => string[] {
  return emu => {
    const { server, method, path } = target.route
    const hits = emu.requestsTo(server, method, path)
    const gap = hits.length >= 2 ? hits[1].at - hits[0].at : 0
    return gap >= ms - 50 ? [] : [`retried after ${gap} ms, before Retry-After`]
  }
}

/** Faults where the request may have reached Mage and no answer came back. */
function unansweredFault(
  name: string,
  fault: Record<string, unknown>,
  reached: boolean
): FaultCase {
  return {
    name,
    scope: 'route',
    plan: target => {
      const arm = (emu: Emulator) => emu.inject({ ...at(target), ...fault, times: 1 } as never)
      if (target.route.kind === 'once') return { expect: 'unknown', ran: reached ? 1 : 0, arm }
      return { expect: 'success', arm }
    }
  }
}

/** Faults the deadline ends: the request never gets a whole answer. */
function deadlineFault(name: string, fault: Record<string, unknown>, reached: boolean): FaultCase {
  return {
    name,
    scope: 'route',
    plan: target => {
      const arm = (emu: Emulator) => emu.inject({ ...at(target), ...fault, times: 1 } as never)
      const base = { timeout: SHORT, arm }
      if (target.route.kind === 'once') return { ...base, expect: 'unknown', ran: reached ? 1 : 0 }
      if (target.route.poll) {
        // The poll dies at the deadline, so the run is cancelled; it had already completed,
        // and the cancel's answer says so.
        return { ...base, expect: 'success' }
      }
      if (!target.route.readBack) return { ...base, expect: 'failure' }
      if (!reached) return { ...base, expect: 'unknown', error: /outcome unknown/ }
      // The PUT ran: the read-back finds the change. set-env then cannot read back in time.
      return { ...base, expect: target.op === 'set-env' ? 'failure' : 'success' }
    }
  }
}

const ENVELOPE = { code: 400, type: 'api_resource_error', message: 'Refused by the matrix' }

const expiredSession: FaultCase = {
  name: 'expired session',
  scope: 'route',
  plan: target => {
    if (target.route.label === 'login') return 'a login starts a session: nothing to expire'
    const trigger =
      target.route.label === 'POST /api/runs' || target.route.label === 'POST api_trigger'
    if (trigger) {
      // A trigger token is not a session: an auth refusal there is final.
      return {
        expect: 'failure',
        arm: emu =>
          emu.inject({
            ...at(target),
            envelope: {
              code: 401,
              type: 'expired_oauth_token',
              message: 'Expired token.',
              httpStatus: 401
            },
            times: 1
          })
      }
    }
    // Expire every session right after the request that precedes the target, so the target
    // meets a real expired session and the action must log in again.
    const before = expiryPoint(target)
    let fired = false
    return {
      expect: 'success',
      hook: (emu, request) => {
        if (fired || request.server !== target.route.server || !before(request)) return
        fired = true
        emu.expireSessions(target.route.server)
      },
      check: emu =>
        emu.sessionsIssued[target.route.server].length >= 2
          ? []
          : ['the action did not log in again']
    }
  }
}

/** The request after which sessions expire: the login, or for a Cloud PUT the first read. */
function expiryPoint(target: Target): (request: RecordedRequest) => boolean {
  const path = (request: RecordedRequest) => request.path.split('?')[0]
  if (target.route.label === 'PUT cluster') {
    return r => r.method === 'GET' && path(r) === CLUSTER_PATH
  }
  const login = target.route.server === 'cloud' ? '/api/v1/sessions' : '/api/sessions'
  return r => r.method === 'POST' && path(r) === login
}

const redirect: FaultCase = {
  name: '3xx to another host',
  scope: 'route',
  plan: target => ({
    expect: 'failure',
    error: /redirect to 127\.0\.0\.1:\d+/,
    arm: emu => {
      // Point it at the other emulator host: a followed redirect would be recorded there.
      const other = target.route.server === 'cloud' ? emu.clusterUrl : emu.cloudUrl
      emu.inject({ ...at(target), redirect: `${new URL(other).origin}${STOLEN_PATH}`, times: 1 })
    },
    check: emu =>
      emu.requests.some(r => r.path.startsWith(STOLEN_PATH)) ? ['the redirect was followed'] : []
  })
}

export const FAULTS: readonly FaultCase[] = [
  statusFault(500, 'before'),
  statusFault(500, 'after'),
  statusFault(502, 'before'),
  statusFault(502, 'after'),
  statusFault(503, 'before'),
  statusFault(504, 'before'),
  statusFault(504, 'after'),
  statusFault(408, 'before'),
  statusFault(429, 'before', '1'),
  statusFault(429, 'before'),
  statusFault(429, 'before', '3600'),
  deadlineFault('latency beyond the timeout', { latencyMs: 30_000 }, false),
  unansweredFault('dropped before the handler', { drop: 'before' }, false),
  unansweredFault('dropped after the handler', { drop: 'after' }, true),
  unansweredFault('truncated body', { truncate: true }, true),
  unansweredFault('HTML 502 page instead of JSON', { html: true }, false),
  {
    name: 'error envelope under HTTP 200',
    scope: 'route',
    plan: target => ({
      expect: 'failure',
      error: /api_resource_error/,
      arm: emu => emu.inject({ ...at(target), envelope: ENVELOPE, times: 1 })
    })
  },
  {
    name: 'empty HTTP 200 body',
    scope: 'route',
    plan: target => ({
      expect: 'failure',
      error: /empty body/,
      arm: emu => emu.inject({ ...at(target), empty200: true, times: 1 })
    })
  },
  expiredSession,
  deadlineFault('trickling response', { trickle: { intervalMs: 250, bytes: 1 } }, true),
  redirect
]
