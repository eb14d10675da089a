// deploy-git from dist/index.js against the emulator: the Deployments API and git sync, sent
// exactly once, a fresh login after an auth-layer refusal, git errors in success bodies, dry
// runs, and the wait until the cluster serves again.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { clusterInputs, loginInputs, serving } from '../helpers/cluster-inputs.js'
import { leakedSecrets, runAction } from '../helpers/run-action.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'
const DEPLOYMENTS = '/api/deployment_settings/git-deploy/deployments'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator()
  serving(emu)
})
afterAll(async () => {
  await emu.stop()
})
afterEach(() => {
  emu.clearFaults()
  emu.clearRequests()
  emu.scenario.cluster.deploy = { status: 'deployed' }
  delete emu.scenario.cluster.sync.gitError
})

const context = { GITHUB_SHA: SHA, GITHUB_REF_NAME: 'main', GITHUB_EVENT_NAME: 'push' }

const deploy = (extra: Record<string, string | undefined> = {}, env: Record<string, string> = {}) =>
  runAction({
    inputs: clusterInputs(emu, 'deploy-git', {
      ...loginInputs(),
      'deployment-setting': 'git-deploy',
      'deploy-branch': 'deploy-main',
      ...extra
    }),
    env: { ...context, ...env }
  })

const deployPosts = () => emu.requestsTo('cluster', 'POST', DEPLOYMENTS)
const logins = () => emu.requestsTo('cluster', 'POST', '/api/sessions')

describe('deploy-git: Deployments API', () => {
  it('deploys the commit, sets commit, deployment-id and status, and waits until the cluster serves', async () => {
    const run = await deploy({ 'commit-message': 'Add feature X', environment: 'staging' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      status: 'deployed',
      changed: 'true',
      error: '',
      commit: SHA,
      'deployment-id': String(emu.deployments.at(-1)?.id)
    })
    expect(JSON.parse(deployPosts()[0].body)).toEqual({
      deployment: {
        source: { head: { name: 'main' }, name: 'Add feature X', version: SHA },
        stage: { branch: { name: 'deploy-main' }, environment: 'staging' }
      }
    })
    const post = deployPosts()[0]
    expect(post.headers['oauth-token']).toBe(emu.sessionsIssued.cluster.at(-1)?.token)
    const statusAfter = emu.requestsTo('cluster', 'GET', '/api/status').filter(r => r.at > post.at)
    expect(statusAfter.length).toBeGreaterThan(0)
    expect(statusAfter.at(-1)?.status).toBe(200)
    expect(run.stdout).toContain('The cluster serves')
  })

  it('deploys the head of a pull request, never the merge commit', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'event-'))
    const eventPath = path.join(dir, 'event.json')
    const head = 'fedcba9876543210fedcba9876543210fedcba98'
    fs.writeFileSync(eventPath, JSON.stringify({ pull_request: { head: { sha: head } } }))
    const run = await deploy(
      { wait: 'false' },
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_HEAD_REF: 'feature-x',
        GITHUB_REF_NAME: '12/merge'
      }
    )
    expect(run.code).toBe(0)
    expect(run.outputs.commit).toBe(head)
    const body = JSON.parse(deployPosts()[0].body) as { deployment: { source: object } }
    expect(body.deployment.source).toEqual({
      head: { name: 'feature-x' },
      name: head,
      version: head
    })
  })

  it('repeats the deploy POST once after a 401, with a fresh login', async () => {
    emu.inject({
      server: 'cluster',
      method: 'POST',
      path: DEPLOYMENTS,
      envelope: {
        code: 401,
        type: 'expired_oauth_token',
        message: 'Expired OAuth token.',
        httpStatus: 401
      }
    })
    const count = emu.deployments.length
    const run = await deploy({ wait: 'false' })
    expect(run.code).toBe(0)
    expect(deployPosts()).toHaveLength(2)
    expect(logins()).toHaveLength(2)
    expect(emu.deployments.length - count).toBe(1)
    expect(run.stdout).toContain('The cluster refused the session; logging in again')
  })

  it('fails after a second auth refusal, without a third try', async () => {
    emu.inject({ server: 'cluster', method: 'POST', path: DEPLOYMENTS, status: 401, times: 5 })
    const run = await deploy({ wait: 'false' })
    expect(run.code).toBe(1)
    expect(deployPosts()).toHaveLength(2)
    expect(run.outputs.error).toMatch(/401.*check cluster-email and cluster-password/)
  })

  it('reports a 502 after the deploy ran as outcome unknown, sent once', async () => {
    emu.inject({
      server: 'cluster',
      method: 'POST',
      path: DEPLOYMENTS,
      status: 502,
      when: 'after',
      times: 5
    })
    const count = emu.deployments.length
    const run = await deploy({ wait: 'false' })
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(/outcome unknown/)
    expect(deployPosts()).toHaveLength(1)
    expect(emu.deployments.length - count).toBe(1)
  })

  it('fails on a git error inside a success body', async () => {
    emu.scenario.cluster.deploy = { gitError: 'fatal: reference is not a tree: 0123456' }
    const run = await deploy({ wait: 'false' })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(run.outputs.changed).toBe('false')
    expect(run.outputs.error).toBe('the deploy failed: fatal: reference is not a tree: 0123456')
    expect(run.outputs['deployment-id']).toBeTruthy()
  })

  it('dry run: shows the payload with no secret, sends nothing, status dry-run', async () => {
    const count = emu.deployments.length
    const run = await deploy({ 'dry-run': 'true' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'dry-run', changed: 'false', error: '' })
    expect(deployPosts()).toHaveLength(0)
    expect(emu.deployments.length).toBe(count)
    expect(run.stdout).toContain(`Dry run: would send POST ${DEPLOYMENTS}`)
    expect(run.summary).toContain(`"version": "${SHA}"`)
    expect(leakedSecrets(run, [loginInputs()['cluster-password']])).toEqual([])
  })

  it('names the missing role when the user may not deploy', async () => {
    emu.scenario.cluster.users.push({
      email: 'viewer@example.com',
      password: 'viewer-pass-77',
      role: 'viewer'
    })
    const run = await deploy({
      wait: 'false',
      'cluster-email': 'viewer@example.com',
      'cluster-password': 'viewer-pass-77'
    })
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(/403.*editor role/)
  })

  it('fails on wrong credentials naming the inputs to check', async () => {
    const run = await deploy({ 'cluster-password': 'wrong-password-1' })
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(/check cluster-email and cluster-password/)
    expect(deployPosts()).toHaveLength(0)
  })
})

