import { describe, it, expect, beforeAll, afterAll, beforeEach } from '@jest/globals'
import { createHmac } from 'node:crypto'
import {
  startEmulator,
  DEFAULT_SCENARIO,
  CLOUD_API_KEY,
  CLUSTER_API_KEY,
  HTML_503,
  type Emulator
} from '../../emulator/index.js'
import { parse, request, sleep, waitFor, type Reply } from './http-client.js'

// Short enough for a quick suite, long enough that the "still 503" checks are not racy.
const FAST = { transitionMs: 60, servingDelayMs: 150, runStepMs: 25, deployRestartMs: 300 }
const ETL_TOKEN = DEFAULT_SCENARIO.cluster.schedules[0].token ?? ''
const FAILING_TOKEN = DEFAULT_SCENARIO.cluster.schedules[1].token ?? ''
const ADMIN = DEFAULT_SCENARIO.cluster.users[0]

interface ErrorBody {
  error: { code: number; message: string; type: string }
  status: number
}
interface ExceptionBody {
  error: { code: number; errors: string[]; exception: string; message: string }
  url_parameters: Record<string, string>
}
interface ClusterBody {
  cluster: {
    id: string
    status: string
    config: Record<string, unknown> & { extraEnvs: { name: string; value: string }[] }
  }
}
interface RunBody {
  pipeline_run: {
    id: number
    status: string
    completed_at: string | null
    variables: Record<string, unknown>
    event_variables: Record<string, unknown> | null
    block_runs?: { block_uuid: string; status: string; pipeline_schedule_name: string | null }[]
  }
  metadata?: null
}

// ---------------------------------------------------------------- cloud helpers
async function cloudLogin(emu: Emulator): Promise<string> {
  const reply = await request(`${emu.cloudUrl}/sessions`, {
    method: 'POST',
    headers: { 'x-api-key': CLOUD_API_KEY },
    body: { session: { email: 'ci@example.com', password: 'cloud-pass-9f3Kq2' } }
  })
  return parse<{ session: { token: string } }>(reply).session.token
}

function cloudCluster(
  emu: Emulator,
  token: string,
  method = 'GET',
  body?: unknown
): Promise<Reply> {
  return request(`${emu.cloudUrl}/teams/team-1/clusters/cluster-1`, {
    method,
    headers: { 'x-api-key': CLOUD_API_KEY, cookie: `oauth_token=${token}` },
    body
  })
}

// ---------------------------------------------------------------- cluster helpers
async function clusterLogin(emu: Emulator): Promise<{ jwt: string; raw: string }> {
  const reply = await request(`${emu.clusterUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'x-api-key': CLUSTER_API_KEY },
    body: { session: { email: ADMIN.email, password: ADMIN.password } }
  })
  const jwt = parse<{ session: { token: string } }>(reply).session.token
  const payload = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as {
    token: string
  }
  return { jwt, raw: payload.token }
}

function runBlock(
  emu: Emulator,
  run: Record<string, unknown>,
  headers: Record<string, string> = {},
  path = '/api/runs'
): Promise<Reply> {
  return request(`${emu.clusterUrl}${path}`, { method: 'POST', headers, body: { run } })
}

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` })

function trigger(
  emu: Emulator,
  scheduleId: number,
  token: string,
  body: unknown = { pipeline_run: { variables: {} } }
): Promise<Reply> {
  return request(`${emu.clusterUrl}/api/pipeline_schedules/${scheduleId}/api_trigger`, {
    method: 'POST',
    headers: bearer(token),
    body
  })
}

