// The Mage Pro cluster API with a user session: log in, then read runs and logs, cancel runs,
// deploy. The session JWT, its parts and the raw token inside are masked on arrival; calls send
// the raw token as OAUTH-TOKEN (the JWT itself is refused there). An auth-layer answer gets one
// fresh login and one repeat; a second refusal is an authentication failure.
import type { ClusterCredentials, ClusterUrl } from '../config/types.js'
import { MageApiError } from '../errors.js'
import { isRecord } from '../http/json.js'
import type { ApiResponse, CallOptions, MageHttp } from '../http/request.js'
import { maskSessionToken, rawTokenOf } from '../session-token.js'
import { sendOnce } from './exactly-once.js'
import { type PipelineRunRecord, readPipelineRun } from './pipeline-runs.js'

export interface ServerStatus {
  /** Undefined when the answer does not say. */
  readonly requireUserAuthentication?: boolean
}

export interface RunPage {
  readonly runs: readonly PipelineRunRecord[]
  readonly next: boolean
}

export interface ReadOptions {
  log?: 'info' | 'debug'
  lastRead?: boolean
}

export class ClusterClient {
  private readonly http: MageHttp
  private readonly apiBase: string
  /** Undefined: the cluster runs without user authentication, calls go without a session. */
  private readonly credentials?: ClusterCredentials
  private token?: string

  constructor(http: MageHttp, clusterUrl: ClusterUrl, credentials?: ClusterCredentials) {
    this.http = http
    this.apiBase = `${clusterUrl}/api`
    this.credentials = credentials
  }

  async login(): Promise<void> {
    const credentials = this.credentials
    if (!credentials) return
    const response = await this.http.call({
      method: 'POST',
      url: `${this.apiBase}/sessions`,
      headers: { 'X-API-KEY': credentials.apiKey },
      json: { session: { email: credentials.email, password: credentials.password } },
      retry: 'idempotent',
      timeout: 'short',
      log: 'info'
    })
    const session = isRecord(response.body) ? response.body.session : undefined
    const jwt = isRecord(session) ? session.token : undefined
    if (typeof jwt !== 'string' || jwt === '') {
      throw unexpected(response, 'POST', '/api/sessions', 'the login answer has no session.token')
    }
    maskSessionToken(this.http.secrets, jwt)
    this.token = rawTokenOf(jwt) ?? jwt
  }

  /** GET /api/status: no auth; a readiness probe that also tells the auth mode. */
  async getStatus(): Promise<ServerStatus> {
    const response = await this.http.call({
      method: 'GET',
      url: `${this.apiBase}/status`,
      retry: 'idempotent',
      timeout: 'short',
      log: 'info'
    })
    const statuses = isRecord(response.body) ? response.body.statuses : undefined
    const first: unknown = Array.isArray(statuses) ? statuses[0] : undefined
    if (!isRecord(first)) {
      throw unexpected(response, 'GET', '/api/status', 'the answer has no statuses')
    }
    const flag = first.require_user_authentication
    return { requireUserAuthentication: typeof flag === 'boolean' ? flag : undefined }
  }

  /** One page of the runs in `status`, newest first. */
  async listRuns(status: string, limit: number, offset: number): Promise<RunPage> {
    const query = new URLSearchParams({
      status,
      _limit: String(limit),
      _offset: String(offset)
    })
    const path = `/pipeline_runs?${query.toString()}`
    const response = await this.authorized({
      method: 'GET',
      url: `${this.apiBase}${path}`,
      retry: 'idempotent',
      timeout: 'short',
      log: 'info'
    })
    const body = isRecord(response.body) ? response.body : {}
    if (!Array.isArray(body.pipeline_runs)) {
      throw unexpected(response, 'GET', `/api${path}`, 'the answer has no pipeline_runs list')
    }
    const runs = body.pipeline_runs
      .map(readPipelineRun)
      .filter((run): run is PipelineRunRecord => run !== undefined)
    const next = isRecord(body.metadata) && body.metadata.next === true
    return { runs, next }
  }

  async getPipelineRun(id: number | string, options: ReadOptions = {}): Promise<PipelineRunRecord> {
    const path = `/pipeline_runs/${encodeURIComponent(String(id))}`
    const response = await this.authorized({
      method: 'GET',
      url: `${this.apiBase}${path}`,
      retry: 'idempotent',
      timeout: 'short',
      log: options.log ?? 'debug',
      lastRead: options.lastRead
    })
    return pipelineRunOf(response, 'GET', `/api${path}`)
  }

  /** PUT status cancelled. Mage ignores it on a finished run and answers with its status. */
  async cancelPipelineRun(
    id: number | string,
    options: ReadOptions = {}
  ): Promise<PipelineRunRecord> {
    const path = `/pipeline_runs/${encodeURIComponent(String(id))}`
    const response = await this.authorized({
      method: 'PUT',
      url: `${this.apiBase}${path}`,
      json: { pipeline_run: { status: 'cancelled' } },
      retry: 'idempotent',
      timeout: 'short',
      log: 'info',
      lastRead: options.lastRead
    })
    return pipelineRunOf(response, 'PUT', `/api${path}`)
  }

