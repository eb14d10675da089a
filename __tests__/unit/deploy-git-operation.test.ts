import { describe, expect, it } from '@jest/globals'
import type { CommonSettings, DeployGitConfig } from '../../src/config/types.js'
import { MageApiError, OperationError } from '../../src/errors.js'
import type { RawRequest } from '../../src/http/transport.js'
import { deployGit } from '../../src/operations/deploy-git.js'
import {
  type Answer,
  CLUSTER_URL,
  fakeCluster,
  json,
  loginAnswer,
  text
} from '../helpers/fake-cluster.js'

const BASE: DeployGitConfig = {
  operation: 'deploy-git',
  clusterUrl: CLUSTER_URL,
  cluster: { email: 'ci@example.com', password: 'pw-123456', apiKey: 'key' },
  deploymentSetting: 'git-deploy',
  source: { sha: 'abc123', branch: 'main', commitMessage: 'Add feature X' },
  deployBranch: 'deploy-main',
  environment: 'production',
  deploymentInputsGiven: []
}
const SYNC: DeployGitConfig = { ...BASE, deploymentSetting: undefined, deployBranch: undefined }

function setup(deployAnswer: () => Answer, common: Partial<CommonSettings> = {}) {
  let statusCalls = 0
  return fakeCluster((request: RawRequest) => {
    const { pathname } = request.url
    if (pathname === '/api/sessions') return loginAnswer('raw')
    if (pathname === '/api/status') {
      statusCalls++
      return statusCalls < 2 ? text('<html>503</html>', 503) : json({ statuses: [{}] })
    }
    if (pathname === '/api/syncs' && request.method === 'GET') {
      return json({ syncs: [{ branch: 'main', remote_repo_link: 'https://x/r.git' }] })
    }
    return deployAnswer()
  }, common)
}

describe('deployGit', () => {
  it('deploys through the Deployments API and waits until the cluster serves', async () => {
    const fake = setup(() =>
      json({ deployment: { id: 4, status: 'deployed', source: { version: 'abc123' } } })
    )
    await deployGit(fake.context, BASE)
    const post = fake.requests[1]
    expect(post.url.pathname).toBe('/api/deployment_settings/git-deploy/deployments')
    expect(JSON.parse(post.body ?? '')).toEqual({
      deployment: {
        source: { head: { name: 'main' }, name: 'Add feature X', version: 'abc123' },
        stage: { branch: { name: 'deploy-main' }, environment: 'production' }
      }
    })
    expect(Object.fromEntries(fake.report.outputs)).toEqual({
      commit: 'abc123',
      'deployment-id': '4'
    })
    expect(fake.report.status).toBe('deployed')
    expect(fake.report.changed).toBe(true)
    expect(fake.calls().filter(call => call === 'GET /api/status').length).toBe(2)
  })

  it('fails on a git error inside a success body', async () => {
    const fake = setup(() =>
      json({ deployment: { id: 5, status: 'failed', error: 'fatal: bad object abc123' } })
    )
    const error = await deployGit(fake.context, BASE).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OperationError)
    expect((error as Error).message).toBe('the deploy failed: fatal: bad object abc123')
    expect(fake.report.status).toBe('failed')
    expect(fake.report.changed).toBe(false)
    expect(fake.report.outputs.get('deployment-id')).toBe('5')
  })

  it('dry run: logs in, shows the payload, sends nothing', async () => {
    const fake = setup(() => text('must not be called', 500), { dryRun: true })
    await deployGit(fake.context, BASE)
    expect(fake.calls()).toEqual(['POST /api/sessions'])
    expect(fake.report.status).toBe('dry-run')
    expect(fake.report.changed).toBe(false)
    expect(fake.report.sections[0]).toContain(
      'POST /api/deployment_settings/git-deploy/deployments'
    )
    expect(fake.report.sections[0]).toContain('"version": "abc123"')
    expect(fake.io.lines.join('\n')).not.toContain('pw-123456')
  })

  it('git sync: PUT /api/syncs/git sync_data, with a notice about inputs that do not apply', async () => {
    const fake = setup(() => json({ sync: { branch: 'main', type: 'git' } }), { wait: false })
    await deployGit(fake.context, { ...SYNC, deploymentInputsGiven: ['git-sha', 'environment'] })
    expect(fake.calls()).toEqual(['POST /api/sessions', 'PUT /api/syncs/git'])
    expect(JSON.parse(fake.requests[1].body ?? '')).toEqual({ sync: { action_type: 'sync_data' } })
    expect(fake.io.lines.find(line => line.startsWith('notice:'))).toMatch(
      /git-sha, environment do not apply/
    )
    expect(fake.report.outputs.has('commit')).toBe(false)
    expect(fake.report.status).toBe('deployed')
  })

  it('git sync dry run reads the configured branch', async () => {
    const fake = setup(() => text('must not be called', 500), { dryRun: true })
    await deployGit(fake.context, SYNC)
    expect(fake.calls()).toEqual(['POST /api/sessions', 'GET /api/syncs'])
    expect(fake.report.rows).toContainEqual(['Branch', 'main'])
  })

  it('lets a git sync error envelope through as a typed error', async () => {
    const fake = setup(() =>
      json({
        error: { code: 400, message: 'git fetch failed', type: 'api_resource_error' },
        status: 200
      })
    )
    await expect(deployGit(fake.context, SYNC)).rejects.toBeInstanceOf(MageApiError)
  })
})
