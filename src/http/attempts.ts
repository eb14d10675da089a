// What a failed attempt says about the request's effect on the server. A caller that writes
// (the Cloud cluster PUT) needs it across every attempt, not just the last: an earlier attempt
// may have landed before a later one was refused.
import { MageApiError, NetworkError, RequestTimeoutError } from '../errors.js'

/** Filled in by MageHttp.call for each failed attempt. */
export interface AttemptTrace {
  /** Attempts that may have reached the handler (no answer, a 5xx, a malformed 2xx). */
  landed: number
  /** Of those, attempts without any answer: their request may still be running. */
  unanswered: number
}

export const newTrace = (): AttemptTrace => ({ landed: 0, unanswered: 0 })

/** The request left and no complete answer came back. */
export function isUnanswered(error: unknown): boolean {
  return (error instanceof NetworkError || error instanceof RequestTimeoutError) && error.sent
}

/** The failure does not prove the handler left things as they were. */
export function mayHaveLanded(error: unknown): boolean {
  if (isUnanswered(error)) return true
  if (!(error instanceof MageApiError)) return false
  const { httpStatus, kind, code } = error.fields
  if (kind === 'envelope') return (code ?? httpStatus) >= 500
  return httpStatus >= 500 || (httpStatus >= 200 && httpStatus < 300)
}

export function recordAttempt(trace: AttemptTrace | undefined, error: unknown): void {
  if (!trace || !mayHaveLanded(error)) return
  trace.landed += 1
  if (isUnanswered(error)) trace.unanswered += 1
}

/** A read that failed in a way worth another poll: the server or a proxy hiccupped. */
export function isTransientReadFailure(error: unknown): boolean {
  if (error instanceof NetworkError || error instanceof RequestTimeoutError) return true
  if (!(error instanceof MageApiError) || error.fields.kind === 'envelope') return false
  const { httpStatus } = error.fields
  return httpStatus >= 500 || httpStatus === 408 || httpStatus === 429
}
