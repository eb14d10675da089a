// An HTTP proxy on 127.0.0.1 for the proxy tests: it tunnels CONNECT requests for a few made-up
// host names to local ports of its own choosing. It never resolves a name, so no traffic can
// leave 127.0.0.1: an unknown host is refused (and recorded).
import * as http from 'node:http'
import * as net from 'node:net'

export interface ConnectProxy {
  readonly url: string
  /** `host:port` of every CONNECT served. */
  readonly tunnels: string[]
  /** Every request it refused: an unknown host, or a plain (non-CONNECT) request. */
  readonly refused: string[]
  close(): Promise<void>
}

/** `routes`: `host:port` as the client asks for it → the local port to tunnel to. */
export async function startConnectProxy(routes: Record<string, number>): Promise<ConnectProxy> {
  const tunnels: string[] = []
  const refused: string[] = []
  const sockets = new Set<net.Socket>()
  const server = http.createServer((req, res) => {
    refused.push(`${req.method} ${req.url}`)
    res.writeHead(403).end()
  })
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = req.url ?? ''
    const port = routes[target]
    if (port === undefined) {
      refused.push(`CONNECT ${target}`)
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    tunnels.push(target)
    const upstream = net.connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('error', () => socket.destroy())
      socket.on('close', () => sockets.delete(socket))
    }
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    refused,
    close: () =>
      new Promise(resolve => {
        for (const socket of sockets) socket.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
