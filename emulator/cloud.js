// The Mage Cloud API (base /api/v1, mage-api.md §9): sessions and one cluster resource.
// Everything the real portal API does beyond the docs' samples is inferred; the error bodies
// follow the Mage framework (HTTP 401 with "status": 200 for auth, HTTP 200 envelopes else).
import { randomBytes } from 'node:crypto'
import { apiError } from './envelopes.js'
import { cookie, decodeSegment, empty, formatDate, json, parseJson, respond } from './http-util.js'
import { isPlainObject } from './scenario.js'

const BASE = '/api/v1'
const CLUSTER_PATH = /^\/api\/v1\/teams\/([^/]+)\/clusters\/([^/]+)\/?$/

export function createCloudApi(state, lifecycle) {
  const cfg = state.scenario.cloud
  const sessions = new Map() // token → { expired }
  const staleWriters = []

  const etag = () => `"cluster-v${state.cloudVersion}"`
  const withEtag = headers => (cfg.etags ? { ...headers, etag: etag() } : headers)

  function login(ctx) {
    if (ctx.headers['x-api-key'] !== cfg.apiKey) {
      return apiError(ctx, 'invalidApiKey', { auth: true })
    }
    const parsed = parseJson(ctx.body)
    const session = parsed.ok && isPlainObject(parsed.value) ? parsed.value.session : undefined
    const email = isPlainObject(session) ? session.email : undefined
    const password = isPlainObject(session) ? session.password : undefined
    if (!email || !password) {
      return apiError(ctx, 'notFound', { message: 'Email/username and password are required.' })
    }
    if (email !== cfg.email || password !== cfg.password) {
      return apiError(ctx, 'notFound', { message: 'Email/username and/or password invalid.' })
    }
    // Opaque (not a JWT): the Cloud token's form is not documented; clients must not parse it.
    const token = randomBytes(30).toString('base64url')
    sessions.set(token, { expired: false })
    state.sessionsIssued.cloud.push(token)
    return json(200, {
      session: {
        token,
        expires: formatDate.isoOffset(Date.now() + 30 * 86400 * 1000),
        user: { id: 1, email: cfg.email }
      }
    })
  }

  function authenticate(ctx) {
    if (ctx.headers['x-api-key'] !== cfg.apiKey) {
      return apiError(ctx, 'invalidApiKey', { auth: true })
    }
    const token = cookie(ctx.headers, 'oauth_token')
    const session = token === undefined ? undefined : sessions.get(token)
    if (!session) return apiError(ctx, 'invalidToken', { auth: true })
    if (session.expired) return apiError(ctx, 'expiredToken', { auth: true })
    return undefined
  }

  const clusterBody = () => ({ cluster: structuredClone(state.cluster) })

  function putCluster(ctx) {
    if (cfg.etags && ctx.headers['if-match'] !== undefined && ctx.headers['if-match'] !== etag()) {
      return json(412, {
        error: {
          code: 412,
          message: 'Precondition failed: the cluster changed.',
          type: 'precondition_failed'
        },
        status: 200
      })
    }
    const parsed = parseJson(ctx.body)
    const cluster = parsed.ok && isPlainObject(parsed.value) ? parsed.value.cluster : undefined
    if (!isPlainObject(cluster) || !isPlainObject(cluster.config)) {
      return apiError(ctx, 'invalid', { message: 'Record is invalid: cluster.config is required.' })
    }
    if (
      cluster.status !== undefined &&
      cluster.status !== 'Active' &&
      cluster.status !== 'Stopped'
    ) {
      return apiError(ctx, 'invalid', { message: `Invalid status ${String(cluster.status)}.` })
    }
    const envsBefore = structuredClone(state.cluster.config.extraEnvs ?? [])
    lifecycle.applyPut(cluster.config, cluster.status)
    const response = json(200, clusterBody(), withEtag({}))
    const envChanged =
      JSON.stringify(envsBefore) !== JSON.stringify(state.cluster.config.extraEnvs ?? [])
    if (envChanged) runStaleWriter(envsBefore)
    return response
  }

  // A concurrent writer that read the cluster before this PUT writes its own change on top of
  // that old list: the PUT's change is lost before the client can read it back.
  function runStaleWriter(envsBefore) {
    const writer = staleWriters.find(entry => entry.remaining > 0)
    if (!writer) return
    writer.remaining -= 1
    const envs = envsBefore.filter(env => env.name !== writer.name)
    envs.push({ name: writer.name, value: writer.value })
    state.cluster.config = { ...state.cluster.config, extraEnvs: envs }
    lifecycle.touch()
  }

  function staleWriter({ times = 1, name = 'OTHER_WRITER', value = 'x' } = {}) {
    staleWriters.push({ remaining: times, name, value })
  }

  function expireSessions() {
    for (const session of sessions.values()) session.expired = true
  }

  async function handle(ctx) {
    if (ctx.path === `${BASE}/sessions`) {
      return ctx.method === 'POST' ? login(ctx) : empty(405)
    }
    const match = CLUSTER_PATH.exec(ctx.path)
    if (!match) {
      return ctx.path.startsWith(BASE)
        ? apiError(ctx, 'notFound')
        : respond(404, '<html><body><h1>404 Not Found</h1></body></html>', 'text/html')
    }
    if (ctx.method !== 'GET' && ctx.method !== 'PUT') return empty(405)
    const denied = authenticate(ctx)
    if (denied) return denied
    const [team, clusterId] = match.slice(1).map(decodeSegment)
    if (team !== cfg.teamId || clusterId !== cfg.clusterId) return apiError(ctx, 'notFound')
    return ctx.method === 'GET' ? json(200, clusterBody(), withEtag({})) : putCluster(ctx)
  }

  return { handle, staleWriter, expireSessions }
}
