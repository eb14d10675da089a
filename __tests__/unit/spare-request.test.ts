// The next request, built early with its connection opened, against a real loopback server that
// numbers its connections: sent when fit, never when the server closed it, wrote on it or it aged,
// never on a connection that already carried a request, and an unused one writes nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { NodeTransport } from '../../src/http/transport.js'

interface Seen {
  readonly path: string
  readonly connection: number
  readonly connectionHeader?: string
  /** The request's header lines, Host and Connection aside, and its body. */
  readonly request: string
}

let server: http.Server
let base: string
let seen: Seen[] = []
const sockets: Socket[] = []
/** What the server does to each new connection (1-based) before any request on it. */
let onConnection: (socket: Socket, number: number) => void = () => {}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const headerLines = req.rawHeaders.flatMap((value, i) =>
        i % 2 === 1 && !['host', 'connection'].includes(req.rawHeaders[i - 1].toLowerCase())
          ? [`${req.rawHeaders[i - 1]}: ${value}`]
          : []
      )
      seen.push({
        path: req.url ?? '',
        connection: sockets.indexOf(req.socket) + 1,
        connectionHeader: req.headers.connection,
        request: `${req.method} ${headerLines.join('; ')} | ${Buffer.concat(chunks).toString()}`
      })
      // '/slow': the answer comes late enough for the client to see what happened to the spare.
      const delay = req.url?.startsWith('/slow') ? 100 : 0
      setTimeout(() => res.end('{"ok":true}'), delay)
    })
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

/** Resolves once the server side of a connection is closed: how many bytes it had received. */
function bytesReceivedBy(connection: number): Promise<number> {
  const socket = sockets[connection - 1]
  if (socket.destroyed) return Promise.resolve(socket.bytesRead)
  return new Promise(resolve => socket.on('close', () => resolve(socket.bytesRead)))
}

function post(transport: NodeTransport, path: string, preconnect: boolean, body = '{}') {
  return transport.send({
    method: 'POST',
    url: new URL(`${base}${path}`),
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t0ken' },
    body,
    timeoutMs: 5000,
    logPath: path,
    preconnect
  })
}

describe('a spare request', () => {
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
    expect((await post(transport, '/slow', false)).status).toBe(200)
    expect(seen.map(entry => entry.connection - before)).toEqual([1, 2])
    expect(openedSince(before)).toBe(2)
  })

  it('sends what a request on a fresh connection sends: the same headers and body', async () => {
    const transport = new NodeTransport('mage-pro-action/test')
    const before = sockets.length
    await post(transport, '/slow', true, '{"block":"b001"}')
    await post(transport, '/slow', false, '{"block":"a_longer_name"}')
    await post(
      new NodeTransport('mage-pro-action/test'),
      '/slow',
      false,
      '{"block":"a_longer_name"}'
    )
    expect(seen.map(entry => entry.connection - before)).toEqual([1, 2, 3])
    expect(seen[1].request).toBe(seen[2].request)
    expect(seen[1].request).toBe(
      'POST Content-Type: application/json; Authorization: Bearer t0ken; Content-Length: 25 | {"block":"a_longer_name"}'
    )
  })

  it('is built for one URL and method: another request gets a fresh connection', async () => {
    const transport = new NodeTransport('mage-pro-action/test')
    const before = sockets.length
    await post(transport, '/slow', true)
    await post(transport, '/ok', false)
    expect(seen.map(entry => entry.connection - before)).toEqual([1, 3])
    expect(await bytesReceivedBy(before + 2)).toBe(0)
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

  // What the server does to the spare's connection before any request on it.
  it.each([
    ['closed it', (socket: Socket) => socket.destroy()],
    [
      'wrote on it unasked (a 408 before closing, say)',
      (socket: Socket) => socket.write('HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\n\r\n')
    ],
    [
      'began an answer unasked, even one it has not finished',
      (socket: Socket) => socket.write('HTTP/1.1 408 Request Timeout\r\nContent-Length: 10\r\n\r\n')
    ]
  ])('is not used once the server %s: the request gets a fresh connection', async (_, act) => {
    const transport = new NodeTransport('mage-pro-action/test')
    const before = sockets.length
    onConnection = (socket, number) => {
      if (number === before + 2) act(socket)
    }
    expect((await post(transport, '/slow', true)).status).toBe(200)
    expect((await post(transport, '/slow', false)).status).toBe(200)
    expect(seen.map(entry => entry.connection - before)).toEqual([1, 3])
  })

  it('is kept for the next request when a request is refused for an invalid header', async () => {
    const transport = new NodeTransport('mage-pro-action/test')
    const before = sockets.length
    expect((await post(transport, '/slow', true)).status).toBe(200)
    await expect(
      transport.send({
        method: 'POST',
        url: new URL(`${base}/slow`),
        headers: { Authorization: 'Bearer a\nb' },
        body: '{}',
        timeoutMs: 5000,
        logPath: '/slow'
      })
    ).rejects.toThrow(/Invalid character in header content \["Authorization"\]/)
    expect((await post(transport, '/slow', false)).status).toBe(200)
    // No connection opened for the refused request; the spare carried the next one.
    expect(seen.map(entry => entry.connection - before)).toEqual([1, 2])
    expect(openedSince(before)).toBe(2)
  })

  it('is not used once older than its age limit, and is closed then, having sent nothing', async () => {
    const transport = new NodeTransport('mage-pro-action/test', 50)
    const before = sockets.length
    expect((await post(transport, '/ok', true)).status).toBe(200)
    await sleep(150)
    expect(sockets[before + 1]?.destroyed).toBe(true)
    expect(await bytesReceivedBy(before + 2)).toBe(0)
    expect((await post(transport, '/ok', false)).status).toBe(200)
    expect(seen.map(entry => entry.connection - before)).toEqual([1, 3])
  })
})
