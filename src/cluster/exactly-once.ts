// Requests that run something (a block, a pipeline trigger, a deploy) are sent at most once.
// The request layer already repeats only a connection that provably never sent the request;
// here, a failure after sending becomes "failed, outcome unknown" instead of a plain error.
import { MageApiError, NetworkError, OutcomeUnknownError, RequestTimeoutError } from '../errors.js'

export async function sendOnce<T>(what: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send()
  } catch (error) {
    throw asOutcomeUnknown(what, error)
  }
}

/** A 5xx, a dropped connection or a timeout after sending may hide work that ran. */
export function asOutcomeUnknown(what: string, error: unknown): unknown {
  const droppedAfterSending =
    (error instanceof NetworkError || error instanceof RequestTimeoutError) && error.sent
  const serverFailed = error instanceof MageApiError && error.httpStatus >= 500
  return droppedAfterSending || serverFailed ? new OutcomeUnknownError(what, error) : error
}
