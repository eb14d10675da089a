// The cluster server's router (base `/api`, after an optional scenario basePath): the routes
// the action uses, Tornado's answers for the rest (405 empty for a wrong method, 204 for
// OPTIONS, HTTP 200 + 500 envelope for an unknown resource), and the readiness probe.
// Only /api/status follows the cluster's life; the other routes answer even while the Cloud
// cluster is Stopped, unless the scenario sets cluster.strictServing.
import { createHash } from 'node:crypto'
import { EXC, exceptionEnvelope } from './envelopes.js'
import { decodeSegment, empty, html, respond, HTML_404, HTML_503 } from './http-util.js'
import { pyJsonResponse } from './pyjson.js'

const API_HEADERS = {
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'DELETE, GET, PATCH, POST, PUT, OPTIONS',
  'access-control-allow-origin': '*',
  server: 'TornadoServer/6.4.2'
}

const classify = word =>
  word
    .replace(/ies$/, 'y')
    .replace(/s$/, '')
    .split('_')
    .map(part => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')

export function createClusterApi(
  state,
  { lifecycle, auth, runBlock, trigger, pipelineRuns, logs, deploy }
) {
  const cfg = state.scenario.cluster

  // Routes behind the auth middleware; `action` words the 403 a key without a token gets.
  const authed = (action, handler) => ctx => {
    const result = auth.authenticate(ctx, action)
    if (result.response) return result.response
    return handler({ ...ctx, user: result.user }, result)
  }

  function status() {
    if (!lifecycle.isServing()) return html(503, HTML_503)
    const repoPath = cfg.repoPath
    const name = repoPath.split('/').pop()
    return pyJsonResponse(200, {
      statuses: [
        {
          is_instance_manager: false,
          max_print_output_lines: 1000,
          repo_path: repoPath,
          repo_path_relative: name,
          repo_path_relative_root: name,
          repo_path_root: repoPath,
          server_process_id: process.pid,
          scheduler_process_id: process.pid + 11,
          scheduler_status: 'running',
          instance_type: null,
          disable_pipeline_edit_access: false,
          require_user_authentication: Boolean(cfg.requireAuth),
          require_user_permissions: false,
          project_type: 'standalone',
          project_uuid: cfg.projectUuid
        }
      ],
      metadata: {}
    })
  }

  const routes = [
    [/^\/api\/status(?:es)?\/?$/, { GET: status }],
    [/^\/api\/sessions\/?$/, { POST: ctx => auth.login(ctx) }],
    [
      /^\/api\/sessions\/(?<pk>[^/]+)\/?$/,
      { PUT: authed('update', (ctx, result) => auth.logout(ctx, result)) }
    ],
    [/^\/api\/runs(?:\/(?<token>[^/]+))?\/?$/, { POST: runBlock }],
    [/^\/api\/pipeline_schedules\/(?<id>[^/]+)\/api_trigger\/?$/, { POST: trigger }],
    [
      /^\/api\/pipeline_schedules\/(?<id>[^/]+)\/pipeline_runs\/(?<token>[^/]+)\/?$/,
      { POST: trigger }
    ],
    [
      /^\/api\/pipeline_schedules\/(?<id>[^/]+)\/pipeline_runs\/?$/,
      { GET: authed('list', pipelineRuns.listRuns) }
    ],
    [/^\/api\/pipeline_runs\/?$/, { GET: authed('list', pipelineRuns.listRuns) }],
    [
      /^\/api\/pipeline_runs\/(?<id>[^/]+)\/?$/,
      { GET: authed('detail', pipelineRuns.getRun), PUT: authed('update', pipelineRuns.updateRun) }
    ],
    [
      /^\/api\/pipeline_runs\/(?<id>[^/]+)\/block_runs\/?$/,
      { GET: authed('list', pipelineRuns.listBlockRuns) }
    ],
    [/^\/api\/pipelines\/(?<uuid>[^/]+)\/logs\/?$/, { GET: authed('list', logs) }],
    [
      /^\/api\/deployment_settings\/(?<name>[^/]+)\/deployments\/?$/,
      { POST: authed('create', deploy.createDeployment) }
    ],
    [/^\/api\/syncs\/?$/, { GET: authed('list', deploy.listSyncs) }],
    [/^\/api\/syncs\/(?<pk>[^/]+)\/?$/, { PUT: authed('update', deploy.runSync) }]
  ]

  // Mage's BaseApiHandler refuses `../` in the path or a query value with a plain-text 400
  // (still labelled application/json).
  function traversal(path, query) {
    if (decodeSegment(path).includes('../')) {
      return respond(400, 'Error: Invalid path (path traversal detected)')
    }
    for (const [key, value] of query) {
      if (value.includes('../')) {
        return respond(400, `Error: Invalid parameter value for '${key}' (path traversal detected)`)
      }
    }
    return undefined
  }

  function unknownRoute(path) {
    const [resource, pk, child, childPk] = path.split('/').slice(2).map(decodeSegment)
    const urlParameters = Object.fromEntries(
      Object.entries({ resource, pk, child, child_pk: childPk }).filter(([, value]) => value)
    )
    const name = `mage_ai.api.policies.${classify(child ?? resource ?? '')}Policy`
    return exceptionEnvelope(EXC.noModule(name), urlParameters)
  }

  async function dispatch(ctx, path) {
    const guard = traversal(path, ctx.query)
    if (guard) return guard
    const isStatus = /^\/api\/status(?:es)?\/?$/.test(path)
    if (cfg.strictServing && !isStatus && !lifecycle.isServing()) return html(503, HTML_503)
    for (const [pattern, methods] of routes) {
      const match = pattern.exec(path)
      if (!match) continue
      if (ctx.method === 'OPTIONS') return empty(204)
      const handler = methods[ctx.method]
      if (!handler) return empty(405)
      const params = Object.fromEntries(
        Object.entries(match.groups ?? {})
          .filter(([, value]) => value !== undefined)
          .map(([key, value]) => [key, decodeSegment(value)])
      )
      return handler({ ...ctx, path, params })
    }
    return unknownRoute(path)
  }

  return async function handle(ctx) {
    let path = ctx.path
    if (cfg.basePath) {
      if (!path.startsWith(`${cfg.basePath}/`)) return html(404, HTML_404)
      path = path.slice(cfg.basePath.length)
    }
    if (!path.startsWith('/api/')) return html(404, HTML_404)
    const response = await dispatch(ctx, path)
    // The 503 page comes from the ingress in front of the server, not from Tornado.
    if (response.headers['content-type'] === 'text/html') return response
    response.headers = { ...API_HEADERS, ...response.headers }
    if (ctx.method === 'GET' && response.status === 200 && response.body) {
      response.headers.etag = `"${createHash('sha1').update(response.body).digest('hex')}"`
    }
    return response
  }
}