  /** The block's run logs (`content` of each log file), oldest file first. */
  async getBlockLogs(
    pipelineUuid: string,
    runId: number | string,
    blockUuid: string
  ): Promise<string[]> {
    const query = new URLSearchParams({
      'pipeline_run_id[]': String(runId),
      'block_uuid[]': blockUuid,
      _limit: '20'
    })
    const response = await this.authorized({
      method: 'GET',
      url: `${this.apiBase}/pipelines/${encodeURIComponent(pipelineUuid)}/logs?${query.toString()}`,
      retry: 'idempotent',
      timeout: 'short',
      log: 'debug'
    })
    const logs = isRecord(response.body) ? response.body.logs : undefined
    const contents: string[] = []
    for (const entry of Array.isArray(logs) ? logs : []) {
      const files: unknown = isRecord(entry) ? entry.block_run_logs : undefined
      for (const file of Array.isArray(files) ? files : []) {
        if (isRecord(file) && typeof file.content === 'string') contents.push(file.content)
      }
    }
    return contents
  }

  /** GET /api/syncs: the git sync configuration (branch, remote), for the plan. */
  async getGitSyncConfig(): Promise<Record<string, unknown> | undefined> {
    const response = await this.authorized({
      method: 'GET',
      url: `${this.apiBase}/syncs`,
      retry: 'idempotent',
      timeout: 'short',
      log: 'info'
    })
    const syncs = isRecord(response.body) ? response.body.syncs : undefined
    const first: unknown = Array.isArray(syncs) ? syncs[0] : undefined
    return isRecord(first) ? first : undefined
  }

  /** POST a Mage Pro deployment: sent once (a refused session is renewed and it is sent again). */
  createDeployment(setting: string, deployment: unknown): Promise<ApiResponse> {
    return this.authorizedOnce(`the deployment through setting '${setting}'`, {
      method: 'POST',
      url: `${this.apiBase}/deployment_settings/${encodeURIComponent(setting)}/deployments`,
      json: { deployment },
      retry: 'once',
      timeout: 'deadline',
      log: 'info'
    })
  }

  /** PUT /api/syncs/git sync_data: fetch and hard-reset to the configured branch, sent once. */
  syncGit(): Promise<ApiResponse> {
    return this.authorizedOnce('the git sync', {
      method: 'PUT',
      url: `${this.apiBase}/syncs/git`,
      json: { sync: { action_type: 'sync_data' } },
      retry: 'once',
      timeout: 'deadline',
      log: 'info'
    })
  }

  private async authorized(options: CallOptions): Promise<ApiResponse> {
    await this.ensureSession()
    try {
      return await this.http.call(this.withSession(options))
    } catch (error) {
      if (!this.renewable(error)) throw error
      await this.renewSession()
      return this.http.call(this.withSession(options))
    }
  }

  /** Like authorized(), for requests that run something: a failure after sending is final. */
  private async authorizedOnce(what: string, options: CallOptions): Promise<ApiResponse> {
    await this.ensureSession()
    try {
      return await sendOnce(what, () => this.http.call(this.withSession(options)))
    } catch (error) {
      // An auth-layer refusal proves nothing ran: renew the session and send it once more.
      if (!this.renewable(error)) throw error
      await this.renewSession()
      return sendOnce(what, () => this.http.call(this.withSession(options)))
    }
  }

  private async ensureSession(): Promise<void> {
    if (this.credentials && !this.token) await this.login()
  }

  private async renewSession(): Promise<void> {
    this.http.io.info('The cluster refused the session; logging in again')
    this.token = undefined
    await this.login()
  }

  /** An auth-layer refusal (401/403, invalid or expired token) is worth one fresh login. */
  private renewable(error: unknown): boolean {
    return error instanceof MageApiError && error.isAuthFailure && this.credentials !== undefined
  }

  private withSession(options: CallOptions): CallOptions {
    if (!this.credentials || !this.token) return options
    return {
      ...options,
      headers: {
        ...options.headers,
        'X-API-KEY': this.credentials.apiKey,
        'OAUTH-TOKEN': this.token
      }
    }
  }
}

function pipelineRunOf(response: ApiResponse, method: string, path: string): PipelineRunRecord {
  const run = readPipelineRun(isRecord(response.body) ? response.body.pipeline_run : undefined)
  if (!run) throw unexpected(response, method, path, 'the answer has no pipeline_run with a status')
  return run
}

function unexpected(
  response: ApiResponse,
  method: string,
  path: string,
  detail: string
): MageApiError {
  return new MageApiError({
    api: 'cluster',
    kind: 'unexpected_shape',
    method,
    path,
    httpStatus: response.status,
    detail: `HTTP ${response.status}, ${detail}`
  })
}
