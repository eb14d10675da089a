// With RUNNER_DEBUG=1, the cluster operations leak no secret — trigger tokens, the cluster
// password, the session JWTs and the raw tokens inside them — anywhere the action writes
// (stdout, stderr, outputs, state, summary, files under RUNNER_TEMP), but in ::add-mask::.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { cloudInputs } from '../helpers/cloud-inputs.js'
import { TRIGGER_TOKENS, clusterInputs, loginInputs, serving } from '../helpers/cluster-inputs.js'
import { type ActionRun, leakedSecrets, runAction } from '../helpers/run-action.js'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator()
  serving(emu)
})
afterAll(async () => {
  await emu.stop()
})

const DEBUG = { RUNNER_DEBUG: '1' }
const PASSWORD = loginInputs()['cluster-password']

function issuedSince(mark: number): string[] {
  return emu.sessionsIssued.cluster.slice(mark).flatMap(session => [session.jwt, session.token])
}

function expectNoLeak(run: ActionRun, secrets: string[]): void {
  expect(leakedSecrets(run, secrets)).toEqual([])
  for (const secret of secrets) expect(run.stdout).toContain(`::add-mask::${secret}`)
}

describe('cluster operations: masking with RUNNER_DEBUG=1', () => {
  it('run-block, passing and failing, leaks no trigger token', async () => {
    for (const block of ['load_data', 'load_data\nraise_err']) {
      const run = await runAction({
        inputs: clusterInputs(emu, 'run-block', {
          'trigger-token': TRIGGER_TOKENS.etl,
          pipeline: 'etl_demo',
          block
        }),
        env: DEBUG
      })
      expectNoLeak(run, [TRIGGER_TOKENS.etl])
    }
  })

  it('deploy-git, with a renewed session, leaks no password, JWT or raw token', async () => {
    emu.inject({ server: 'cluster', method: 'POST', path: '/api/deployment_settings', status: 401 })
    const mark = emu.sessionsIssued.cluster.length
    const run = await runAction({
      inputs: clusterInputs(emu, 'deploy-git', {
        ...loginInputs(),
        'deployment-setting': 'git-deploy',
        'deploy-branch': 'deploy-main'
      }),
      env: {
        ...DEBUG,
        GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
        GITHUB_REF_NAME: 'main'
      }
    })
    expect(run.code).toBe(0)
    const issued = issuedSince(mark)
    expect(issued).toHaveLength(4)
    expectNoLeak(run, [PASSWORD, ...issued])
  })

  it('run-pipeline, failed, with logs and the post step, leaks nothing; the state holds no secret', async () => {
    const mark = emu.sessionsIssued.cluster.length
    const run = await runAction({
      inputs: clusterInputs(emu, 'run-pipeline', {
        ...loginInputs(),
        'trigger-token': TRIGGER_TOKENS.failing,
        'schedule-id': '2'
      }),
      env: DEBUG
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::debug::GET /api/pipeline_runs/')
    const secrets = [PASSWORD, TRIGGER_TOKENS.failing, ...issuedSince(mark)]
    expectNoLeak(run, secrets)

    const killed = await runAction({
      inputs: clusterInputs(emu, 'run-pipeline', {
        ...loginInputs(),
        'trigger-token': TRIGGER_TOKENS.stuck,
        'schedule-id': '3'
      }),
      env: DEBUG,
      killAfterMs: 2500
    })
    expect(leakedSecrets(killed, [PASSWORD, TRIGGER_TOKENS.stuck])).toEqual([])
    const postMark = emu.sessionsIssued.cluster.length
    const post = await runAction({
      inputs: clusterInputs(emu, 'run-pipeline', {
        ...loginInputs(),
        'trigger-token': TRIGGER_TOKENS.stuck,
        'schedule-id': '3'
      }),
      env: DEBUG,
      post: true,
      state: killed.state
    })
    expect(post.stdout).toContain('cancelling it')
    expectNoLeak(post, [PASSWORD, TRIGGER_TOKENS.stuck, ...issuedSince(postMark)])
  })

  it('stop-cluster skip-if-busy leaks no cluster session', async () => {
    emu.addPipelineRun({ pipeline_uuid: 'etl_demo', status: 'running', started_at: new Date() })
    const mark = emu.sessionsIssued.cluster.length
    const run = await runAction({
      inputs: cloudInputs(emu, 'stop-cluster', {
        'skip-if-busy': 'true',
        'cluster-url': emu.clusterUrl,
        ...loginInputs()
      }),
      env: DEBUG
    })
    expect(run.code).toBe(0)
    expectNoLeak(run, [PASSWORD, ...issuedSince(mark)])
  })
})
