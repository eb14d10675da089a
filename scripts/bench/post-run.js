// One POST /api/runs as the action sends it, on a fresh connection, its answer read to the end.
// Shared by the bare script (a cold process) and the in-process timing (a warm one).
import * as http from 'node:http'

/** Resolves with the answer's status code. */
export function postRun(url, token, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      agent: false,
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        Authorization: `Bearer ${token}`
      }
    })
    request.on('error', reject)
    request.on('response', response => {
      response.resume()
      response.on('end', () => resolve(response.statusCode))
    })
    request.end(body)
  })
}
