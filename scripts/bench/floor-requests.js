// The floor action plus the two requests cluster-status cannot do without (log in, read the
// cluster), sent with plain node:http on fresh connections: what the requests themselves cost a
// step, so that what the action adds on top of them can be told apart.
import * as core from '@actions/core'
import * as http from 'node:http'

function send(method, url, headers, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method,
      agent: false,
      headers: body ? { ...headers, 'Content-Type': 'application/json' } : headers
    })
    request.on('error', reject)
    request.on('response', response => {
      const chunks = []
      response.on('data', chunk => chunks.push(chunk))
      response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
    })
    request.end(body)
  })
}

async function main() {
  const api = core.getInput('cloud-api-url')
  const key = { 'X-API-KEY': core.getInput('cloud-api-key') }
  const session = { email: core.getInput('cloud-email'), password: core.getInput('cloud-password') }
  const login = await send('POST', `${api}/sessions`, key, JSON.stringify({ session }))
  const cluster = `${api}/teams/${core.getInput('team-id')}/clusters/${core.getInput('cluster-id')}`
  const read = await send('GET', cluster, { ...key, Cookie: `oauth_token=${login.session.token}` })
  core.setOutput('cluster-status', read.cluster.status)
}

// No top-level await, as in the action's own entry point.
void main()
