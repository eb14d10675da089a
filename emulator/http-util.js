// Small HTTP helpers shared by both servers. Handlers return plain response objects
// ({ status, headers, body }) instead of writing to the socket, so that faults can delay,
// discard, trickle or cut a real answer after the handler ran.

export const HTML_503 = '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>'
export const HTML_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
  '<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'
export const HTML_404 = '<html><title>404: Not Found</title><body>404: Not Found</body></html>'

const MAX_BODY_BYTES = 20 * 1024 * 1024

export function respond(status, body = '', contentType = 'application/json', headers = {}) {
  return { status, headers: { 'content-type': contentType, ...headers }, body }
}

export function json(status, value, headers = {}) {
  return respond(status, JSON.stringify(value), 'application/json', headers)
}

export function empty(status, headers = {}) {
  return respond(status, '', 'application/json', headers)
}

export function html(status, body) {
  return respond(status, body, 'text/html')
}

export function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    req.on('data', chunk => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

// Writes a response object in one go. 204/304 carry no body by definition.
export function send(res, response) {
  const body = bodyBuffer(response)
  const headers = { ...response.headers }
  if (response.status !== 204 && response.status !== 304) headers['content-length'] = body.length
  res.writeHead(response.status, headers)
  res.end(response.status === 204 || response.status === 304 ? undefined : body)
}

export function bodyBuffer(response) {
  const body = response.body ?? ''
  return Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8')
}

export function parseJson(text) {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

// Splits the raw request URL without normalising it: a real server sees `..` segments as
// sent, and the path-traversal guard must see them too.
export function splitUrl(rawUrl) {
  const at = rawUrl.indexOf('?')
  const path = at === -1 ? rawUrl : rawUrl.slice(0, at)
  const query = new URLSearchParams(at === -1 ? '' : rawUrl.slice(at + 1))
  return { path, query }
}

export function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

// Values of `name`, `name[]`, each also split at commas (all three forms are accepted by Mage).
export function queryList(query, name) {
  return [...query.getAll(name), ...query.getAll(`${name}[]`)]
    .flatMap(value => value.split(','))
    .map(value => value.trim())
    .filter(value => value !== '')
}

export function queryInt(query, name, fallback) {
  const value = Number.parseInt(query.get(name) ?? '', 10)
  return Number.isFinite(value) && value >= 0 ? value : fallback
}

// As Mage's get_bearer_auth_token_from_headers: comma-split, the part that mentions bearer.
export function bearerToken(headers) {
  const header = headers.authorization
  if (!header) return undefined
  const part = header.split(',').find(piece => /bearer/i.test(piece))
  if (!part) return undefined
  const token = part.trim().replace(/^bearer\s+/i, '')
  return token === '' ? undefined : token
}

export function cookie(headers, name) {
  for (const piece of (headers.cookie ?? '').split(';')) {
    const at = piece.indexOf('=')
    if (at !== -1 && piece.slice(0, at).trim() === name) return piece.slice(at + 1).trim()
  }
  return undefined
}

const pad = (value, size = 2) => String(value).padStart(size, '0')

function parts(date) {
  const d = new Date(date)
  return {
    day: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    micro: `${pad(d.getUTCMilliseconds(), 3)}000`
  }
}

// The datetime forms a real server mixes (see mage-real-observations.md §8.7).
export const formatDate = {
  // "2026-11-28 17:04:34" (SQLite row, no fraction)
  plain: date => `${parts(date).day} ${parts(date).time}`,
  // "2026-11-28 17:04:34.598000"
  micro: date => `${parts(date).day} ${parts(date).time}.${parts(date).micro}`,
  // "2026-11-28T17:04:34.598000+00:00"
  isoOffset: date => `${parts(date).day}T${parts(date).time}.${parts(date).micro}+00:00`,
  // "2026-11-28T17:04:34"
  isoPlain: date => `${parts(date).day}T${parts(date).time}`,
  // "20261128T170434_598000" (the execution_partition stamp)
  partition: date => {
    const p = parts(date)
    return `${p.day.replaceAll('-', '')}T${p.time.replaceAll(':', '')}_${p.micro}`
  }
}

// "2026-11-28 17:07:40.521000" → "2026-11-28T17:07:40.521000" (block-run list form).
export function toIsoT(value) {
  return typeof value === 'string' ? value.replace(' ', 'T') : value
}
