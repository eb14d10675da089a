import { describe, expect, it } from '@jest/globals'
import { ClusterClient } from '../../src/cluster/cluster-client.js'
import { MageApiError, NetworkError, OutcomeUnknownError } from '../../src/errors.js'
import {
  CLUSTER_URL,
  type Handler,
  authError,
  fakeCluster,
  json,
  jwtFor,
  loginAnswer,
  text
} from '../helpers/fake-cluster.js'

const CREDENTIALS = { email: 'ci@example.com', password: 'pw-123456', apiKey: 'key-abcdef' }

function setup(handler: Handler, withCredentials = true) {
  const fake = fakeCluster(handler)
  const client = new ClusterClient(
    fake.context.http('cluster'),
    CLUSTER_URL,
    withCredentials ? CREDENTIALS : undefined
  )
  return { ...fake, client }
}

const RUN = { pipeline_run: { id: 7, status: 'running', pipeline_uuid: 'p' } }

describe('ClusterClient login', () => {
  it('masks the JWT, its parts and the raw token, and sends the raw token as OAUTH-TOKEN', async () => {
    const { client, io, requests } = setup(request =>
      request.url.pathname === '/api/sessions' ? loginAnswer('raw-token-xyz') : json(RUN)
    )
    await client.getPipelineRun(7)
    const jwt = jwtFor('raw-token-xyz')
    expect(io.masked).toEqual(
      expect.arrayContaining([jwt, ...jwt.split('.').slice(1), 'raw-token-xyz'])
    )
    const [login, get] = requests
    expect(login.headers['X-API-KEY']).toBe('key-abcdef')
    expect(JSON.parse(login.body ?? '')).toEqual({
      session: { email: 'ci@example.com', password: 'pw-123456' }
    })
    expect(get.headers['OAUTH-TOKEN']).toBe('raw-token-xyz')
    expect(get.headers['X-API-KEY']).toBe('key-abcdef')
    expect(get.headers.Authorization).toBeUndefined()
    expect(get.url.href).not.toContain('raw-token-xyz')
  })

  it('fails on a login answer without a token', async () => {
    const { client } = setup(() => json({ session: {} }))
    await expect(client.login()).rejects.toThrow(/no session.token/)
  })

  it('fails on wrong credentials (a 404 envelope under HTTP 200) without retrying', async () => {
    const { client, calls } = setup(() =>
      json({
        error: {
          code: 404,
          message: 'Email/username and/or password invalid.',
          type: 'record_not_found'
        }
      })
    )
    await expect(client.login()).rejects.toBeInstanceOf(MageApiError)
    expect(calls()).toEqual(['POST /api/sessions'])
  })
})

describe('ClusterClient session renewal', () => {
  it('logs in again once after an expired token and repeats the request', async () => {
    let gets = 0
    const { client, calls } = setup(request => {
      if (request.url.pathname === '/api/sessions') return loginAnswer(`raw-${calls().length}`)
      gets++
      return gets === 1 ? authError() : json(RUN)
    })
    const run = await client.getPipelineRun(7)
    expect(run.status).toBe('running')
    expect(calls()).toEqual([
      'POST /api/sessions',
      'GET /api/pipeline_runs/7',
      'POST /api/sessions',
      'GET /api/pipeline_runs/7'
    ])
  })

  it.each([
    [
      'invalid_oauth_token under HTTP 200',
      json({ error: { code: 401, message: 'x', type: 'invalid_oauth_token' }, status: 200 })
    ],
    ['HTTP 403', text('Forbidden', 403)],
    [
      'invalid_api_key with code 403 (Mage before 0.9.72)',
      json({ error: { code: 403, message: 'Invalid API key.', type: 'invalid_api_key' } }, 403)
    ]
  ])('treats %s as an auth failure', async (_, refusal) => {
    let gets = 0
    const { client, calls } = setup(request => {
      if (request.url.pathname === '/api/sessions') return loginAnswer('raw')
      gets++
      return gets === 1 ? refusal : json(RUN)
    })
    await client.getPipelineRun(7)
    expect(calls().filter(call => call === 'POST /api/sessions')).toHaveLength(2)
  })

  it('fails when the fresh session is refused too', async () => {
    const { client, calls } = setup(request =>
      request.url.pathname === '/api/sessions'
        ? loginAnswer('raw')
        : authError('invalid_oauth_token')
    )
    const error = await client.getPipelineRun(7).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MageApiError)
    expect((error as MageApiError).isAuthFailure).toBe(true)
    expect(calls()).toHaveLength(4)
  })

  it('does not log in (nor send a session) without credentials', async () => {
    const { client, requests } = setup(() => json(RUN), false)
    await client.getPipelineRun(7)
    expect(requests).toHaveLength(1)
    expect(requests[0].headers['OAUTH-TOKEN']).toBeUndefined()
  })

  it('does not renew on a permission error (403 in the body): that is a missing role', async () => {
    const { client, calls } = setup(request =>
      request.url.pathname === '/api/sessions'
        ? loginAnswer('raw')
        : json({
            error: { code: 403, message: 'Private access', type: 'unauthorized_access' },
            status: 200
          })
    )
    await expect(client.syncGit()).rejects.toBeInstanceOf(MageApiError)
    expect(calls()).toEqual(['POST /api/sessions', 'PUT /api/syncs/git'])
  })
})

