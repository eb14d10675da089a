// A few of the worst answers, served by a loopback server to the real dist/index.js, checked
// from the outside: exit code, outputs, stdout/stderr.
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { runAction } from '../../helpers/run-action.js'
import { jwtFor } from '../../helpers/fake-cluster.js'
import { stackFrames } from './invariants.js'
import { reasonProblems, smuggledCommands } from './output-checks.js'

type Answer = (req: http.IncomingMessage, res: http.ServerResponse) => void

export interface GarbageCase {
  readonly name: string
  readonly operation: string
  readonly inputs: Record<string, string>
  readonly expectFailure: boolean
  /** By `METHOD path` (path without query); anything else answers a 404 envelope. */
  readonly answers: Record<string, Answer>
}

const json =
  (body: unknown, status = 200): Answer =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  }
const raw =
  (status: number, body: string | Buffer, type = 'text/plain'): Answer =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': type }).end(body)
  }

const CLUSTER_PATH = '/api/v1/teams/t/clusters/c'
const CLOUD_LOGIN = json({ session: { token: 'garbage-case-cloud-token' } })
const CLUSTER_LOGIN = json({ session: { token: jwtFor('garbage-case-raw-token') } })
const cloudInputs = (operation: string) => ({
  operation,
  'cloud-email': 'ci@example.com',
  'cloud-password': 'garbage-case-password',
  'team-id': 't',
  'cluster-id': 'c',
  'poll-interval': '1s',
  timeout: '6s'
})
const login = { 'cluster-email': 'a@example.com', 'cluster-password': 'garbage-case-password' }

export const GARBAGE_CASES: readonly GarbageCase[] = [
  {
    name: 'cluster-status: a status and a name that carry workflow commands',
    operation: 'cluster-status',
    inputs: cloudInputs('cluster-status'),
    expectFailure: false,
    answers: {
      'POST /api/v1/sessions': CLOUD_LOGIN,
      [`GET ${CLUSTER_PATH}`]: json({
        cluster: {
          status: 'Active\n::error::INJECTED pwned\n::set-output name=status::Stopped',
          name: '::add-mask::INJECTED\r\n::warning::INJECTED fake',
          config: { replicaCount: 1, extraEnvs: [{ name: '::error::INJECTED\nY', value: 'v' }] }
        }
      })
    }
  },
  {
    name: 'run-block: 20 000 nested brackets under HTTP 200',
    operation: 'run-block',
    inputs: { 'trigger-token': 'garbage-case-token-1234', pipeline: 'p', block: 'b' },
    expectFailure: true,
    answers: { 'POST /api/runs': raw(200, '['.repeat(20_000), 'application/json') }
  },
  {
    name: 'deploy-git: HTTP 999 with binary junk for the login',
    operation: 'deploy-git',
    inputs: { ...login, 'deployment-setting': 'git-deploy', 'deploy-branch': 'deploy-main' },
    expectFailure: true,
    answers: { 'POST /api/sessions': raw(999, Buffer.from([0, 255, 10, 58, 58, 13, 7, 200])) }
  },
  {
    name: 'start-cluster: a 500 envelope whose exception spans lines and fakes a stack trace',
    operation: 'start-cluster',
    inputs: cloudInputs('start-cluster'),
    expectFailure: true,
    answers: {
      'POST /api/v1/sessions': CLOUD_LOGIN,
      [`GET ${CLUSTER_PATH}`]: json({
        cluster: { status: 'Stopped', config: { replicaCount: 0 } }
      }),
      [`PUT ${CLUSTER_PATH}`]: json({
        error: {
          code: 500,
          exception: 'boom\n    at evil (/srv/x.js:1:2)\n::error::INJECTED forged',
          message: 'Traceback (most recent call last):\n::add-mask::INJECTED\n::endgroup::INJECTED'
        }
      })
    }
  },
  {
    name: 'run-pipeline: a run id that is a path, then an HTML login page for the polls',
    operation: 'run-pipeline',
    inputs: {
      ...login,
      'trigger-token': 'garbage-case-token-1234',
      'schedule-id': '1',
      'poll-interval': '1s'
    },
    expectFailure: true,
    answers: {
      'POST /api/sessions': CLUSTER_LOGIN,
      'POST /api/pipeline_schedules/1/api_trigger': json({
        pipeline_run: {
          id: '../../admin',
          status: 'running\n::error::INJECTED',
          pipeline_uuid: '\n::warning::INJECTED'
        }
      }),
      'GET /api/pipeline_runs/..%2F..%2Fadmin': raw(
        200,
        '<html><form>Sign in</form></html>',
        'text/html'
      )
    }
  },
  {
    name: 'cluster-status: broken HTTP framing on every read',
    operation: 'cluster-status',
    inputs: cloudInputs('cluster-status'),
    expectFailure: true,
    answers: {
      'POST /api/v1/sessions': CLOUD_LOGIN,
      [`GET ${CLUSTER_PATH}`]: req => {
        req.socket.end('HTTP/1.1 200 OK\r\nContent-Length: abc\r\nX: \u0000\r\n\r\n{}')
      }
    }
  }
]

export async function runGarbageCase(garbage: GarbageCase): Promise<string[]> {
  const server = http.createServer((req, res) => {
    const key = `${req.method} ${(req.url ?? '').split('?')[0]}`
    const answer = garbage.answers[key] ?? json({ error: { code: 404, type: 'record_not_found' } })
    answer(req, res)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  try {
    const run = await runAction({
      inputs: {
        'cloud-api-url': `${base}/api/v1`,
        'cluster-url': base,
        timeout: '6s',
        ...garbage.inputs
      },
      env: { GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567', GITHUB_REF_NAME: 'main' }
    })
    const problems: string[] = []
    const { status, error } = run.outputs
    if (run.code !== (garbage.expectFailure ? 1 : 0)) problems.push(`exit code ${run.code}`)
    if (status === undefined || error === undefined) problems.push('status/error outputs not set')
    if (run.code !== 0) {
      if (!status) problems.push('no status output on failure')
      problems.push(...reasonProblems(error ?? '').map(p => `error output: ${p}`))
    }
    const frames = stackFrames(`${run.stdout}\n${run.stderr}`)
    if (frames.length > 0) problems.push(`stack trace printed: ${frames[0]}`)
    problems.push(...smuggledCommands(run.stdout).map(line => `smuggled command: ${line}`))
    if (run.stderr.trim() !== '') problems.push(`stderr: ${run.stderr.slice(0, 200)}`)
    return problems
  } finally {
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  }
}
