// The least a run-block step can cost: a fresh Node process that sends the same POST /api/runs
// and reads the answer, with nothing else. Arguments: url, JSON body, Bearer token.
import * as http from 'node:http'

const [url, body, token] = process.argv.slice(2)
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
request.on('response', response => {
  response.resume()
  response.on('end', () => (process.exitCode = response.statusCode === 200 ? 0 : 1))
})
request.end(body)
