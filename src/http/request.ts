// The one request function every Mage call goes through: headers, user agent, per-attempt hard
// timeout under the operation deadline, no redirects, narrow retries, envelope → typed error,
// and one secret-free log line per call.
import {
  type ApiName,
  DeadlineError,
  MageApiError,
  RedirectError,
  errorMessage
} from '../errors.js'
import type { ActionIO, Clock, Deadline } from '../runtime.js'
import type { Secrets } from '../secrets.js'
import { type AttemptTrace, recordAttempt } from './attempts.js'
import { interpretResponseKeeping } from './envelope.js'
import { MAX_ATTEMPTS, type RetryPolicy, isRetryable, retryDelayMs } from './retry.js'
import type { RawResponse, Transport } from './transport.js'

/** Reads, writes and logins get this per attempt; run/trigger/deploy get the remaining deadline. */
export const SHORT_TIMEOUT_MS = 30_000
/** After the deadline, every last read together gets at most this: the step ends in time. */
export const LAST_READ_TIMEOUT_MS = 10_000

export interface CallOptions {
  method: 'GET' | 'POST' | 'PUT'
  url: string
  headers?: Record<string, string>
  json?: unknown
  retry: RetryPolicy
  /** 'short': 30 s per attempt; 'deadline': what remains of the operation's deadline. */
  timeout: 'short' | 'deadline'
  log: 'info' | 'debug'
  /** One read after the deadline passed (no retry; all of them share 10 s past the deadline). */
  lastRead?: boolean
  /** Fewer attempts than the policy allows (a readiness poll is its own retry loop). */
  maxAttempts?: number
  /** Counts failed attempts that may have reached the handler (for a write's caller). */
  trace?: AttemptTrace
  /** Top-level members the caller reads as the server wrote them (in `raw`), never parsed. */
  keepRaw?: readonly string[]
  /** Another call to this origin follows at once: its connection is opened during this one. */
  preconnect?: boolean
}

export interface ApiResponse {
  status: number
  headers: RawResponse['headers']
  /** The parsed body (NaN/Infinity read as null), without the members kept raw. */
  body: unknown
  /** The members named in `keepRaw`: the bytes the server sent for each. */
  raw: ReadonlyMap<string, Buffer>
}

export interface HttpDeps {
  api: ApiName
  transport: Transport
  clock: Clock
  deadline: Deadline
  io: Pick<ActionIO, 'info' | 'debug'>
  secrets: Secrets
  userAgent: string
}

export class MageHttp {
  private readonly deps: HttpDeps

  constructor(deps: HttpDeps) {
    this.deps = deps
  }

  get secrets(): Secrets {
    return this.deps.secrets
  }

  get io(): Pick<ActionIO, 'info' | 'debug'> {
    return this.deps.io
  }

  get deadline(): Deadline {
    return this.deps.deadline
  }

  async call(options: CallOptions): Promise<ApiResponse> {
    const { transport, clock, deadline, io, secrets } = this.deps
    const url = new URL(options.url)
    const logPath = secrets.redact(url.pathname + url.search)
    const body = options.json === undefined ? undefined : JSON.stringify(options.json)
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': this.deps.userAgent,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...options.headers
    }
    const log = (line: string): void => (options.log === 'info' ? io.info(line) : io.debug(line))
    const maxAttempts = options.lastRead ? 1 : (options.maxAttempts ?? MAX_ATTEMPTS)

    let previous: unknown
    for (let attempt = 1; ; attempt++) {
      const remaining = deadline.remainingMs()
      const overtime = deadline.expiresAt + LAST_READ_TIMEOUT_MS - clock.now()
      if ((remaining <= 0 && !options.lastRead) || (options.lastRead && overtime <= 0)) {
        // A retry that slept into the deadline reports what went wrong, not the deadline.
        if (attempt > 1) throw previous
        throw new DeadlineError(`the timeout was reached before ${options.method} ${logPath}`)
      }
      const timeoutMs = options.lastRead
        ? Math.min(LAST_READ_TIMEOUT_MS, overtime)
        : Math.min(remaining, options.timeout === 'short' ? SHORT_TIMEOUT_MS : remaining)
      const started = clock.now()
      try {
        const raw = await transport.send({
          method: options.method,
          url,
          headers,
          body,
          timeoutMs,
          logPath,
          preconnect: options.preconnect
        })
        log(`${options.method} ${logPath} → ${raw.status} (${clock.now() - started} ms)`)
        if (raw.status >= 300 && raw.status < 400) {
          throw new RedirectError(options.method, logPath, raw.status, locationHost(raw))
        }
        const kept = interpretResponseKeeping(
          raw,
          {
            api: this.deps.api,
            method: options.method,
            logPath,
            redact: t => secrets.redact(t)
          },
          options.keepRaw ?? []
        )
        return { status: raw.status, headers: raw.headers, ...kept }
      } catch (error) {
        previous = error
        recordAttempt(options.trace, error)
        if (!(error instanceof RedirectError) && !isHttpAnswer(error)) {
          log(
            `${options.method} ${logPath} → ${secrets.redact(errorMessage(error))} (${clock.now() - started} ms)`
          )
        }
        if (attempt >= maxAttempts || !isRetryable(error, options.retry)) throw error
        const retryAfter = retryAfterOf(error)
        const delay = retryDelayMs(attempt, retryAfter, clock.random(), clock.now())
        if (delay === undefined || delay >= deadline.remainingMs()) throw error
        io.info(
          `Retrying ${options.method} ${logPath} in ${(delay / 1000).toFixed(1)}s (attempt ${attempt + 1} of ${maxAttempts})`
        )
        await clock.sleep(delay)
      }
    }
  }
}

function isHttpAnswer(error: unknown): boolean {
  return error instanceof MageApiError
}

function retryAfterOf(error: unknown): string | undefined {
  return error instanceof MageApiError ? error.fields.retryAfter : undefined
}

function locationHost(raw: RawResponse): string {
  const location = raw.headers.location
  if (!location) return ''
  try {
    return new URL(location, 'http://relative.invalid').host
  } catch {
    return 'an unreadable location'
  }
}