describe('Mage emulator', () => {
  let emu: Emulator
  let auth: Record<string, string>

  beforeAll(async () => {
    emu = await startEmulator({ timing: FAST })
    const session = await clusterLogin(emu)
    auth = { 'x-api-key': CLUSTER_API_KEY, authorization: `Bearer ${session.raw}` }
  })
  afterAll(async () => {
    await emu.stop()
  })
  beforeEach(() => {
    emu.clearFaults()
  })

  describe('Cloud API', () => {
    it('logs in with the key and credentials, and refuses bad ones in Mage envelopes', async () => {
      const token = await cloudLogin(emu)
      expect(token.length).toBeGreaterThanOrEqual(40)
      expect(emu.sessionsIssued.cloud).toContain(token)

      const badKey = await request(`${emu.cloudUrl}/sessions`, {
        method: 'POST',
        headers: { 'x-api-key': 'nope' },
        body: { session: { email: 'ci@example.com', password: 'cloud-pass-9f3Kq2' } }
      })
      expect(badKey.status).toBe(401)
      expect(parse<ErrorBody>(badKey)).toEqual({
        error: { code: 401, message: 'Invalid API key.', type: 'invalid_api_key' },
        status: 200
      })

      const badCreds = await request(`${emu.cloudUrl}/sessions`, {
        method: 'POST',
        headers: { 'x-api-key': CLOUD_API_KEY },
        body: { session: { email: 'ci@example.com', password: 'wrong' } }
      })
      expect(badCreds.status).toBe(200)
      expect(parse<ErrorBody>(badCreds).error).toEqual({
        code: 404,
        message: 'Email/username and/or password invalid.',
        type: 'record_not_found'
      })
    })

    it('reads the cluster, refuses missing tokens and unknown ids', async () => {
      const token = await cloudLogin(emu)
      const reply = await cloudCluster(emu, token)
      expect(reply.status).toBe(200)
      const { cluster } = parse<ClusterBody>(reply)
      expect(cluster.id).toBe('cluster-1')
      expect(Object.keys(cluster.config)).toEqual(
        expect.arrayContaining([
          'replicaCount',
          'extraEnvs',
          'image',
          'resources',
          'customUnknownKey'
        ])
      )

      const noToken = await request(`${emu.cloudUrl}/teams/team-1/clusters/cluster-1`, {
        headers: { 'x-api-key': CLOUD_API_KEY }
      })
      expect(noToken.status).toBe(401)
      expect(parse<ErrorBody>(noToken).error.type).toBe('invalid_oauth_token')

      const unknown = await request(`${emu.cloudUrl}/teams/team-1/clusters/cluster-9`, {
        headers: { 'x-api-key': CLOUD_API_KEY, cookie: `oauth_token=${token}` }
      })
      expect(unknown.status).toBe(200)
      expect(parse<ErrorBody>(unknown).error.type).toBe('record_not_found')
    })

    it('replaces the whole config on PUT and rejects a body without cluster.config', async () => {
      const token = await cloudLogin(emu)
      const { cluster } = parse<ClusterBody>(await cloudCluster(emu, token))
      const { customUnknownKey, ...withoutUnknown } = cluster.config
      expect(customUnknownKey).toEqual({ nested: [1, 2, 3] })

      await cloudCluster(emu, token, 'PUT', { cluster: { config: withoutUnknown } })
      expect(emu.cluster.config.customUnknownKey).toBeUndefined()
      await cloudCluster(emu, token, 'PUT', { cluster: { config: cluster.config } })
      expect(emu.cluster.config.customUnknownKey).toEqual({ nested: [1, 2, 3] })

      const invalid = await cloudCluster(emu, token, 'PUT', { config: {} })
      expect(invalid.status).toBe(200)
      expect(parse<ErrorBody>(invalid).error).toMatchObject({ code: 400, type: 'record_invalid' })
    })

    it('starts through Starting, serves after a delay, restarts on env change, stops', async () => {
      const changesBefore = emu.statusChanges.length
      const token = await cloudLogin(emu)
      const { cluster } = parse<ClusterBody>(await cloudCluster(emu, token))
      const started = await cloudCluster(emu, token, 'PUT', {
        cluster: { config: { ...cluster.config, replicaCount: 1 }, status: 'Active' }
      })
      expect(parse<ClusterBody>(started).cluster.status).toBe('Starting')

      const down = await request(`${emu.clusterUrl}/api/status`)
      expect(down.status).toBe(503)
      expect(down.headers['content-type']).toBe('text/html')
      expect(down.body).toBe(HTML_503)

      await waitFor(() => emu.cluster.status === 'Active')
      expect((await request(`${emu.clusterUrl}/api/status`)).status).toBe(503) // servingDelayMs
      await waitFor(async () => (await request(`${emu.clusterUrl}/api/status`)).status === 200)
      const status = parse<{
        statuses: { require_user_authentication: boolean }[]
        metadata: object
      }>(await request(`${emu.clusterUrl}/api/statuses`))
      expect(status.statuses[0].require_user_authentication).toBe(true)
      expect(status.metadata).toEqual({})

      const envs = [...cluster.config.extraEnvs, { name: 'NEW_VAR', value: 'new-value-12345' }]
      const updated = await cloudCluster(emu, token, 'PUT', {
        cluster: { config: { ...emu.cluster.config, extraEnvs: envs } }
      })
      expect(parse<ClusterBody>(updated).cluster.status).toBe('Updating')
      await waitFor(() => emu.cluster.status === 'Active')

      const stopping = await cloudCluster(emu, token, 'PUT', {
        cluster: { config: { ...emu.cluster.config, replicaCount: 0 }, status: 'Stopped' }
      })
      expect(parse<ClusterBody>(stopping).cluster.status).toBe('Stopping')
      await waitFor(() => emu.cluster.status === 'Stopped')
      // Each transition with its instant, in order (the benchmark times steps against them).
      const changes = emu.statusChanges.slice(changesBefore)
      expect(changes.map(change => change.status)).toEqual([
        'Starting',
        'Active',
        'Updating',
        'Active',
        'Stopping',
        'Stopped'
      ])
      for (let i = 1; i < changes.length; i++) {
        expect(changes[i].at).toBeGreaterThanOrEqual(changes[i - 1].at)
      }
      expect(changes[1].at - changes[0].at).toBeGreaterThanOrEqual(FAST.transitionMs - 5)

      // On a stopped cluster an env change is only stored.
      await cloudCluster(emu, token, 'PUT', {
        cluster: { config: { ...emu.cluster.config, extraEnvs: [] } }
      })
      expect(emu.cluster.status).toBe('Stopped')
      expect(emu.cluster.config.extraEnvs).toEqual([])
      emu.setClusterStatus('Stopped', { extraEnvs: cluster.config.extraEnvs })
    })

    it('a stale concurrent writer loses the change before the read-back', async () => {
      const token = await cloudLogin(emu)
      emu.staleWriter({ times: 1, name: 'OTHER_WRITER', value: 'x' })
      const before = parse<ClusterBody>(await cloudCluster(emu, token)).cluster.config
      const mine = {
        ...before,
        extraEnvs: [...before.extraEnvs, { name: 'MINE', value: 'mine-value-123' }]
      }
      const put = await cloudCluster(emu, token, 'PUT', { cluster: { config: mine } })
      expect(parse<ClusterBody>(put).cluster.config.extraEnvs.map(e => e.name)).toContain('MINE')

      const readBack = parse<ClusterBody>(await cloudCluster(emu, token)).cluster.config.extraEnvs
      expect(readBack.map(e => e.name)).toEqual(['EXISTING_VAR', 'SHORT', 'OTHER_WRITER'])

      const merged = {
        ...before,
        extraEnvs: [...readBack, { name: 'MINE', value: 'mine-value-123' }]
      }
      await cloudCluster(emu, token, 'PUT', { cluster: { config: merged } })
      const final = parse<ClusterBody>(await cloudCluster(emu, token)).cluster.config.extraEnvs
      expect(final.map(e => e.name)).toEqual(['EXISTING_VAR', 'SHORT', 'OTHER_WRITER', 'MINE'])
      emu.setClusterStatus('Stopped', { extraEnvs: before.extraEnvs })
    })

    it('expired sessions answer 401 expired_oauth_token until a new login', async () => {
      const token = await cloudLogin(emu)
      emu.expireSessions('cloud')
      const expired = await cloudCluster(emu, token)
      expect(expired.status).toBe(401)
      expect(parse<ErrorBody>(expired)).toEqual({
        error: { code: 401, message: 'Expired OAuth token.', type: 'expired_oauth_token' },
        status: 200
      })
      expect((await cloudCluster(emu, await cloudLogin(emu))).status).toBe(200)
    })

    it('neverActive keeps a started cluster in Starting', async () => {
      const token = await cloudLogin(emu)
      emu.neverActive()
      await cloudCluster(emu, token, 'PUT', {
        cluster: { config: { ...emu.cluster.config, replicaCount: 1 } }
      })
      await sleep(FAST.transitionMs * 3)
      expect(emu.cluster.status).toBe('Starting')
      emu.neverActive(false)
      await waitFor(() => emu.cluster.status === 'Active')
      emu.setClusterStatus('Stopped', { replicaCount: 0 })
    })

    it('with etags on, a PUT with a stale If-Match gets 412', async () => {
      const tagged = await startEmulator({ scenario: { cloud: { etags: true } }, timing: FAST })
      try {
        const token = await cloudLogin(tagged)
        const get = await cloudCluster(tagged, token)
        const etag = String(get.headers.etag)
        expect(etag).toMatch(/^".+"$/)
        const config = parse<ClusterBody>(get).cluster.config
        const ok = await request(`${tagged.cloudUrl}/teams/team-1/clusters/cluster-1`, {
          method: 'PUT',
          headers: { 'x-api-key': CLOUD_API_KEY, cookie: `oauth_token=${token}`, 'if-match': etag },
          body: { cluster: { config: { ...config, extraEnvs: [] } } }
        })
        expect(ok.status).toBe(200)
        const stale = await request(`${tagged.cloudUrl}/teams/team-1/clusters/cluster-1`, {
          method: 'PUT',
          headers: { 'x-api-key': CLOUD_API_KEY, cookie: `oauth_token=${token}`, 'if-match': etag },
          body: { cluster: { config } }
        })
        expect(stale.status).toBe(412)
      } finally {
        await tagged.stop()
      }
    })
  })

  describe('cluster authentication', () => {
    it('issues an HS256 JWT whose payload holds expires (float) and the 43-char raw token', async () => {
      const { jwt, raw } = await clusterLogin(emu)
      const [header, payload, signature] = jwt.split('.')
      expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
        alg: 'HS256',
        typ: 'JWT'
      })
      expect(
        createHmac('sha256', 'materia').update(`${header}.${payload}`).digest('base64url')
      ).toBe(signature)
      const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
        expires: number
      }
      expect(decoded.expires).toBeGreaterThan(Date.now() / 1000)
      expect(raw).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(emu.sessionsIssued.cluster).toContainEqual({ jwt, token: raw })

      const byUsername = await request(`${emu.clusterUrl}/api/sessions`, {
        method: 'POST',
        body: { session: { username: 'admin', password: ADMIN.password }, api_key: CLUSTER_API_KEY }
      })
      expect(
        parse<{ session: { user: { username: string } }; metadata: null }>(byUsername)
      ).toMatchObject({
        session: { user: { username: 'admin' } },
        metadata: null
      })
    })

    it('accepts the raw token as Bearer or OAUTH-TOKEN and the JWT as cookie, not the JWT as Bearer', async () => {
      const { jwt, raw } = await clusterLogin(emu)
      const list = (headers: Record<string, string>): Promise<Reply> =>
        request(`${emu.clusterUrl}/api/pipeline_runs`, {
          headers: { 'x-api-key': CLUSTER_API_KEY, ...headers }
        })
      const forms: Record<string, string>[] = [
        { authorization: `Bearer ${raw}` },
        { 'oauth-token': raw },
        { cookie: `oauth_token=${jwt}` }
      ]
      for (const headers of forms) {
        const reply = await list(headers)
        expect(reply.status).toBe(200)
        expect(parse<{ pipeline_runs: unknown[] }>(reply).pipeline_runs).toBeDefined()
      }
      const jwtBearer = await list({ authorization: `Bearer ${jwt}` })
      expect(jwtBearer.status).toBe(401)
      expect(parse<ErrorBody>(jwtBearer)).toEqual({
        error: { code: 401, message: 'Invalid OAuth token.', type: 'invalid_oauth_token' },
        status: 200
      })
      const keyOnly = await list({})
      expect(keyOnly.status).toBe(200)
      expect(parse<ErrorBody>(keyOnly).error).toEqual({
        code: 403,
        message: 'Private access for list only, invalid scope.',
        type: 'unauthorized_access'
      })
      const noKey = await request(`${emu.clusterUrl}/api/pipeline_runs`, { headers: bearer(raw) })
      expect(noKey.status).toBe(401)
      expect(parse<ErrorBody>(noKey).error.type).toBe('invalid_api_key')
      const garbage = await list({ cookie: 'oauth_token=garbage' })
      expect(garbage.status).toBe(200)
      expect(parse<ExceptionBody>(garbage).error.exception).toBe('Not enough segments')
    })

    it('refuses wrong credentials and expired sessions', async () => {
      const wrong = await request(`${emu.clusterUrl}/api/sessions`, {
        method: 'POST',
        headers: { 'x-api-key': CLUSTER_API_KEY },
        body: { session: { email: ADMIN.email, password: 'nope' } }
      })
      expect(wrong.status).toBe(200)
      expect(parse<ErrorBody>(wrong).error.type).toBe('record_not_found')

      const { jwt, raw } = await clusterLogin(emu)
      emu.expireSessions('cluster')
      for (const headers of [bearer(raw), { cookie: `oauth_token=${jwt}` }]) {
        const reply = await request(`${emu.clusterUrl}/api/pipeline_runs`, {
          headers: { 'x-api-key': CLUSTER_API_KEY, ...headers }
        })
        expect(reply.status).toBe(401)
        expect(parse<ErrorBody>(reply).error.type).toBe('expired_oauth_token')
      }
      const fresh = await clusterLogin(emu)
      auth = { 'x-api-key': CLUSTER_API_KEY, authorization: `Bearer ${fresh.raw}` }
    })

    it('needs neither key nor token with requireAuth off', async () => {
      emu.scenario.cluster.requireAuth = false
      try {
        expect((await request(`${emu.clusterUrl}/api/pipeline_runs`)).status).toBe(200)
        emu.setClusterStatus('Active')
        const status = parse<{ statuses: { require_user_authentication: boolean }[] }>(
          await request(`${emu.clusterUrl}/api/status`)
        )
        expect(status.statuses[0].require_user_authentication).toBe(false)
      } finally {
        emu.scenario.cluster.requireAuth = true
        emu.setClusterStatus('Stopped')
      }
    })
  })

  describe('POST /api/runs', () => {
    it('runs a block and answers its output as Python writes it', async () => {
      const before = emu.blockExecutions('etl_demo', 'load_data')
      const reply = await runBlock(
        emu,
        { pipeline_uuid: 'etl_demo', block_uuid: 'load_data', variables: { x: 1 } },
        bearer(ETL_TOKEN)
      )
      expect(reply.status).toBe(200)
      expect(reply.body).toBe('{"run": {"output": [{"rows": [1, 2, 3], "x": 1}]}}')
      expect(emu.blockExecutions('etl_demo', 'load_data')).toBe(before + 1)

      const records = await runBlock(
        emu,
        { pipeline_uuid: 'etl_demo', block_uuid: 'transform' },
        {},
        `/api/runs/${FAILING_TOKEN}`
      )
      expect(parse<unknown>(records)).toEqual({
        run: {
          output: [
            [
              { a: 1, b: 'x' },
              { a: 2, b: 'y' }
            ]
          ]
        }
      })

      const nan = await runBlock(
        emu,
        { pipeline_uuid: 'etl_demo', block_uuid: 'nan_block' },
        bearer(ETL_TOKEN)
      )
      expect(nan.body).toBe('{"run": {"output": [{"ratio": NaN, "max": Infinity}]}}')

      const big = await runBlock(
        emu,
        { pipeline_uuid: 'etl_demo', block_uuid: 'big_output', record: false },
        bearer(ETL_TOKEN)
      )
      expect(big.body.length).toBeGreaterThan(2_900_000)
      expect(parse<{ run: { output: unknown[][] } }>(big).run.output[0].length).toBeGreaterThan(
        1000
      )
    })

    it('records a run unless record is false', async () => {
      const count = emu.pipelineRuns.length
      await runBlock(
        emu,
        { pipeline_uuid: 'etl_demo', block_uuid: 'load_data', record: false },
        bearer(ETL_TOKEN)
      )
      expect(emu.pipelineRuns.length).toBe(count)
      await runBlock(
        emu,
        { pipeline_uuid: 'etl_demo', block_uuid: 'raise_err', variables: { y: 2 } },
        bearer(ETL_TOKEN)
      )
      const run = emu.pipelineRuns[emu.pipelineRuns.length - 1]
      expect(run).toMatchObject({
        status: 'failed',
        pipeline_uuid: 'etl_demo',
        pipeline_schedule_id: 1,
        variables: { y: 2 }
      })
      expect(run.block_runs[0]).toMatchObject({
        block_uuid: 'raise_err',
        status: 'failed',
        completed_at: null
      })
    })

    it("answers every failure with HTTP 200 and a 500 envelope in 'envelope' mode", async () => {
      const executions = emu.blockExecutions()
      const cases: [Promise<Reply>, string, Record<string, string>][] = [
        [
          runBlock(emu, { pipeline_uuid: 'etl_demo', block_uuid: 'load_data' }, bearer('wrong')),
          'No row was found when one was required',
          {}
        ],
        [
          runBlock(
            emu,
            { pipeline_uuid: 'etl_demo', block_uuid: 'load_data' },
            {},
            '/api/runs/wrongtoken'
          ),
          'No row was found when one was required',
          { token: 'wrongtoken' }
        ],
        [
          runBlock(emu, { pipeline_uuid: 'etl_demo', block_uuid: 'load_data' }),
          'Invalid token.',
          {}
        ],
        [
          runBlock(emu, { pipeline_uuid: 'nope', block_uuid: 'load_data' }, bearer(ETL_TOKEN)),
          'Pipeline nope does not exist in repo_path /home/src/proj.',
          {}
        ],
        [
          runBlock(emu, { pipeline_uuid: 'etl_demo', block_uuid: 'nope' }, bearer(ETL_TOKEN)),
          "{'code': 404, 'message': 'Record not found.', 'type': 'record_not_found'}",
          {}
        ]
      ]
      for (const [pending, exception, urlParameters] of cases) {
        const reply = await pending
        expect(reply.status).toBe(200)
        const body = parse<ExceptionBody>(reply)
        expect(body.error.code).toBe(500)
        expect(body.error.exception).toBe(exception)
        expect(body.error.message).toMatch(/^Traceback \(most recent call last\):\n/)
        expect(body.error.errors.length).toBeGreaterThan(5)
        expect(body.url_parameters).toEqual(urlParameters)
      }
      expect(emu.blockExecutions()).toBe(executions) // no block code ran

      const raised = await runBlock(
        emu,
        { pipeline_uuid: 'etl_demo', block_uuid: 'raise_err' },
        bearer(ETL_TOKEN)
      )
      const body = parse<ExceptionBody>(raised)
      expect(body.error.exception).toBe('boom from raising block')
      expect(body.error.message.endsWith('ValueError: boom from raising block')).toBe(true)
      expect(emu.blockExecutions()).toBe(executions + 1)

      const get = await request(`${emu.clusterUrl}/api/runs`)
      expect([get.status, get.body]).toEqual([405, ''])
    })

    it("answers every failure with an empty 200 in 'empty' mode", async () => {
      emu.scenario.cluster.runsFailureMode = 'empty'
      try {
        for (const reply of [
          await runBlock(
            emu,
            { pipeline_uuid: 'etl_demo', block_uuid: 'raise_err' },
            bearer(ETL_TOKEN)
          ),
          await runBlock(
            emu,
            { pipeline_uuid: 'etl_demo', block_uuid: 'load_data' },
            bearer('wrong')
          ),
          await runBlock(emu, { pipeline_uuid: 'nope', block_uuid: 'x' }, bearer(ETL_TOKEN))
        ]) {
          expect([reply.status, reply.body]).toEqual([200, ''])
        }
      } finally {
        emu.scenario.cluster.runsFailureMode = 'envelope'
      }
    })

    it("answers Mage Pro's documented 401 and 404 in 'pro' mode", async () => {
      emu.scenario.cluster.runsFailureMode = 'pro'
      try {
        const unauthenticated = {
          error: { code: 401, message: 'Unauthenticated', type: 'unauthenticated' }
        }
        const notFound = {
          error: { code: 404, message: 'Resource Not Found', type: 'record_not_found' }
        }
        const wrong = await runBlock(
          emu,
          { pipeline_uuid: 'etl_demo', block_uuid: 'load_data' },
          bearer('wrong')
        )
        expect([wrong.status, parse<unknown>(wrong)]).toEqual([401, unauthenticated])
        const none = await runBlock(emu, { pipeline_uuid: 'etl_demo', block_uuid: 'load_data' })
        expect([none.status, parse<unknown>(none)]).toEqual([401, unauthenticated])
        const pipeline = await runBlock(
          emu,
          { pipeline_uuid: 'nope', block_uuid: 'x' },
          bearer(ETL_TOKEN)
        )
        expect([pipeline.status, parse<unknown>(pipeline)]).toEqual([404, notFound])
        const block = await runBlock(
          emu,
          { pipeline_uuid: 'etl_demo', block_uuid: 'nope' },
          bearer(ETL_TOKEN)
        )
        expect([block.status, parse<unknown>(block)]).toEqual([404, notFound])
        const raised = await runBlock(
          emu,
          { pipeline_uuid: 'etl_demo', block_uuid: 'raise_err' },
          bearer(ETL_TOKEN)
        )
        expect(raised.status).toBe(200)
        expect(parse<ExceptionBody>(raised).error.exception).toBe('boom from raising block')
      } finally {
        emu.scenario.cluster.runsFailureMode = 'envelope'
      }
    })
  })

  describe('API triggers and pipeline runs', () => {
    const getRun = async (id: number): Promise<RunBody> =>
      parse<RunBody>(await request(`${emu.clusterUrl}/api/pipeline_runs/${id}`, { headers: auth }))

    it('triggers a run that progresses to completed', async () => {
      const executions = emu.blockExecutions('etl_demo')
      const reply = await trigger(emu, 1, ETL_TOKEN, {
        pipeline_run: { variables: { x: 5 } },
        extra_top: 'v'
      })
      const body = parse<RunBody>(reply)
      expect(Object.keys(body)).toEqual(['pipeline_run'])
      expect(body.pipeline_run).toMatchObject({
        status: 'initial',
        completed_at: null,
        event_variables: { extra_top: 'v' }
      })
      expect(body.pipeline_run.variables).toMatchObject({
        x: 5,
        execution_partition: expect.stringMatching(/^1\/\d{8}T\d{6}_\d{6}$/)
      })

      const id = body.pipeline_run.id
      await waitFor(async () => (await getRun(id)).pipeline_run.status === 'completed')
      const done = await getRun(id)
      expect(done.metadata).toBeNull()
      expect(done.pipeline_run.block_runs?.map(b => [b.block_uuid, b.status])).toEqual([
        ['load_data', 'completed'],
        ['transform', 'completed']
      ])
      expect(done.pipeline_run.block_runs?.[0].pipeline_schedule_name).toBe('etl_demo API trigger')
      expect(emu.blockExecutions('etl_demo')).toBe(executions + 2)

      const blockRuns = parse<{
        block_runs: { started_at: string; pipeline_schedule_id: null }[]
        metadata: { count: number }
      }>(await request(`${emu.clusterUrl}/api/pipeline_runs/${id}/block_runs`, { headers: auth }))
      expect(blockRuns.metadata.count).toBe(2)
      expect(blockRuns.block_runs[0].started_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/)
      expect(blockRuns.block_runs[0].pipeline_schedule_id).toBeNull()
    })

    it('fails a run one tick after its block failed, and shows the traceback in the logs', async () => {
      const viaPath = await request(
        `${emu.clusterUrl}/api/pipeline_schedules/2/pipeline_runs/${FAILING_TOKEN}`,
        {
          method: 'POST',
          body: ''
        }
      )
      const { id, event_variables } = parse<RunBody>(viaPath).pipeline_run
      expect(event_variables).toBeNull()
      await waitFor(async () => (await getRun(id)).pipeline_run.status === 'failed')
      const failed = (await getRun(id)).pipeline_run
      expect(failed.completed_at).toBeNull()
      expect(failed.block_runs?.map(b => [b.block_uuid, b.status])).toEqual([
        ['extract', 'completed'],
        ['load', 'failed']
      ])

      const logs = parse<{
        logs: {
          block_run_logs: { name: string; content: string }[]
          total_block_run_log_count: number
        }[]
      }>(
        await request(
          `${emu.clusterUrl}/api/pipelines/failing_pipeline/logs?pipeline_run_id[]=${id}&block_uuid[]=load&_limit=20`,
          { headers: auth }
        )
      )
      expect(logs.logs[0].total_block_run_log_count).toBe(1)
      const content = logs.logs[0].block_run_logs[0].content.trim()
      expect(content.split('\n').length).toBeGreaterThan(3)
      expect(content.endsWith('RuntimeError: load failed: target table is locked')).toBe(true)
    })

    it('keeps a stuck run running until cancelled; cancelling a completed run is a no-op', async () => {
      const stuckToken = DEFAULT_SCENARIO.cluster.schedules[2].token ?? ''
      const { id } = parse<RunBody>(await trigger(emu, 3, stuckToken)).pipeline_run
      await sleep(FAST.runStepMs * 6)
      expect((await getRun(id)).pipeline_run.status).toBe('running')

      const cancel = await request(`${emu.clusterUrl}/api/pipeline_runs/${id}`, {
        method: 'PUT',
        headers: auth,
        body: { pipeline_run: { status: 'cancelled' } }
      })
      const cancelled = parse<RunBody>(cancel)
      expect(cancelled.pipeline_run.status).toBe('cancelled')
      expect(cancelled.pipeline_run.block_runs).toBeUndefined()
      expect(emu.pipelineRuns.find(run => run.id === id)?.block_runs[0].status).toBe('cancelled')

      const completed = emu.addPipelineRun({ pipeline_uuid: 'etl_demo', status: 'completed' })
      const noop = await request(`${emu.clusterUrl}/api/pipeline_runs/${completed.id}`, {
        method: 'PUT',
        headers: auth,
        body: { pipeline_run: { status: 'cancelled' } }
      })
      expect(parse<RunBody>(noop).pipeline_run.status).toBe('completed')

      const unknown = await request(`${emu.clusterUrl}/api/pipeline_runs/99999`, { headers: auth })
      expect(parse<ErrorBody>(unknown).error).toEqual({
        code: 404,
        message: 'Record not found.',
        type: 'record_not_found'
      })
    })

    it('answers trigger errors with the 500 envelope, echoing the path', async () => {
      const cases: [Promise<Reply>, string, Record<string, string>][] = [
        [
          trigger(emu, 1, 'wrong'),
          'Invalid token for pipeline schedule ID 1.',
          { pipeline_schedule_id: '1' }
        ],
        [
          trigger(emu, 2, ETL_TOKEN),
          'Invalid token for pipeline schedule ID 2.',
          { pipeline_schedule_id: '2' }
        ],
        [
          request(`${emu.clusterUrl}/api/pipeline_schedules/1/pipeline_runs/wrongtoken`, {
            method: 'POST',
            body: {}
          }),
          'Invalid token for pipeline schedule ID 1.',
          { pipeline_schedule_id: '1', token: 'wrongtoken' }
        ],
        [
          trigger(emu, 999, ETL_TOKEN),
          "{'code': 404, 'message': 'Record not found.', 'type': 'record_not_found'}",
          { pipeline_schedule_id: '999' }
        ],
        [
          trigger(emu, 1, ETL_TOKEN, { pipeline_run: { bogus_key: 1 } }),
          "'bogus_key' is an invalid keyword argument for PipelineRun",
          { pipeline_schedule_id: '1' }
        ]
      ]
      const runs = emu.pipelineRuns.length
      for (const [pending, exception, urlParameters] of cases) {
        const reply = await pending
        expect(reply.status).toBe(200)
        expect(parse<ExceptionBody>(reply).error.exception).toBe(exception)
        expect(parse<ExceptionBody>(reply).url_parameters).toEqual(urlParameters)
      }
      expect(emu.pipelineRuns.length).toBe(runs)
      const get = await request(`${emu.clusterUrl}/api/pipeline_schedules/1/api_trigger`)
      expect([get.status, get.body]).toEqual([405, ''])
    })

    it('re-activates an inactive trigger when called', async () => {
      const schedule = emu.scenario.cluster.schedules[0]
      schedule.status = 'inactive'
      expect((await trigger(emu, 1, ETL_TOKEN)).status).toBe(200)
      expect(schedule.status).toBe('active')
    })

    it('lists runs by status and pipeline, id desc, with count and next', async () => {
      const started = new Date(Date.now() - 3600_000)
      const busy = emu.addPipelineRun({
        pipeline_uuid: 'stuck_pipeline',
        status: 'running',
        started_at: started
      })
      const waiting = emu.addPipelineRun({ pipeline_uuid: 'etl_demo', status: 'initial' })
      type List = {
        pipeline_runs: { id: number; status: string; pipeline_schedule_name: string | null }[]
        metadata: { count: number; next: boolean }
      }
      const list = async (query: string): Promise<List> =>
        parse<List>(
          await request(`${emu.clusterUrl}/api/pipeline_runs?${query}`, { headers: auth })
        )

      const active = await list('status[]=initial&status[]=running')
      expect(active.pipeline_runs.map(run => run.id)).toEqual(
        expect.arrayContaining([busy.id, waiting.id])
      )
      expect(active.pipeline_runs.every(run => ['initial', 'running'].includes(run.status))).toBe(
        true
      )
      const ids = active.pipeline_runs.map(run => run.id)
      expect(ids).toEqual([...ids].sort((a, b) => b - a))
      expect(active.metadata.count).toBe(active.pipeline_runs.length)

      expect((await list('status=initial,running')).metadata.count).toBe(active.metadata.count)
      const running = await list('status=running&pipeline_uuid=stuck_pipeline')
      expect(running.pipeline_runs.map(run => run.id)).toContain(busy.id)
      expect(running.pipeline_runs.every(run => run.status === 'running')).toBe(true)
      const page = await list('_limit=1&_offset=0')
      expect(page.pipeline_runs).toHaveLength(1)
      expect(page.metadata.next).toBe(true)
      expect(emu.pipelineRuns.find(run => run.id === busy.id)?.started_at).toMatch(
        /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/
      )
      // Static preloaded runs: the timer never moves them.
      await sleep(FAST.runStepMs * 3)
      expect(emu.pipelineRuns.find(run => run.id === waiting.id)?.status).toBe('initial')
      emu.pipelineRuns.splice(
        0,
        emu.pipelineRuns.length,
        ...emu.pipelineRuns.filter(run => run !== busy && run !== waiting)
      )
    })
  })

  describe('deployments and git sync', () => {
    const deployment = {
      deployment: {
        source: { head: { name: 'main' }, name: 'Add feature X', version: 'abc123def456' },
        stage: { branch: { name: 'deploy-main' }, environment: 'production' }
      }
    }
    const deploy = (name: string, body: unknown, headers = auth): Promise<Reply> =>
      request(`${emu.clusterUrl}/api/deployment_settings/${name}/deployments`, {
        method: 'POST',
        headers,
        body
      })

    it('creates a deployment and restarts the server for a while', async () => {
      emu.setClusterStatus('Active')
      expect((await request(`${emu.clusterUrl}/api/status`)).status).toBe(200)
      const reply = await deploy('git-deploy', deployment)
      expect(reply.status).toBe(200)
      const body = parse<{
        deployment: { id: number; status: string; source: unknown }
        metadata: null
      }>(reply)
      expect(body.deployment).toMatchObject({
        status: 'deployed',
        source: deployment.deployment.source
      })
      expect(body.metadata).toBeNull()
      expect(emu.deployments).toHaveLength(1)
      expect((await request(`${emu.clusterUrl}/api/status`)).status).toBe(503)
      await waitFor(async () => (await request(`${emu.clusterUrl}/api/status`)).status === 200)
      emu.setClusterStatus('Stopped')
    })

    it('refuses unknown settings, missing fields and a missing token; reports git errors in a success body', async () => {
      expect(parse<ErrorBody>(await deploy('nope', deployment)).error.type).toBe('record_not_found')
      const invalid = parse<ErrorBody>(await deploy('git-deploy', { deployment: { source: {} } }))
      expect(invalid.error).toMatchObject({ code: 400, type: 'record_invalid' })
      const keyOnly = parse<ErrorBody>(
        await deploy('git-deploy', deployment, { 'x-api-key': CLUSTER_API_KEY })
      )
      expect(keyOnly.error.code).toBe(403)

      emu.scenario.cluster.deploy.gitError = 'fatal: could not read from remote repository'
      try {
        const failed = parse<{ deployment: { status: string; error: string } }>(
          await deploy('git-deploy', deployment)
        )
        expect(failed.deployment).toMatchObject({
          status: 'failed',
          error: 'fatal: could not read from remote repository'
        })
      } finally {
        delete emu.scenario.cluster.deploy.gitError
      }
    })

    it('runs a git sync, or answers its git error as a 400 envelope', async () => {
      const sync = (): Promise<Reply> =>
        request(`${emu.clusterUrl}/api/syncs/git`, {
          method: 'PUT',
          headers: auth,
          body: { sync: { action_type: 'sync_data' } }
        })
      const ok = parse<{ sync: { branch: string; remote_repo_link: string } }>(await sync())
      expect(ok.sync.branch).toBe('main')
      expect(emu.gitSyncs).toHaveLength(1)

      emu.scenario.cluster.sync.gitError = 'error: pathspec did not match'
      try {
        const failed = await sync()
        expect(failed.status).toBe(200)
        expect(parse<ErrorBody>(failed)).toEqual({
          error: {
            code: 400,
            message: 'error: pathspec did not match',
            type: 'api_resource_error'
          },
          status: 200
        })
      } finally {
        delete emu.scenario.cluster.sync.gitError
      }
      const syncs = parse<{ syncs: unknown[]; metadata: object }>(
        await request(`${emu.clusterUrl}/api/syncs`, { headers: auth })
      )
      expect(syncs.metadata).toEqual({})
      expect(syncs.syncs).toHaveLength(1)
    })

    it('answers an unknown route like the real server, and 405 for a wrong method', async () => {
      const unknown = await request(`${emu.clusterUrl}/api/nonexistent_resource`, { headers: auth })
      expect(unknown.status).toBe(200)
      expect(parse<ExceptionBody>(unknown).error.exception).toBe(
        "No module named 'mage_ai.api.policies.NonexistentResourcePolicy'"
      )
      const patch = await request(`${emu.clusterUrl}/api/pipeline_runs/1`, {
        method: 'PATCH',
        headers: auth
      })
      expect([patch.status, patch.body]).toEqual([405, ''])
    })
  })

  describe('faults', () => {
    const status = (): Promise<Reply> => request(`${emu.clusterUrl}/api/status`)

    beforeAll(() => emu.setClusterStatus('Active'))
    afterAll(() => emu.setClusterStatus('Stopped'))

    it('status: answers the status N times with Retry-After, then the real answer', async () => {
      emu.inject({ server: 'cluster', path: '/api/status', status: 503, retryAfter: '2', times: 2 })
      const first = await status()
      expect([first.status, first.headers['retry-after']]).toEqual([503, '2'])
      expect((await status()).status).toBe(503)
      expect((await status()).status).toBe(200)
      const records = emu.requestsTo('cluster', 'GET', '/api/status').slice(-3)
      expect(records.map(record => record.fault !== undefined)).toEqual([true, true, false])
      expect(records.map(record => record.status)).toEqual([503, 503, 200])
    })

    it("status when: 'after' runs the handler first (the block ran, the client saw a 502)", async () => {
      const before = emu.blockExecutions('etl_demo', 'load_data')
      emu.inject({
        path: '/api/runs',
        method: 'POST',
        status: 502,
        body: { message: 'bad gateway' },
        when: 'after'
      })
      const reply = await runBlock(
        emu,
        { pipeline_uuid: 'etl_demo', block_uuid: 'load_data', record: false },
        bearer(ETL_TOKEN)
      )
      expect([reply.status, reply.body]).toEqual([502, '{"message":"bad gateway"}'])
      expect(emu.blockExecutions('etl_demo', 'load_data')).toBe(before + 1)
    })

    it('latencyMs delays the real answer', async () => {
      emu.inject({ path: /^\/api\/status$/, latencyMs: 150 })
      const started = Date.now()
      expect((await status()).status).toBe(200)
      expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    })

    it("drop: 'before' closes without answering; 'after' does so once the trigger ran", async () => {
      emu.inject({ server: 'cluster', path: '/api/status', drop: 'before' })
      await expect(status()).rejects.toThrow()
      expect(emu.requestsTo('cluster', 'GET', '/api/status').at(-1)?.status).toBeNull()

      const runs = emu.pipelineRuns.length
      emu.inject({ path: '/api/pipeline_schedules/1/api_trigger', drop: 'after' })
      await expect(trigger(emu, 1, ETL_TOKEN)).rejects.toThrow()
      expect(emu.pipelineRuns.length).toBe(runs + 1)
    })

    it('trickle sends the real answer a few bytes at a time', async () => {
      emu.inject({ path: '/api/status', trickle: { intervalMs: 15, bytes: 64 } })
      const reply = await status()
      expect(reply.status).toBe(200)
      expect(reply.chunks).toBeGreaterThan(3)
      expect(parse<{ statuses: unknown[] }>(reply).statuses).toHaveLength(1)
    })

    it('truncate promises the full length and sends half', async () => {
      emu.inject({ path: '/api/status', truncate: true })
      await expect(status()).rejects.toThrow()
    })

    it('html answers a proxy 502 page; envelope and empty200 skip the handler', async () => {
      emu.inject({ path: '/api/status', html: true })
      const page = await status()
      expect([page.status, page.headers['content-type']]).toEqual([502, 'text/html'])
      expect(page.body).toContain('502 Bad Gateway')

      emu.inject({
        server: 'cloud',
        path: '/api/v1/teams',
        envelope: {
          code: 401,
          type: 'expired_oauth_token',
          message: 'Expired OAuth token.',
          httpStatus: 401
        }
      })
      const envelope = await cloudCluster(emu, await cloudLogin(emu))
      expect(envelope.status).toBe(401)
      expect(parse<ErrorBody>(envelope)).toEqual({
        error: { code: 401, message: 'Expired OAuth token.', type: 'expired_oauth_token' },
        status: 200
      })

      const before = emu.blockExecutions()
      emu.inject({ path: '/api/runs', empty200: true })
      const empty = await runBlock(
        emu,
        { pipeline_uuid: 'etl_demo', block_uuid: 'load_data' },
        bearer(ETL_TOKEN)
      )
      expect([empty.status, empty.body]).toEqual([200, ''])
      expect(emu.blockExecutions()).toBe(before)
    })

    it('redirect answers a 3xx to another host', async () => {
      emu.inject({
        server: 'cloud',
        method: 'POST',
        path: '/api/v1/sessions',
        redirect: 'http://127.0.0.2:1/steal',
        redirectStatus: 307
      })
      const reply = await request(`${emu.cloudUrl}/sessions`, { method: 'POST', body: {} })
      expect([reply.status, reply.headers.location]).toEqual([307, 'http://127.0.0.2:1/steal'])
    })

    it('matches by server and method, fires Infinity times, and rejects a fault without one kind', async () => {
      emu.inject({ server: 'cloud', path: '/api/status', status: 500 })
      emu.inject({ server: 'cluster', method: 'POST', path: '/api/status', status: 500 })
      expect((await status()).status).toBe(200)
      emu.clearFaults()
      emu.inject({ path: '/api/status', status: 429, times: Infinity })
      for (let i = 0; i < 4; i += 1) expect((await status()).status).toBe(429)
      expect(emu.faults[0].remaining).toBe(Infinity)
      emu.clearFaults()
      expect((await status()).status).toBe(200)
      expect(() => emu.inject({ path: '/x' } as never)).toThrow(TypeError)
    })

    it('the control API injects faults and shows state, unrecorded', async () => {
      const count = emu.requests.length
      const injected = await request(`${emu.clusterUrl}/__emulator/faults`, {
        method: 'POST',
        body: { server: 'cluster', path: '/api/status', status: 504 }
      })
      expect(parse<{ ok: boolean }>(injected).ok).toBe(true)
      expect((await status()).status).toBe(504)
      const state = parse<{ cluster: { status: string }; serving: boolean }>(
        await request(`${emu.clusterUrl}/__emulator/state`)
      )
      expect(state).toMatchObject({ cluster: { status: 'Active' }, serving: true })
      expect(emu.requests.length).toBe(count + 1)
      const bad = await request(`${emu.clusterUrl}/__emulator/faults`, {
        method: 'POST',
        body: { path: '/x' }
      })
      expect(bad.status).toBe(400)
    })
  })

  it('scenario options: base path, strict serving, a cluster already on its way', async () => {
    const other = await startEmulator({
      scenario: {
        cloud: { cluster: { status: 'Starting' } },
        cluster: { basePath: '/mage', strictServing: true }
      },
      timing: FAST
    })
    try {
      expect(other.clusterUrl).toMatch(/\/mage$/)
      const runs = (): Promise<Reply> =>
        request(`${other.clusterUrl}/api/pipeline_runs`, {
          headers: { 'x-api-key': CLUSTER_API_KEY }
        })
      expect((await runs()).status).toBe(503)
      await waitFor(() => other.isServing())
      expect(other.cluster.status).toBe('Active')
      expect((await runs()).status).toBe(200)
      const outside = await request(other.clusterUrl.replace(/\/mage$/, '/api/status'))
      expect(outside.status).toBe(404)
    } finally {
      await other.stop()
    }
  })

  it('stop() closes both servers, open connections and timers', async () => {
    const other = await startEmulator({ timing: FAST })
    other.setClusterStatus('Active')
    await trigger(other, 3, DEFAULT_SCENARIO.cluster.schedules[2].token ?? '')
    other.inject({ path: '/api/status', trickle: { intervalMs: 1000, bytes: 1 } })
    const hanging = request(`${other.clusterUrl}/api/status`).catch((err: unknown) => err)
    await sleep(50)
    const started = Date.now()
    await other.stop()
    expect(Date.now() - started).toBeLessThan(500)
    expect(await hanging).toBeInstanceOf(Error)
    await expect(request(`${other.clusterUrl}/api/status`)).rejects.toThrow(/ECONNREFUSED/)
    await expect(request(`${other.cloudUrl}/sessions`, { method: 'POST' })).rejects.toThrow(
      /ECONNREFUSED/
    )
    await other.stop() // idempotent
  })
})
