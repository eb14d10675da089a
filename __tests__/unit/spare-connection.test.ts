// The next request's connection, opened early, against a real loopback server that numbers its
// connections: used when fit, never when the server closed it, wrote on it or it aged, and never
// a connection that already carried a request.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { agentWithSpare } from '../../src/http/spare-connection.js'
import { NodeTransport } from '../../src/http/transport.js'

interface Seen {
  readonly path: string
  readonly connection: number
  readonly connectionHeader?: string
}

let server: http.Server
let base: string
let seen: Seen[] = []
const sockets: Socket[] = []
/** What the server does to each new connection (1-based) before any request on it. */
let onConnection: (socket: Socket, number: number) => void = () => {}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({
      path: req.url ?? '',
      connection: sockets.indexOf(req.socket) + 1,
      connectionHeader: req.headers.connection
    })
    // '/slow': the answer comes late enough for the client to see what happened to the spare.
    const delay = req.url === '/slow' ? 100 : 0
    setTimeout(() => res.end('{"ok":true}'), delay)
  })
  server.on('connection', (socket: Socket) => {
    sockets.push(socket)
    onConnection(socket, sockets.length)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterEach(() => {
  seen = []
  onConnection = () => {}
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise(resolve => server.close(resolve))
})

/** Connections accepted since `before`. */
const openedSince = (before: number): number => sockets.length - before

function post(transport: NodeTransport, path: string, preconnect: boolean) {
  return transport.send({
    method: 'POST',
    url: new URL(`${base}${path}`),
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
    timeoutMs: 5000,
    logPath: path,
    preconnect
  })
}

describe('a spare connection', () => {
  it('carries the next request, opened while the server still works on this one', async () => {
    const transport = new NodeTransport('mage-pro-action/test')
    const before = sockets.length
    const first = post(transport, '/slow', true)
    // The spare is accepted while '/slow' is still waiting for its answer.
    await new Promise<void>(resolve => {
      const check = (): unknown => (openedSince(before) >= 2 ? resolve() : setTimeout(check, 5))
      check()
    })
    expect(seen).toHaveLength(1)
    expect((await first).status).toBe(200)
    expect((await post(transport, '/ok', false)).status).toBe(200)
    expect(seen.map(entry => entry.connection - before)).toEqual([1, 2])
    expect(openedSince(before)).toBe(2)
  })

  it('is never a connection that carried a request: each request asks to close its own', async () => {
    const transport = new NodeTransport('mage-pro-action/test')
    const before = sockets.length
    for (let i = 0; i < 4; i++) {
      expect((await post(transport, '/ok', i < 3)).status).toBe(200)
    }
    expect(seen.map(entry => entry.connection - before)).toEqual([1, 2, 3, 4])
    expect(seen.every(entry => entry.connectionHeader === 'close')).toBe(true)
    expect(openedSince(before)).toBe(4)
  })

  it('is not opened unless another request follows', async () => {
    const transport = new NodeTransport('mage-pro-action/test')
    const before = sockets.length
    await post(transport, '/slow', false)
    await sleep(50)
    expect(openedSince(before)).toBe(1)
  })

  it('is not used once the server closed it: the request gets a fresh connection', async () => {
    const transport = new NodeTransport('mage-pro-action/test')
    const before = sockets.length
    onConnection = (socket, number) => {
      if (number === before + 2) socket.destroy()
    }
    expect((await post(transport, '/slow', true)).status).toBe(200)
    expect((await post(transport, '/ok', false)).status).toBe(200)
    expect(seen.map(entry => entry.connection - before)).toEqual([1, 3])
  })

  it('is not used once the server wrote on it unasked (a 408 before closing, say)', async () => {
    const transport = new NodeTransport('mage-pro-action/test')
    const before = sockets.length
    onConnection = (socket, number) => {
      if (number === before + 2)
        socket.write('HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\n\r\n')
    }
    expect((await post(transport, '/slow', true)).status).toBe(200)
    const second = await post(transport, '/ok', false)
    expect(second.status).toBe(200)
    expect(seen.map(entry => entry.connection - before)).toEqual([1, 3])
  })

  it('is not used once older than its age limit, and is closed then', async () => {
    const { agent, spare } = agentWithSpare('http:', 50)
    const get = (): Promise<number> =>
      new Promise((resolve, reject) => {
        http
          .get(`${base}/ok`, { agent }, res => {
            res.resume()
            res.on('end', () => resolve(res.statusCode ?? 0))
          })
          .on('error', reject)
      })
    const before = sockets.length
    expect(await get()).toBe(200)
    spare.open()
    await sleep(150)
    const spareSocket = sockets[before + 1]
    expect(spareSocket?.destroyed).toBe(true)
    expect(await get()).toBe(200)
    expect(seen.map(entry => entry.connection - before)).toEqual([1, 3])
  })
})
