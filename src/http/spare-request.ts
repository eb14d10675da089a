// The next request, built while the server works on the current one: its connection is opened
// (TCP and TLS handshakes included) and the request object made, but nothing is written until
// the caller ends it with its headers and body. A smoke run asks for one between blocks, so that
// the next block costs little more than writing its request.
// Nothing is sent early: Node buffers a request's headers until end() or the first write (see
// request.flushHeaders() in Node's docs), so an unused spare closes a connection that never
// carried a byte. Not keep-alive either: a spare's connection has carried no request. A server
// may close a kept-alive connection right after answering without saying so, and a POST written
// to it then fails with its outcome unknown, though the block may never have reached the server.
// A spare is used only while it is young, open and silent; otherwise it is destroyed and the
// request gets a fresh connection.
import type * as http from 'node:http'
import type { Socket } from 'node:net'

/** Well below the time servers commonly give a new connection to send its request (10 s+). */
export const SPARE_MAX_AGE_MS = 2_000

/**
 * Milliseconds on a monotonic clock. Not `performance.now()`: the `performance` global loads
 * perf_hooks (nine internal modules, about 1.5 ms) on first use, which is here, in a smoke run's
 * first block.
 */
const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6

/** After any of these a spare is destroyed, never sent: it failed, closed or was answered unasked. */
const SPARE_END_EVENTS = ['error', 'close', 'response'] as const

interface Spare {
  readonly request: http.ClientRequest
  /** The method and URL it was built for. */
  readonly target: string
  /** Checked again when taken: a busy event loop can run the age timer late. */
  readonly builtAt: number
  readonly discard: () => void
  readonly unrefSocket: (socket: Socket) => void
  /** Destroys it once it is too old to be sent. */
  readonly ageLimit: NodeJS.Timeout
}

export class SpareRequest {
  private readonly maxAgeMs: number
  private spare?: Spare

  constructor(maxAgeMs = SPARE_MAX_AGE_MS) {
    this.maxAgeMs = maxAgeMs
  }

  /** Keeps `build()`'s request unsent for the next call to `target`; at most one waits at a time. */
  prepare(target: string, build: () => http.ClientRequest): void {
    if (this.spare) return
    const request = build()
    const discard = (): void => {
      if (this.spare?.request === request) this.spare = undefined
      request.destroy()
    }
    // Unused, it must not hold the step open.
    const unrefSocket = (socket: Socket): void => void socket.unref()
    for (const event of SPARE_END_EVENTS) request.on(event, discard)
    request.on('socket', unrefSocket)
    const ageLimit = setTimeout(discard, this.maxAgeMs)
    ageLimit.unref()
    this.spare = { request, target, builtAt: monotonicMs(), discard, unrefSocket, ageLimit }
  }

  /** The spare, handed over to be sent to `target`, when it may carry it; otherwise undefined. */
  take(target: string): http.ClientRequest | undefined {
    const spare = this.spare
    if (!spare) return undefined
    this.spare = undefined
    const { request } = spare
    clearTimeout(spare.ageLimit)
    const socket = request.socket
    const fit =
      spare.target === target &&
      !request.destroyed &&
      socket !== null &&
      !socket.destroyed &&
      socket.readableLength === 0 &&
      monotonicMs() - spare.builtAt < this.maxAgeMs
    if (!fit) {
      // Its own listeners stay: a destroyed request still reports 'socket hang up'.
      spare.discard()
      return undefined
    }
    for (const event of SPARE_END_EVENTS) request.off(event, spare.discard)
    request.off('socket', spare.unrefSocket)
    socket.ref()
    return request
  }
}
