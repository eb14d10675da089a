// Turns the failure of a request that runs something (POST /api/runs, the API trigger) into
// what the user needs: one line (the `exception` text where Mage sent one), a likely cause,
// and the traceback for a collapsed log group. Every form is recognised: the 200 + 500
// envelope a real server sends, the empty 200, Mage Pro's documented 401/403/404, other
// statuses, and answers that are not JSON.
import { MageApiError, OutcomeUnknownError } from '../errors.js'
import { type RunSubject, likelyCauseOf } from './hints.js'

export interface RunFailure {
  /** One line, secret-free (built from redacted error fields). */
  readonly text: string
  readonly hint?: string
  /** The server's traceback (redacted), for a collapsed log group only. */
  readonly traceback?: string
  /** The request reached the server and may have run something. */
  readonly mayHaveRun: boolean
}

/**
 * Describes a failure of the run itself; undefined for failures that are not about it (the
 * cluster unreachable, the deadline, a redirect), which stop everything.
 */
export function describeRunFailure(error: unknown, subject: RunSubject): RunFailure | undefined {
  if (error instanceof OutcomeUnknownError) {
    return {
      text: error.message,
      hint: 'check in Mage whether it ran before running it again',
      mayHaveRun: true
    }
  }
  if (!(error instanceof MageApiError)) return undefined
  const { kind, exception, traceback, httpStatus, code, detail } = error.fields
  switch (kind) {
    case 'envelope':
      if (exception !== undefined) {
        return {
          text: exception,
          hint: likelyCauseOf(exception, subject),
          traceback,
          mayHaveRun: true
        }
      }
      return { text: detail, hint: statusHint(code ?? httpStatus, subject), mayHaveRun: false }
    case 'empty':
      return {
        text: `HTTP ${httpStatus} with an empty body (how Mage reports a server-side exception)`,
        hint:
          subject === 'block'
            ? 'the block raised, or the trigger token, pipeline or block uuid (case-sensitive) is wrong: see the cluster logs'
            : 'the trigger token or schedule-id is wrong, or the server failed: see the cluster logs',
        mayHaveRun: true
      }
    case 'http_status':
      return { text: detail, hint: statusHint(httpStatus, subject), mayHaveRun: false }
    case 'not_json':
      return {
        text: detail,
        hint: 'something other than Mage answered (a proxy or a login page): check cluster-url',
        mayHaveRun: true
      }
    case 'unexpected_shape':
      return { text: detail, hint: 'check that cluster-url points at Mage Pro', mayHaveRun: true }
  }
}

/** Mage Pro documents 401 for a bad token and 404 for an unknown trigger, pipeline or block. */
function statusHint(status: number, subject: RunSubject): string | undefined {
  if (status === 401 || status === 403) {
    return 'the trigger token was refused: check trigger-token (it may have been rotated)'
  }
  if (status === 404) {
    return subject === 'block'
      ? 'check the pipeline and block uuids (case-sensitive) and cluster-url'
      : 'check schedule-id and cluster-url'
  }
  if (status === 405) {
    return subject === 'block'
      ? 'this Mage version has no /api/runs (it needs 0.9.70 or later), or cluster-url points elsewhere'
      : 'check cluster-url'
  }
  return undefined
}
