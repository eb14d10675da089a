// Sends one HTTP request through the runner's proxy settings, with a hard timeout that destroys
// the socket (an idle timeout lets a server that trickles bytes hold the step forever).
import * as http from 'node:http'
import * as https from 'node:https'
import { HttpClient, getProxyUrl } from '@actions/http-client'
import { NetworkError, RequestTimeoutError } from '../errors.js'
import { BodyBytes } from './body-bytes.js'
import { SPARE_MAX_AGE_MS, SpareRequest } from './spare-request.js'

export interface RawRequest {
  method: string
  url: URL
  headers: Record<string, string>
  body?: string
  /** Hard limit for the whole exchange: connect, send, and read the complete body. */
  timeoutMs: number
  /** Path with secrets removed, for error messages. */
  logPath: string
  /** Another request to this URL follows: it is built, its connection opened, while this one runs. */
  preconnect?: boolean
}

export interface RawResponse {
  readonly status: number
  readonly headers: http.IncomingHttpHeaders
  /** The body as text. */
  readonly body: string
  /** The body's bytes, when the transport has them: a big answer is checked without decoding. */
  readonly bytes?: Buffer
}

export interface Transport {
  send(request: RawRequest): Promise<RawResponse>
}

/** Larger answers are refused rather than held in memory. */
const MAX_BODY_BYTES = 64 * 1024 * 1024

/** Connection errors that prove the request never left this machine. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH'
])

/** An answer whose text is decoded on first use, and only if used. */
function answer(status: number, headers: http.IncomingHttpHeaders, bytes: Buffer): RawResponse {
  let text: string | undefined
  return {
    status,
    headers,
    bytes,
    get body(): string {
      text ??= bytes.toString('utf8')
      return text
    }
  }
}

interface OriginAgent {
  readonly agent: http.Agent
  /** Only on a direct connection: a proxy's tunnel is opened per request by its agent. */
  readonly spare?: SpareRequest
}

export class NodeTransport implements Transport {
  // One agent per origin. @actions/http-client decides whether HTTPS_PROXY applies (NO_PROXY,
  // loopback); through a proxy, its tunnel agent is used, one per origin as it caches agents.
  private readonly agents = new Map<string, OriginAgent>()
  private readonly userAgent: string
  private readonly spareMaxAgeMs: number

  constructor(userAgent: string, spareMaxAgeMs = SPARE_MAX_AGE_MS) {
    this.userAgent = userAgent
    this.spareMaxAgeMs = spareMaxAgeMs
  }

  private agentFor(url: URL): OriginAgent {
    let origin = this.agents.get(url.origin)
    if (!origin) {
      origin = getProxyUrl(url.href)
        ? { agent: new HttpClient(this.userAgent).getAgent(url.href) }
        : {
            agent: url.protocol === 'https:' ? new https.Agent() : new http.Agent(),
            spare: new SpareRequest(this.spareMaxAgeMs)
          }
      this.agents.set(url.origin, origin)
    }
    return origin
  }

  send(request: RawRequest): Promise<RawResponse> {
    const { method, url, headers, body, timeoutMs, logPath } = request
    const { agent, spare } = this.agentFor(url)
    const lib = url.protocol === 'https:' ? https : http
    const target = `${method} ${url.href}`
    // Headers are set on the request object, a spare's or a new one's alike: nothing is written
    // before end().
    const build = (): http.ClientRequest => lib.request(url, { method, agent })
    return new Promise<RawResponse>((resolve, reject) => {
      let sent = false
      let settled = false
      const finish = (error: Error | undefined, response?: RawResponse): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        if (error) reject(error)
        else resolve(response as RawResponse)
      }
      // Checked before a connection is opened or a spare taken: an invalid header opens nothing.
      for (const [name, value] of Object.entries(headers)) {
        http.validateHeaderName(name)
        http.validateHeaderValue(name, value)
      }
      const req = spare?.take(target) ?? build()
      for (const [name, value] of Object.entries(headers)) req.setHeader(name, value)
      if (body !== undefined) req.setHeader('Content-Length', String(Buffer.byteLength(body)))
      req.on('response', res => {
        sent = true
        const bytes = new BodyBytes(res.headers['content-length'], MAX_BODY_BYTES)
        res.on('data', (chunk: Buffer) => {
          if (bytes.length + chunk.length > MAX_BODY_BYTES) {
            req.destroy()
            finish(
              new NetworkError(method, logPath, true, `answer larger than ${MAX_BODY_BYTES} bytes`)
            )
            return
          }
          bytes.add(chunk)
        })
        res.on('end', () => {
          if (!res.complete) {
            finish(new NetworkError(method, logPath, true, 'the answer was cut off'))
            return
          }
          finish(undefined, answer(res.statusCode ?? 0, res.headers, bytes.bytes()))
        })
        res.on('close', () => {
          if (!res.complete)
            finish(new NetworkError(method, logPath, true, 'the answer was cut off'))
        })
        res.on('error', error =>
          finish(new NetworkError(method, logPath, true, 'the answer was cut off', error))
        )
      })
      const timer = setTimeout(() => {
        finish(new RequestTimeoutError(method, logPath, timeoutMs, sent))
        req.destroy()
      }, timeoutMs)
      // 'finish': the whole request was handed to the socket, so the server may have acted on it.
      req.on('finish', () => {
        sent = true
        if (request.preconnect) spare?.prepare(target, build)
      })
      req.on('error', (error: NodeJS.ErrnoException) => {
        const code = error.code ?? ''
        const provedUnsent = !sent && NOT_SENT_CODES.has(code)
        finish(new NetworkError(method, logPath, !provedUnsent, code || error.message, error))
      })
      req.end(body)
    })
  }
}
