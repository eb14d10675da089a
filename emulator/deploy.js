// Deploying code to the cluster: Mage Pro's Deployments API and Mage OSS git sync
// (mage-api.md §8). A successful deploy or sync restarts the server: /api/status answers 503
// for timing.deployRestartMs afterwards.
import { apiError } from './envelopes.js'
import { formatDate, parseJson } from './http-util.js'
import { pyJsonResponse } from './pyjson.js'
import { isPlainObject } from './scenario.js'

const ENVIRONMENTS = ['development', 'staging', 'production']
const REQUIRED = [
  ['source', 'head', 'name'],
  ['source', 'name'],
  ['source', 'version'],
  ['stage', 'branch', 'name'],
  ['stage', 'environment']
]
const SYNC_ACTIONS = new Set(['sync_data', 'reset'])

const dig = (value, path) =>
  path.reduce((inner, key) => (isPlainObject(inner) ? inner[key] : undefined), value)

// An unconfigured git sync, as GET /api/syncs shows it on a fresh server (observations §6).
const UNCONFIGURED_SYNC = {
  access_token: null,
  access_token_secret_name: null,
  auth_type: null,
  branch: null,
  email: null,
  remote_repo_link: null,
  repo_path: null,
  ssh_private_key: null,
  ssh_private_key_secret_name: null,
  ssh_public_key: null,
  ssh_public_key_secret_name: null,
  sync_on_executor_start: null,
  sync_on_pipeline_run: null,
  sync_on_start: null,
  sync_submodules: null,
  type: null,
  user_git_settings: {
    username: '',
    email: '',
    ssh_private_key_secret_name: null,
    ssh_public_key_secret_name: null,
    access_token_secret_name: null
  },
  username: null
}

export function createDeploy(state, lifecycle, auth) {
  const cfg = state.scenario.cluster
  let nextDeploymentId = 1

  // POST /api/deployment_settings/{name}/deployments. The real response shape is unknown
  // (mage-api.md §8.3 [UNK]): the body below is INVENTED, following the framework's
  // {"<singular>": {...}, "metadata": null} convention.
  function createDeployment(ctx) {
    if (!auth.hasRole(ctx.user, 'editor')) return apiError(ctx, 'unauthorized')
    const setting = ctx.params.name
    if (!cfg.deploymentSettings.includes(setting)) return apiError(ctx, 'notFound')
    const parsed = parseJson(ctx.body)
    const deployment =
      parsed.ok && isPlainObject(parsed.value) ? parsed.value.deployment : undefined
    const missing = REQUIRED.filter(path => {
      const value = dig(deployment, path)
      return typeof value !== 'string' || value.trim() === ''
    }).map(path => path.join('.'))
    if (missing.length > 0) {
      return apiError(ctx, 'invalid', {
        message: `Missing required fields: ${missing.join(', ')}.`
      })
    }
    if (!ENVIRONMENTS.includes(deployment.stage.environment)) {
      const message = `Invalid stage.environment ${deployment.stage.environment}: use ${ENVIRONMENTS.join(', ')}.`
      return apiError(ctx, 'invalid', { message })
    }
    const now = Date.now()
    const gitError = cfg.deploy?.gitError
    const record = {
      id: nextDeploymentId++,
      deployment_setting: setting,
      status: gitError ? 'failed' : (cfg.deploy?.status ?? 'deployed'),
      source: deployment.source,
      stage: deployment.stage,
      created_at: formatDate.plain(now),
      updated_at: formatDate.plain(now)
    }
    if (gitError) record.error = String(gitError)
    state.deployments.push(structuredClone(record))
    if (!gitError) lifecycle.markRestart()
    // A git failure is reported inside a success envelope, as git_branches does (§8.2).
    return pyJsonResponse(200, { deployment: record, metadata: null })
  }

  // GET /api/syncs
  function listSyncs() {
    return pyJsonResponse(200, { syncs: [cfg.sync?.config ?? UNCONFIGURED_SYNC], metadata: {} })
  }

  // PUT /api/syncs/{any} {"sync": {"action_type": "sync_data" | "reset"}}
  function runSync(ctx) {
    if (!auth.hasRole(ctx.user, 'editor')) return apiError(ctx, 'unauthorized')
    const config = cfg.sync?.config
    if (!config) {
      return apiError(ctx, 'resourceError', { message: "'NoneType' object has no attribute 'git'" })
    }
    const parsed = parseJson(ctx.body)
    const sync = parsed.ok && isPlainObject(parsed.value) ? parsed.value.sync : undefined
    const action = isPlainObject(sync) ? sync.action_type : undefined
    // Other action types do nothing on a real server: the config comes back unchanged.
    if (!SYNC_ACTIONS.has(action)) return pyJsonResponse(200, { sync: config, metadata: null })
    const gitError = cfg.sync?.gitError
    state.gitSyncs.push({
      action_type: action,
      at: Date.now(),
      ...(gitError ? { error: String(gitError) } : {})
    })
    if (gitError) return apiError(ctx, 'resourceError', { message: String(gitError) })
    lifecycle.markRestart()
    return pyJsonResponse(200, { sync: config, metadata: null })
  }

  return { createDeployment, listSyncs, runSync }
}