describe('ClusterClient deploys: exactly once', () => {
  const deploy = (client: ClusterClient) =>
    client.createDeployment('git-deploy', { source: {}, stage: {} })

  it('repeats the deployment POST once after an auth-layer 401, with a fresh login', async () => {
    let posts = 0
    const { client, calls } = setup(request => {
      if (request.url.pathname === '/api/sessions') return loginAnswer('raw')
      posts++
      return posts === 1 ? authError() : json({ deployment: { id: 3, status: 'deployed' } })
    })
    const response = await deploy(client)
    expect(response.body).toEqual({ deployment: { id: 3, status: 'deployed' } })
    expect(calls()).toEqual([
      'POST /api/sessions',
      'POST /api/deployment_settings/git-deploy/deployments',
      'POST /api/sessions',
      'POST /api/deployment_settings/git-deploy/deployments'
    ])
  })

  it.each([
    ['a 502', (): Error | ReturnType<typeof text> => text('<html>Bad gateway</html>', 502)],
    ['a 500 envelope under HTTP 500', () => json({ error: { code: 500, exception: 'x' } }, 500)],
    ['a connection dropped after sending', () => new NetworkError('POST', '/x', true, 'ECONNRESET')]
  ])('reports %s as outcome unknown and never sends it again', async (_, failure) => {
    const { client, calls } = setup(request =>
      request.url.pathname === '/api/sessions' ? loginAnswer('raw') : failure()
    )
    const error = await deploy(client).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OutcomeUnknownError)
    expect((error as Error).message).toMatch(/outcome unknown/)
    expect(calls().filter(call => call.startsWith('POST /api/deployment_settings'))).toHaveLength(1)
  })

  it('repeats a request that provably never left (connection refused)', async () => {
    let posts = 0
    const { client } = setup(request => {
      if (request.url.pathname === '/api/sessions') return loginAnswer('raw')
      posts++
      return posts === 1
        ? new NetworkError('POST', '/x', false, 'ECONNREFUSED')
        : json({ deployment: { id: 1 } })
    })
    await deploy(client)
    expect(posts).toBe(2)
  })

  it('sends the git sync PUT once on a 504', async () => {
    const { client, calls } = setup(request =>
      request.url.pathname === '/api/sessions' ? loginAnswer('raw') : text('', 504)
    )
    await expect(client.syncGit()).rejects.toBeInstanceOf(OutcomeUnknownError)
    expect(calls().filter(call => call === 'PUT /api/syncs/git')).toHaveLength(1)
  })
})

describe('ClusterClient reads', () => {
  it('reads the auth mode from /api/status without credentials', async () => {
    const { client, requests } = setup(
      () => json({ statuses: [{ require_user_authentication: true }], metadata: {} }),
      false
    )
    expect(await client.getStatus()).toEqual({ requireUserAuthentication: true })
    expect(requests[0].headers['X-API-KEY']).toBeUndefined()
  })

  it('lists runs with status, _limit and _offset', async () => {
    const { client, calls } = setup(request =>
      request.url.pathname === '/api/sessions'
        ? loginAnswer('raw')
        : json({ pipeline_runs: [RUN.pipeline_run], metadata: { count: 1, next: false } })
    )
    const page = await client.listRuns('running', 100, 200)
    expect(page.next).toBe(false)
    expect(page.runs.map(run => run.id)).toEqual([7])
    expect(calls()[1]).toBe('GET /api/pipeline_runs?status=running&_limit=100&_offset=200')
  })

  it('collects block log contents', async () => {
    const { client, calls } = setup(request =>
      request.url.pathname === '/api/sessions'
        ? loginAnswer('raw')
        : json({
            logs: [
              { block_run_logs: [{ name: 'b.log', content: 'one\ntwo' }], pipeline_run_logs: [] }
            ]
          })
    )
    expect(await client.getBlockLogs('p', 7, 'b')).toEqual(['one\ntwo'])
    expect(calls()[1]).toBe(
      'GET /api/pipelines/p/logs?pipeline_run_id%5B%5D=7&block_uuid%5B%5D=b&_limit=20'
    )
  })
})
