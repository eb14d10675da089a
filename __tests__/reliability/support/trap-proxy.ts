// A proxy on 127.0.0.1 that forwards nothing: set as HTTP(S)_PROXY, it catches any request the
// action would send to a host other than loopback (a followed redirect, a wrong URL), which
// therefore never leaves the machine.
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface TrapProxy {
  readonly url: string
  /** `CONNECT host:port` or `METHOD url`, one per request caught. */
  readonly caught: string[]
  close(): Promise<void>
}

export async function startTrapProxy(): Promise<TrapProxy> {
  const caught: string[] = []
  const server = http.createServer((req, res) => {
    caught.push(`${req.method} ${req.url}`)
    res.writeHead(403).end()
  })
  server.on('connect', (req, socket) => {
    caught.push(`CONNECT ${req.url}`)
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    caught,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
