// The action's small error hierarchy. Control flow branches on classes and fields, never on
// message text (Mage reuses stale messages across requests).

/** A bad input: names the input and what is allowed. Always fails the step, before any request. */
export class ConfigError extends Error {
  readonly input: string
  constructor(input: string, message: string) {
    super(`Input '${input}': ${message}`)
    this.name = 'ConfigError'
    this.input = input
  }
}

export type ApiName = 'cloud' | 'cluster'

/** How the answer failed: a non-2xx status, a Mage error envelope, an empty body, not JSON, or JSON of the wrong shape. */
export type ApiFailureKind = 'http_status' | 'envelope' | 'empty' | 'not_json' | 'unexpected_shape'

export interface MageApiErrorFields {
  api: ApiName
  kind: ApiFailureKind
  method: string
  /** Path with query, secrets removed. */
  path: string
  httpStatus: number
  /** `error.code` of a Mage envelope, when there was one. */
  code?: number
  /** `error.type` of a Mage envelope (`invalid_api_key`, `record_not_found`, …). */
  type?: string
  /** `error.exception` of a 500 envelope: the text users need. */
  exception?: string
  /** `error.message` of a 500 envelope (a Python traceback): for a collapsed log group only. */
  traceback?: string
  /** A short, secret-free excerpt of the body (under 500 characters). */
  excerpt?: string
  /** The Retry-After header, when the server sent one. */
  retryAfter?: string
  /** What went wrong, in one line. */
  detail: string
}

/** The server answered, and the answer is a failure (non-2xx, an error envelope, or malformed). */
export class MageApiError extends Error {
  readonly fields: MageApiErrorFields
  constructor(fields: MageApiErrorFields) {
    super(`${fields.method} ${fields.path} → ${fields.detail}`)
    this.name = 'MageApiError'
    this.fields = fields
  }

  get httpStatus(): number {
    return this.fields.httpStatus
  }

  /** The answer came from the auth layer: nothing ran, a fresh login may help. */
  get isAuthFailure(): boolean {
    const { httpStatus, type } = this.fields
    if (httpStatus === 401 || httpStatus === 403) return true
    return (
      type === 'invalid_api_key' || type === 'invalid_oauth_token' || type === 'expired_oauth_token'
    )
  }
}

/** The connection failed. `sent` tells whether the request may have reached the server. */
export class NetworkError extends Error {
  readonly sent: boolean
  readonly method: string
  readonly path: string
  constructor(method: string, path: string, sent: boolean, reason: string, cause?: unknown) {
    super(`${method} ${path} → connection failed (${reason})`, { cause })
    this.name = 'NetworkError'
    this.sent = sent
    this.method = method
    this.path = path
  }
}

/** One attempt took longer than its hard timeout; the socket was destroyed. */
export class RequestTimeoutError extends Error {
  readonly sent: boolean
  constructor(method: string, path: string, timeoutMs: number, sent: boolean) {
    super(`${method} ${path} → no complete answer within ${Math.round(timeoutMs / 1000)}s`)
    this.name = 'RequestTimeoutError'
    this.sent = sent
  }
}

/** The server answered with a redirect; it is never followed (it would carry credentials). */
export class RedirectError extends Error {
  constructor(method: string, path: string, status: number, locationHost: string) {
    super(
      `${method} ${path} → HTTP ${status} redirect to ${locationHost || 'an unnamed location'}; ` +
        'redirects are not followed: check the URL input'
    )
    this.name = 'RedirectError'
  }
}

/** The operation's overall deadline passed. */
export class DeadlineError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DeadlineError'
  }
}

/**
 * A request that runs something (a block, a pipeline trigger, a deploy) may have reached the
 * server but its answer could not be read. It is not retried: the step says so.
 */
export class OutcomeUnknownError extends Error {
  constructor(what: string, cause: Error, after = 'it was not retried to avoid running it twice') {
    super(`${what}: failed, outcome unknown (${cause.message}); ${after}`, { cause })
    this.name = 'OutcomeUnknownError'
  }
}

/** A failure the operation itself decided (a block raised, a run failed, a git error). */
export class OperationError extends Error {
  /** The last remote status known, for the `status` output. */
  readonly status?: string
  constructor(message: string, status?: string) {
    super(message)
    this.name = 'OperationError'
    this.status = status
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
