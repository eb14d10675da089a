// The next request's connection, opened while the server works on the current one. A smoke run
// asks for one between blocks, so that a block's TCP (and TLS) handshake overlaps the previous
// block's run instead of following it.
// Not keep-alive: a spare has never carried a request. A server may close a kept-alive
// connection right after answering without saying so, and a POST written to it then fails with
// its outcome unknown, though the block may never have reached the server. A spare is used only
// while it is young, open and silent; otherwise the request gets a fresh connection.
import * as http from 'node:http'
import * as https from 'node:https'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'

/** Well below the time servers commonly give a new connection to send its request (10 s+). */
export const SPARE_MAX_AGE_MS = 2_000

type Connect = (options: http.ClientRequestArgs) => Duplex | null | undefined

interface Spare {
  readonly socket: Socket
  readonly openedAt: number
  /** Destroys it: it failed, the server ended it, or it aged. */
  readonly discard: () => void
}

/** After any of these a spare is destroyed, never handed to a request. */
const SPARE_END_EVENTS = ['error', 'end', 'close', 'timeout'] as const

export class SpareConnection {
  private readonly connect: Connect
  private readonly maxAgeMs: number
  /** How the agent last connected to this origin: a spare is opened the same way. */
  private options?: http.ClientRequestArgs
  private spare?: Spare

  constructor(connect: Connect, maxAgeMs = SPARE_MAX_AGE_MS) {
    this.connect = connect
    this.maxAgeMs = maxAgeMs
  }

  /** The spare, handed over for a request, when it may carry one; otherwise undefined. */
  take(options: http.ClientRequestArgs): Socket | undefined {
    this.options = options
    const spare = this.spare
    if (!spare) return undefined
    this.spare = undefined
    for (const event of SPARE_END_EVENTS) spare.socket.off(event, spare.discard)
    const fit =
      !spare.socket.destroyed &&
      spare.socket.readableLength === 0 &&
      performance.now() - spare.openedAt < this.maxAgeMs
    if (!fit) {
      spare.socket.destroy()
      return undefined
    }
    spare.socket.setTimeout(0)
    spare.socket.ref()
    return spare.socket
  }

  /** Opens a spare, once a request has shown how to connect; at most one waits at a time. */
  open(): void {
    if (!this.options || this.spare) return
    const socket = this.connect({ ...this.options }) as Socket | null | undefined
    if (!socket) return
    const spare: Spare = { socket, openedAt: performance.now(), discard: () => socket.destroy() }
    for (const event of SPARE_END_EVENTS) socket.on(event, spare.discard)
    // Idle for its whole life: the timeout is its age limit. Unused, it must not hold the step.
    socket.setTimeout(this.maxAgeMs)
    socket.unref()
    this.spare = spare
  }
}

/** An agent for direct (unproxied) connections whose next connection can be opened early. */
export function agentWithSpare(
  protocol: string,
  maxAgeMs = SPARE_MAX_AGE_MS
): { agent: http.Agent; spare: SpareConnection } {
  const agent = protocol === 'https:' ? new https.Agent() : new http.Agent()
  const fresh = agent.createConnection.bind(agent)
  const spare = new SpareConnection(options => fresh(options), maxAgeMs)
  agent.createConnection = (options, callback) => spare.take(options) ?? fresh(options, callback)
  return { agent, spare }
}
