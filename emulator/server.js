// One loopback HTTP server (cloud or cluster): reads the body, records the request, lets an
// injected fault take over, otherwise answers with the API handler's response. It tracks its
// sockets so that close() ends keep-alive and trickling connections at once, and numbers them so
// that a test can see which requests shared a connection and how many were opened.
import http from 'node:http'
import { applyFault } from './faults.js'
import { readBody, send, splitUrl } from './http-util.js'
import { EXC, exceptionEnvelope } from './envelopes.js'

export function createApiServer({ name, handle, control, recorder, faults, timers, onRequest }) {
  const sockets = new Set()
  const connectionIds = new WeakMap()
  const connections = []

  // A bug in a handler answers like the real server does with any unexpected exception.
  async function safeHandle(ctx) {
    try {
      return await handle(ctx)
    } catch (err) {
      return exceptionEnvelope(EXC.internal(err instanceof Error ? err.message : String(err)))
    }
  }

  const server = http.createServer(async (req, res) => {
    try {
      const body = await readBody(req)
      const { path, query } = splitUrl(req.url ?? '/')
      const ctx = { server: name, method: req.method, path, query, headers: req.headers, body }
      if (control && path.startsWith('/__emulator/')) return send(res, await control(ctx))

      const record = recorder.record({
        server: name,
        method: req.method,
        path: req.url,
        headers: { ...req.headers },
        body,
        at: Date.now(),
        receivedAt: performance.now(),
        connection: connectionIds.get(req.socket)
      })
      res.on('close', () => {
        record.status = res.headersSent ? res.statusCode : null
        onRequest?.(record)
      })
      const fault = faults.take(name, req.method, path)
      if (!fault) return send(res, await safeHandle(ctx))
      record.fault = fault.spec
      await applyFault(fault, { req, res, run: () => safeHandle(ctx), timers })
    } catch {
      if (!res.headersSent && !res.destroyed) send(res, { status: 500, headers: {}, body: '' })
      else res.destroy()
    }
    return undefined
  })

  server.on('connection', socket => {
    connections.push({ connection: connections.length + 1, at: Date.now() })
    connectionIds.set(socket, connections.length)
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  function listen(port, host) {
    return new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, () => {
        server.off('error', reject)
        resolve(server.address().port)
      })
    })
  }

  function close() {
    return new Promise(resolve => {
      if (!server.listening) return resolve()
      server.close(() => resolve())
      server.closeAllConnections?.()
      for (const socket of sockets) socket.destroy()
    })
  }

  return { server, listen, close, connections: () => [...connections] }
}
