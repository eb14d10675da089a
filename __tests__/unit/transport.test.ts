// The transport against real loopback sockets: hard timeouts, cut-off answers, sent/not sent.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { NetworkError, RequestTimeoutError } from '../../src/errors.js'
import { NodeTransport } from '../../src/http/transport.js'

let server: http.Server
let base: string

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/ok') {
      res.setHeader('Content-Type', 'application/json')
      res.end('{"ok":true}')
    } else if (req.url === '/trickle') {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      const timer = setInterval(() => res.write(' '), 50)
      res.on('close', () => clearInterval(timer))
    } else if (req.url === '/cut') {
      res.writeHead(200, { 'Content-Length': '100' })
      res.write('{"partial":')
      setTimeout(() => res.destroy(), 20)
    } else if (req.url === '/drop') {
      req.socket.destroy()
    }
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise(resolve => server.close(resolve))
})

const transport = new NodeTransport('mage-pro-action/test')
const send = (path: string, timeoutMs = 2000, url = `${base}${path}`) =>
  transport.send({ method: 'GET', url: new URL(url), headers: {}, timeoutMs, logPath: path })

describe('NodeTransport', () => {
  it('reads a whole answer', async () => {
    const response = await send('/ok')
    expect(response.status).toBe(200)
    expect(response.body).toBe('{"ok":true}')
  })

  it('ends a trickling answer at the hard timeout (an idle timeout would never fire)', async () => {
    const started = Date.now()
    const error = await send('/trickle', 400).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RequestTimeoutError)
    expect((error as RequestTimeoutError).sent).toBe(true)
    expect(Date.now() - started).toBeLessThan(1500)
  })

  it('fails an answer cut off before its Content-Length', async () => {
    const error = await send('/cut').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).sent).toBe(true)
  })

  it('marks a dropped connection as possibly sent', async () => {
    const error = await send('/drop').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).sent).toBe(true)
  })

  it('marks a refused connection as never sent', async () => {
    const closed = http.createServer()
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise(resolve => closed.close(resolve))
    const error = await send('/ok', 2000, `http://127.0.0.1:${port}/ok`).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).sent).toBe(false)
  })
})
