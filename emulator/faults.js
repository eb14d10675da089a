// Injected faults: a list matched in order against each request; the first match with uses
// left fires (one fault per request). Each kind reproduces something a client meets in the
// wild: a proxy error, a slow or trickling server, a dropped or cut connection, a redirect.
import { matchesPath } from './recorder.js'
import { bodyBuffer, empty, html, respond, send, HTML_502 } from './http-util.js'
import { pyJsonResponse } from './pyjson.js'

export const FAULT_KINDS = [
  'status',
  'latencyMs',
  'drop',
  'trickle',
  'truncate',
  'html',
  'envelope',
  'empty200',
  'redirect'
]

export function createFaults() {
  const list = []

  function inject(spec) {
    if (typeof spec !== 'object' || spec === null) throw new TypeError('a fault must be an object')
    const kinds = FAULT_KINDS.filter(kind => spec[kind] !== undefined && spec[kind] !== false)
    if (kinds.length !== 1) {
      throw new TypeError(
        `a fault needs exactly one of ${FAULT_KINDS.join(', ')}; got ${kinds.join(', ') || 'none'}`
      )
    }
    if (spec.server !== undefined && spec.server !== 'cloud' && spec.server !== 'cluster') {
      throw new TypeError(`fault server must be 'cloud' or 'cluster', not ${String(spec.server)}`)
    }
    if (spec.drop !== undefined && spec.drop !== 'before' && spec.drop !== 'after') {
      throw new TypeError("fault drop must be 'before' or 'after'")
    }
    const times = spec.times ?? 1
    if (!(times > 0)) throw new TypeError('fault times must be a positive number or Infinity')
    list.push({ spec: { ...spec }, kind: kinds[0], remaining: times })
  }

  // Returns the fault that fires for this request (and uses it up), or undefined.
  function take(server, method, path) {
    for (const fault of list) {
      const { spec } = fault
      if (fault.remaining <= 0) continue
      if (spec.server !== undefined && spec.server !== server) continue
      if (spec.method !== undefined && spec.method.toUpperCase() !== method) continue
      if (!matchesPath(path, spec.path)) continue
      fault.remaining -= 1
      return fault
    }
    return undefined
  }

  function clear() {
    list.length = 0
  }

  function pending() {
    return list
      .filter(fault => fault.remaining > 0)
      .map(fault => ({ ...fault.spec, remaining: fault.remaining }))
  }

  return { inject, take, clear, pending }
}

function statusResponse(spec) {
  const headers = spec.retryAfter !== undefined ? { 'retry-after': String(spec.retryAfter) } : {}
  if (spec.body === undefined) {
    return respond(spec.status, '', spec.contentType ?? 'text/plain', headers)
  }
  if (typeof spec.body === 'string') {
    return respond(spec.status, spec.body, spec.contentType ?? 'text/plain', headers)
  }
  return respond(
    spec.status,
    JSON.stringify(spec.body),
    spec.contentType ?? 'application/json',
    headers
  )
}

// Sends the answer `bytes` at a time every `intervalMs`, headers (with the full length) first.
function trickle(res, response, { intervalMs = 100, bytes = 16 } = {}, timers) {
  const body = bodyBuffer(response)
  res.writeHead(response.status, { ...response.headers, 'content-length': body.length })
  res.flushHeaders()
  let offset = 0
  return new Promise(resolve => {
    const next = () => {
      if (res.destroyed || res.writableEnded) return resolve()
      const chunk = body.subarray(offset, offset + Math.max(1, bytes))
      offset += chunk.length
      if (offset >= body.length) {
        res.end(chunk)
        return resolve()
      }
      res.write(chunk)
      if (timers.after(intervalMs, next) === undefined) {
        res.destroy()
        resolve()
      }
    }
    if (body.length === 0) {
      res.end()
      resolve()
    } else if (timers.after(intervalMs, next) === undefined) {
      res.destroy()
      resolve()
    }
  })
}

// Promises the full Content-Length, sends half, then closes the connection.
function truncate(res, response) {
  const body = bodyBuffer(response)
  res.writeHead(response.status, { ...response.headers, 'content-length': body.length })
  const half = body.subarray(0, Math.floor(body.length / 2))
  return new Promise(resolve => {
    res.write(half.length > 0 ? half : '', () => {
      res.destroy()
      resolve()
    })
  })
}

// run() produces the real handler's response (with its side effects).
export async function applyFault(fault, { req, res, run, timers }) {
  const { spec } = fault
  switch (fault.kind) {
    case 'status':
      if (spec.when === 'after') await run()
      return send(res, statusResponse(spec))
    case 'latencyMs':
      await timers.sleep(spec.latencyMs)
      return send(res, await run())
    case 'drop':
      if (spec.drop === 'after') await run()
      req.socket.destroy()
      return undefined
    case 'trickle':
      return trickle(res, await run(), spec.trickle, timers)
    case 'truncate':
      return truncate(res, await run())
    case 'html':
      return send(res, html(502, HTML_502))
    case 'envelope': {
      const { code, type, message, httpStatus = 200 } = spec.envelope
      return send(res, pyJsonResponse(httpStatus, { error: { code, message, type }, status: 200 }))
    }
    case 'empty200':
      return send(res, empty(200))
    case 'redirect':
      return send(
        res,
        respond(spec.redirectStatus ?? 302, '', 'text/html', { location: spec.redirect })
      )
    default:
      throw new Error(`unknown fault kind ${fault.kind}`)
  }
}
