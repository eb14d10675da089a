// Turns a raw answer into its JSON body, or a typed MageApiError: non-2xx statuses, Mage error
// envelopes (also under HTTP 200), empty bodies and non-JSON answers all fail here.
import { type ApiName, MageApiError, type MageApiErrorFields } from '../errors.js'
import { isRecord, parseLenientJson } from './json.js'
import { topLevelMembers } from './json-scan.js'
import { oneLine } from './one-line.js'
import type { RawResponse } from './transport.js'

export const EXCERPT_CHARS = 200

/** What String.prototype.trim removes among ASCII: tab, LF, VT, FF, CR, space. */
const ASCII_SPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20])

export interface ResponseContext {
  api: ApiName
  method: string
  logPath: string
  redact: (text: string) => string
}

export function interpretResponse(response: RawResponse, context: ResponseContext): unknown {
  return interpret(response, context, {
    blank: () => response.body.trim() === '',
    parse: () => parseLenientJson(response.body)
  })
}

export interface KeptRaw {
  /** The parsed body, without the kept members. */
  body: unknown
  /** Each kept top-level member's value: the bytes the server sent. */
  raw: ReadonlyMap<string, Buffer>
}

/**
 * As interpretResponse, but the named top-level members are only checked to be JSON and come
 * back as the bytes the server sent: a block's 50 MB `run` value is never decoded into a
 * string, let alone built into objects.
 */
export function interpretResponseKeeping(
  response: RawResponse,
  context: ResponseContext,
  names: readonly string[]
): KeptRaw {
  const raw = new Map<string, Buffer>()
  if (names.length === 0) return { body: interpretResponse(response, context), raw }
  const bytes = response.bytes ?? Buffer.from(response.body, 'utf8')
  const body = interpret(response, context, {
    blank: () => isBlank(bytes, response),
    parse: () => parseKeeping(bytes, names, raw, response)
  })
  return { body, raw }
}

function parseKeeping(
  bytes: Buffer,
  names: readonly string[],
  raw: Map<string, Buffer>,
  response: RawResponse
): unknown {
  const members = topLevelMembers(bytes)
  if (members === undefined) return parseLenientJson(response.body)
  const entries: [string, unknown][] = []
  for (const [name, { start, end }] of members) {
    if (names.includes(name)) raw.set(name, bytes.subarray(start, end))
    else entries.push([name, parseLenientJson(bytes.toString('utf8', start, end))])
  }
  // fromEntries defines own properties: a `__proto__` member stays a plain member.
  return Object.fromEntries(entries)
}

/** ASCII whitespace only; a body whose first other byte is not ASCII is judged by its text. */
function isBlank(bytes: Buffer, response: RawResponse): boolean {
  const first = bytes.findIndex(byte => !ASCII_SPACE.has(byte))
  if (first < 0) return true
  return bytes[first] >= 0x80 && response.body.trim() === ''
}

/** How a body is judged: blank (Mage's failed-run answer) or parsed. */
interface BodyReader {
  blank(): boolean
  parse(): unknown
}

function interpret(response: RawResponse, context: ResponseContext, reader: BodyReader): unknown {
  const { status } = response
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

  if (reader.blank()) {
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
    parsed = reader.parse()
  } catch {
    const excerpt = makeExcerpt(response.body, context.redact)
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
