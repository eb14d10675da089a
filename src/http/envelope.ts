// Turns a raw answer into its JSON body, or a typed MageApiError: non-2xx statuses, Mage error
// envelopes (also under HTTP 200), empty bodies and non-JSON answers all fail here.
import { type ApiName, MageApiError, type MageApiErrorFields } from '../errors.js'
import { isRecord, parseLenientJson } from './json.js'
import { oneLine } from './one-line.js'
import type { RawResponse } from './transport.js'

export const EXCERPT_CHARS = 200

export interface ResponseContext {
  api: ApiName
  method: string
  logPath: string
  redact: (text: string) => string
}

export function interpretResponse(response: RawResponse, context: ResponseContext): unknown {
  const { status, body } = response
  const ok = status >= 200 && status < 300
  const retryAfter = headerValue(response.headers['retry-after'])
  const base = {
    api: context.api,
    method: context.method,
    path: context.logPath,
    httpStatus: status,
    ...(retryAfter === undefined ? {} : { retryAfter })
  }
  const fail = (fields: Omit<MageApiErrorFields, keyof typeof base>): MageApiError =>
    new MageApiError({ ...base, ...fields })

  if (body.trim() === '') {
    if (ok) {
      throw fail({
        kind: 'empty',
        detail: `HTTP ${status} with an empty body (how Mage reports a server-side exception)`
      })
    }
    throw fail({ kind: 'http_status', detail: `HTTP ${status}` })
  }

  let parsed: unknown
  try {
    parsed = parseLenientJson(body)
  } catch {
    const excerpt = makeExcerpt(body, context.redact)
    if (ok)
      throw fail({ kind: 'not_json', excerpt, detail: `HTTP ${status}, not JSON: ${excerpt}` })
    throw fail({ kind: 'http_status', excerpt, detail: `HTTP ${status}: ${excerpt}` })
  }

  if (isRecord(parsed) && parsed.error !== undefined && parsed.error !== null) {
    throw fail(envelopeFields(parsed.error, status, context.redact))
  }
  if (!ok) {
    // A JSON body is named by its keys only: it may be a resource holding other people's secrets.
    const excerpt = isRecord(parsed)
      ? `a JSON object with keys ${Object.keys(parsed).slice(0, 10).join(', ') || '(none)'}`
      : 'a JSON value'
    throw fail({ kind: 'http_status', excerpt, detail: `HTTP ${status}: ${excerpt}` })
  }
  return parsed
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

function envelopeFields(
  error: unknown,
  status: number,
  redact: (text: string) => string
): Omit<MageApiErrorFields, 'api' | 'method' | 'path' | 'httpStatus' | 'retryAfter'> {
  const record = isRecord(error) ? error : { message: String(error) }
  const code = typeof record.code === 'number' ? record.code : undefined
  const type = typeof record.type === 'string' ? oneLine(record.type, 100) : undefined
  const exception =
    typeof record.exception === 'string' ? oneLine(redact(record.exception), 1000) : undefined
  const message = typeof record.message === 'string' ? redact(record.message) : undefined
  // A 500 envelope's message is a Python traceback: kept apart, never in one-line texts.
  const traceback = exception !== undefined ? message : undefined
  const text = exception ?? (message !== undefined ? oneLine(message, 300) : 'no message')
  const label = [code !== undefined ? `error ${code}` : 'error', type].filter(Boolean).join(' ')
  return {
    kind: 'envelope',
    code,
    type,
    exception,
    traceback,
    detail: `HTTP ${status}, Mage ${label}: ${text}`
  }
}

/** A short one-line excerpt with tags and secrets removed. */
export function makeExcerpt(body: string, redact: (text: string) => string): string {
  return oneLine(redact(oneLine(body.replace(/<[^>]*>/g, ' '))), EXCERPT_CHARS)
}