describe('deploy-git: git sync', () => {
  const sync = (extra: Record<string, string | undefined> = {}) =>
    runAction({
      inputs: clusterInputs(emu, 'deploy-git', { ...loginInputs(), ...extra }),
      env: context
    })

  it('runs sync_data once, waits, and sets no commit the answer does not name', async () => {
    const count = emu.gitSyncs.length
    const run = await sync()
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'deployed', changed: 'true', error: '' })
    expect(run.outputs.commit).toBeUndefined()
    const puts = emu.requestsTo('cluster', 'PUT', '/api/syncs/git')
    expect(puts).toHaveLength(1)
    expect(JSON.parse(puts[0].body)).toEqual({ sync: { action_type: 'sync_data' } })
    expect(emu.gitSyncs.length - count).toBe(1)
    expect(run.summary).toContain('Mage git sync')
  })

  it('gives a notice when deployment-only inputs were given', async () => {
    const run = await sync({ 'git-sha': SHA, 'deploy-branch': 'deploy-main', wait: 'false' })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /::notice::Git sync deploys the tip .*git-sha, deploy-branch do not apply/
    )
  })

  it('fails with the git error Mage reports', async () => {
    emu.scenario.cluster.sync.gitError = 'fatal: could not read from remote repository'
    const run = await sync({ wait: 'false' })
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(/could not read from remote repository/)
  })

  it('reports a dropped connection after the sync ran as outcome unknown, sent once', async () => {
    emu.inject({
      server: 'cluster',
      method: 'PUT',
      path: '/api/syncs/git',
      drop: 'after',
      times: 5
    })
    const run = await sync({ wait: 'false' })
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(/git sync: failed, outcome unknown/)
    expect(emu.requestsTo('cluster', 'PUT', '/api/syncs/git')).toHaveLength(1)
  })

  it('dry run reads the configured branch and changes nothing', async () => {
    const count = emu.gitSyncs.length
    const run = await sync({ 'dry-run': 'true' })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('dry-run')
    expect(emu.gitSyncs.length).toBe(count)
    expect(run.summary).toMatch(/\| Branch \| main \|/)
  })
})
