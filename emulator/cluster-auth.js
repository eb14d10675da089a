// Cluster authentication as Mage OSS does it (mage-api.md §2, observations §2, §3, §7):
// an API key plus a session. The session answer carries a JWT (HS256, payload {expires,
// token}); the raw token inside it goes in OAUTH-TOKEN or Authorization: Bearer, the JWT
// itself only in Cookie: oauth_token.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { apiError, EXC, exceptionEnvelope } from './envelopes.js'
import { bearerToken, cookie, formatDate, parseJson } from './http-util.js'
import { pyJsonResponse } from './pyjson.js'
import { isPlainObject } from './scenario.js'

const JWT_HEADER = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')
const ROLE_RANK = { viewer: 1, editor: 2, admin: 3, owner: 4 }

export function signJwt(payloadJson, secret) {
  const payload = Buffer.from(payloadJson).toString('base64url')
  const signature = createHmac('sha256', secret)
    .update(`${JWT_HEADER}.${payload}`)
    .digest('base64url')
  return `${JWT_HEADER}.${payload}.${signature}`
}

// Returns { payload } or { error } with PyJWT's message for what went wrong.
export function verifyJwt(token, secret) {
  const parts = token.split('.')
  if (parts.length < 3) return { error: 'Not enough segments' }
  if (parts.length > 3) return { error: 'Invalid payload padding' }
  const [header, payload, signature] = parts
  const headerJson = parseJson(Buffer.from(header, 'base64url').toString('utf8'))
  if (!headerJson.ok || !isPlainObject(headerJson.value)) {
    return { error: 'Invalid header string: Expecting value: line 1 column 1 (char 0)' }
  }
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest()
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { error: 'Signature verification failed' }
  }
  const payloadJson = parseJson(Buffer.from(payload, 'base64url').toString('utf8'))
  if (!payloadJson.ok || !isPlainObject(payloadJson.value)) {
    return { error: 'Invalid payload string: Expecting value: line 1 column 1 (char 0)' }
  }
  return { payload: payloadJson.value }
}

// Python prints a float with at least one decimal: 1798477464.082, 1798477464.0.
const pyFloat = seconds => (Number.isInteger(seconds) ? `${seconds}.0` : String(seconds))

