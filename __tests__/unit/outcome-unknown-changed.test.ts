// run(): a failure whose outcome is unknown may have changed something, so `changed` is true
// (deploy-git and the Cloud operations said false).
import { expect, it } from '@jest/globals'
import { run } from '../../src/main.js'
import { jwtFor, json, text } from '../helpers/fake-cluster.js'
import { fakeClock, recordingIO } from '../helpers/fakes.js'

const INPUTS: Record<string, string> = {
  operation: 'deploy-git',
  'cluster-url': 'https://mage.example.com',
  'cluster-email': 'a@example.com',
  'cluster-password': 'pw-123456',
  'deployment-setting': 'git-deploy',
  'deploy-branch': 'deploy-main',
  wait: 'false'
}

it('sets changed: true when a deploy failed with its outcome unknown', async () => {
  const io = recordingIO()
  await run({
    io,
    clock: fakeClock(),
    transport: {
      send: request =>
        Promise.resolve(
          request.url.pathname === '/api/sessions'
            ? json({ session: { token: jwtFor('raw-token') } })
            : text('<html>502 Bad Gateway</html>', 502)
        )
    },
    input: name => INPUTS[name] ?? '',
    env: { GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567', GITHUB_REF_NAME: 'main' }
  })
  expect(io.outputs.get('error')).toMatch(/outcome unknown/)
  expect(io.outputs.get('changed')).toBe('true')
})
