// The least a run-block step can cost: a fresh Node process that sends the same POST /api/runs
// requests one after the other, each on a fresh connection as the action sends them, and reads
// each answer, with nothing else. Arguments: url, Bearer token, then one JSON body per request.
import * as http from 'node:http'

const [url, token, ...bodies] = process.argv.slice(2)

function post(body) {
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

for (const body of bodies) {
  if ((await post(body)) !== 200) process.exitCode = 1
}
