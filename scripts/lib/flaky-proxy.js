// A flaky reverse proxy on 127.0.0.1, as a new user might find in front of Mage: it sometimes
// answers 502 with an HTML page, sometimes drops the connection, before or after passing the
// request on (so a write may or may not have landed), and now and then has an outage of
// several requests in a row. Seeded, so a trial reproduces.
import http from 'node:http'

const HTML_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

/** mulberry32: a small seeded PRNG, [0, 1). */
export function seededRandom(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const DEFAULT_RATES = {
  /** 502 page without passing the request on. */
  html502Before: 0.1,
  /** The request passed on, the answer replaced by a 502 page. */
  html502After: 0.05,
  dropBefore: 0.05,
  dropAfter: 0.05,
  /** Chance that a request starts an outage of 3–8 failing requests. */
  outage: 0.02
}

const FAULTS = ['html502Before', 'html502After', 'dropBefore', 'dropAfter']

/**
 * Starts the proxy in front of `target` (`http://127.0.0.1:port`). `counts` holds how many
 * requests it passed and how many of each fault it injected.
 */
export async function startFlakyProxy({ target, seed, rates = DEFAULT_RATES }) {
  const random = seededRandom(seed)
  const upstream = new URL(target)
  const counts = { requests: 0, passed: 0, outages: 0 }
  for (const fault of FAULTS) counts[fault] = 0
  let outageLeft = 0

  function pick() {
    if (outageLeft > 0) {
      outageLeft--
      return random() < 0.7 ? 'html502Before' : 'dropBefore'
    }
    if (random() < rates.outage) {
      counts.outages++
      outageLeft = 2 + Math.floor(random() * 6)
      return 'html502Before'
    }
    let roll = random()
    for (const fault of FAULTS) {
      if (roll < rates[fault]) return fault
      roll -= rates[fault]
    }
    return 'pass'
  }

  const sockets = new Set()
  const server = http.createServer((req, res) => {
    counts.requests++
    const chunks = []
    req.on('data', chunk => chunks.push(chunk))
    req.on('end', () => {
      const fault = pick()
      if (fault === 'pass') counts.passed++
      else counts[fault]++
      if (fault === 'html502Before') return send502(res)
      if (fault === 'dropBefore') return void req.socket.destroy()
      forward(req, Buffer.concat(chunks), (error, answer) => {
        if (fault === 'dropAfter' || error) return void req.socket.destroy()
        if (fault === 'html502After') return send502(res)
        res.writeHead(answer.status, answer.headers).end(answer.body)
      })
    })
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  function forward(req, body, done) {
    const headers = { ...req.headers, host: upstream.host }
    const request = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      answer => {
        const parts = []
        answer.on('data', chunk => parts.push(chunk))
        answer.on('end', () =>
          done(undefined, {
            status: answer.statusCode ?? 502,
            headers: answer.headers,
            body: Buffer.concat(parts)
          })
        )
        answer.on('error', error => done(error))
      }
    )
    request.on('error', error => done(error))
    request.end(body)
  }

  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    counts,
    close: () =>
      new Promise(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

function send502(res) {
  res.writeHead(502, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(HTML_502) })
  res.end(HTML_502)
}