export function createClusterAuth(state) {
  const cfg = state.scenario.cluster
  const sessions = new Map() // raw token → { jwt, expired, expiresMs, user, userId }

  function presentUser(user, id) {
    const role = user.role ?? 'owner'
    const display = role.charAt(0).toUpperCase() + role.slice(1)
    const stamp = formatDate.plain(state.startedAt)
    return {
      avatar: null,
      first_name: null,
      id,
      last_name: null,
      owner: role === 'owner',
      project_access: 1,
      roles: null,
      roles_display: display,
      roles_new: [
        {
          id: ROLE_RANK[role] ?? 1,
          created_at: stamp,
          updated_at: stamp,
          name: display,
          user_id: null
        }
      ],
      username: user.username ?? user.email
    }
  }

  function issueJwt(raw, expiresMs) {
    return signJwt(`{"expires":${pyFloat(expiresMs / 1000)},"token":"${raw}"}`, cfg.jwtSecret)
  }

  // API key: header; for POST the JSON body's api_key (the query only when the body is not
  // JSON); for other methods the query.
  function apiKeyOf(ctx) {
    if (ctx.headers['x-api-key']) return ctx.headers['x-api-key']
    if (ctx.method === 'POST') {
      const parsed = parseJson(ctx.body)
      if (parsed.ok) return isPlainObject(parsed.value) ? parsed.value.api_key : undefined
    }
    return ctx.query.get('api_key') ?? undefined
  }

  function login(ctx) {
    if (cfg.requireAuth && apiKeyOf(ctx) !== cfg.apiKey) {
      return apiError(ctx, 'invalidApiKey', { auth: true })
    }
    const parsed = parseJson(ctx.body)
    const session = parsed.ok && isPlainObject(parsed.value) ? parsed.value.session : undefined
    const login = isPlainObject(session) ? (session.email ?? session.username) : undefined
    const password = isPlainObject(session) ? session.password : undefined
    if (!login || !password) {
      return apiError(ctx, 'notFound', { message: 'Email/username and password are required.' })
    }
    const index = cfg.users.findIndex(
      user => (user.email === login || user.username === login) && user.password === password
    )
    if (index === -1) {
      return apiError(ctx, 'notFound', { message: 'Email/username and/or password invalid.' })
    }
    const raw = randomBytes(32).toString('base64url') // 43 chars, as secrets.token_urlsafe()
    const expiresMs = Date.now() + cfg.tokenExpirySeconds * 1000
    const jwt = issueJwt(raw, expiresMs)
    const user = cfg.users[index]
    sessions.set(raw, { jwt, expired: false, expiresMs, user, userId: index + 1 })
    state.sessionsIssued.cluster.push({ jwt, token: raw })
    return pyJsonResponse(200, {
      session: {
        expires: formatDate.micro(expiresMs),
        token: jwt,
        user: presentUser(user, index + 1)
      },
      metadata: null
    })
  }

  // Finds the raw token the middleware would use, first match wins (mage-api.md §2.2).
  function tokenOf(ctx) {
    if (ctx.headers['oauth-token']) return { raw: ctx.headers['oauth-token'] }
    const bearer = bearerToken(ctx.headers)
    if (bearer) return { raw: bearer }
    const jwt = cookie(ctx.headers, 'oauth_token')
    if (jwt === undefined) return {}
    const decoded = verifyJwt(jwt, cfg.jwtSecret)
    if (decoded.error) return { error: decoded.error }
    return { raw: String(decoded.payload.token ?? '') }
  }

  // Returns { user } (null when auth is off) or { response } to send instead.
  // action ('list', 'detail', 'create', 'update', 'delete') words the no-token 403.
  function authenticate(ctx, action) {
    if (!cfg.requireAuth) return { user: null }
    if (apiKeyOf(ctx) !== cfg.apiKey) {
      return { response: apiError(ctx, 'invalidApiKey', { auth: true }) }
    }
    const token = tokenOf(ctx)
    if (token.error) {
      const type =
        token.error === 'Signature verification failed'
          ? 'jwt.exceptions.InvalidSignatureError'
          : 'jwt.exceptions.DecodeError'
      return { response: exceptionEnvelope(EXC.jwt(type, token.error), urlParameters(ctx)) }
    }
    if (token.raw === undefined) {
      const message = `Private access for ${action} only, invalid scope.`
      return { response: apiError(ctx, 'unauthorized', { message, auth: true }) }
    }
    const session = sessions.get(token.raw)
    if (!session) return { response: apiError(ctx, 'invalidToken', { auth: true }) }
    if (session.expired || session.expiresMs <= Date.now()) {
      return { response: apiError(ctx, 'expiredToken', { auth: true }) }
    }
    return { user: session.user, session, raw: token.raw }
  }

  // Editor-level routes (deployments, git sync) refuse a viewer.
  function hasRole(user, role) {
    return user === null || (ROLE_RANK[user.role ?? 'owner'] ?? 0) >= ROLE_RANK[role]
  }

  // PUT /api/sessions/{any}: log out; the token is expired from then on.
  function logout(ctx, auth) {
    if (!auth.session) return apiError(ctx, 'notFound')
    auth.session.expired = true
    const now = Date.now()
    return pyJsonResponse(200, {
      session: {
        expires: formatDate.micro(now),
        token: issueJwt(auth.raw, now),
        user: presentUser(auth.user, auth.session.userId)
      },
      metadata: null
    })
  }

  function expireAll() {
    for (const session of sessions.values()) session.expired = true
  }

  return { login, logout, authenticate, hasRole, expireAll }
}

function urlParameters(ctx) {
  const [, , resource, pk] = ctx.path.split('/')
  return pk === undefined ? { resource } : { resource, pk }
}
