// The narrow retry decision: which failures of which requests are worth another attempt, and
// how long to wait first. Pure, so it is tested without a server or a clock.
import { MageApiError, NetworkError, RequestTimeoutError } from '../errors.js'

/**
 * `idempotent`: reads, the cluster PUT and logins, safe to repeat.
 * `once`: requests that run or deploy something; repeated only when provably never sent.
 */
export type RetryPolicy = 'idempotent' | 'once'

export const MAX_ATTEMPTS = 4
const BASE_DELAY_MS = 1000
const MAX_DELAY_MS = 15_000
/** A Retry-After beyond this is not waited for: the step fails instead. */
const MAX_RETRY_AFTER_MS = 120_000

const RETRYABLE_STATUSES = new Set([408, 429, 502, 503, 504])

export function isRetryable(error: unknown, policy: RetryPolicy): boolean {
  if (error instanceof NetworkError || error instanceof RequestTimeoutError) {
    return policy === 'idempotent' || !error.sent
  }
  if (error instanceof MageApiError) {
    // An error envelope under HTTP 200 is an answer, not a transient fault.
    return policy === 'idempotent' && RETRYABLE_STATUSES.has(error.httpStatus)
  }
  return false
}

/**
 * Delay before attempt `attempt + 1` (attempt counts from 1): capped exponential backoff with
 * jitter, or the server's Retry-After when it gave one. Undefined: do not wait that long.
 */
export function retryDelayMs(
  attempt: number,
  retryAfter: string | undefined,
  random: number,
  now: number
): number | undefined {
  const fromHeader = parseRetryAfter(retryAfter, now)
  if (fromHeader !== undefined) return fromHeader <= MAX_RETRY_AFTER_MS ? fromHeader : undefined
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1))
  // "Equal jitter": never less than half the step, so retries still back off.
  return Math.round(exponential / 2 + (exponential / 2) * random)
}

/** Retry-After as delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  // An HTTP-date names its weekday and month; Date.parse alone accepts far too much.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}
