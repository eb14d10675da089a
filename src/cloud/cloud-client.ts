// The Mage Cloud API: log in, read the cluster, write it. Sessions are renewed once on a 401.
// The cluster resource is never printed: its extraEnvs hold other people's secrets.
import type { CloudSettings } from '../config/types.js'
import { MageApiError } from '../errors.js'
import { isRecord } from '../http/json.js'
import type { ApiResponse, CallOptions, MageHttp } from '../http/request.js'
import { maskSessionToken } from '../session-token.js'

export interface CloudCluster {
  readonly status: string
  readonly config: Record<string, unknown>
  readonly name?: string
  /** Sent back as If-Match when the API ever gives one (it has no ETags today). */
  readonly etag?: string
}

export interface ClusterWrite {
  config: Record<string, unknown>
  status?: 'Active' | 'Stopped'
}

export class CloudClient {
  private readonly http: MageHttp
  private readonly settings: CloudSettings
  private token?: string

  constructor(http: MageHttp, settings: CloudSettings) {
    this.http = http
    this.settings = settings
  }

  private get clusterUrl(): string {
    const { apiUrl, teamId, clusterId } = this.settings
    return `${apiUrl}/teams/${encodeURIComponent(teamId)}/clusters/${encodeURIComponent(clusterId)}`
  }

  async login(): Promise<void> {
    const response = await this.http.call({
      method: 'POST',
      url: `${this.settings.apiUrl}/sessions`,
      headers: { 'X-API-KEY': this.settings.apiKey },
      json: { session: { email: this.settings.email, password: this.settings.password } },
      retry: 'idempotent',
      timeout: 'short',
      log: 'info'
    })
    const session = isRecord(response.body) ? response.body.session : undefined
    const token = isRecord(session) ? session.token : undefined
    if (typeof token !== 'string' || token === '') {
      throw unexpected(response, 'POST', '/sessions', 'the login answer has no session.token')
    }
    maskSessionToken(this.http.secrets, token)
    this.token = token
  }

  async getCluster(
    options: { log?: 'info' | 'debug'; lastRead?: boolean } = {}
  ): Promise<CloudCluster> {
    const response = await this.authorized({
      method: 'GET',
      url: this.clusterUrl,
      retry: 'idempotent',
      timeout: 'short',
      log: options.log ?? 'debug',
      lastRead: options.lastRead
    })
    return readCluster(response, 'GET', this.clusterUrl)
  }

  async putCluster(write: ClusterWrite, etag?: string): Promise<CloudCluster> {
    const response = await this.authorized({
      method: 'PUT',
      url: this.clusterUrl,
      headers: etag ? { 'If-Match': etag } : {},
      json: { cluster: write },
      retry: 'idempotent',
      timeout: 'short',
      log: 'info'
    })
    return readCluster(response, 'PUT', this.clusterUrl)
  }

  /** Sends with the session cookie; on an auth failure logs in again and repeats once. */
  private async authorized(options: CallOptions): Promise<ApiResponse> {
    if (!this.token) await this.login()
    try {
      return await this.http.call(this.withSession(options))
    } catch (error) {
      if (!(error instanceof MageApiError) || !error.isAuthFailure) throw error
      this.http.io.info('Mage Cloud session rejected; logging in again')
      await this.login()
      return this.http.call(this.withSession(options))
    }
  }

  private withSession(options: CallOptions): CallOptions {
    return {
      ...options,
      headers: {
        ...options.headers,
        'X-API-KEY': this.settings.apiKey,
        Cookie: `oauth_token=${this.token ?? ''}`
      }
    }
  }
}

function readCluster(response: ApiResponse, method: string, url: string): CloudCluster {
  const cluster = isRecord(response.body) ? response.body.cluster : undefined
  if (!isRecord(cluster) || !isRecord(cluster.config) || typeof cluster.status !== 'string') {
    // Name the keys only: the resource holds env values.
    const keys = isRecord(cluster) ? Object.keys(cluster).join(', ') : 'none'
    throw unexpected(
      response,
      method,
      url,
      `the answer has no cluster with status and config (keys: ${keys})`
    )
  }
  const etag = response.headers.etag
  return {
    status: cluster.status,
    config: cluster.config,
    name: typeof cluster.name === 'string' ? cluster.name : undefined,
    etag: typeof etag === 'string' ? etag : undefined
  }
}

function unexpected(
  response: ApiResponse,
  method: string,
  url: string,
  detail: string
): MageApiError {
  return new MageApiError({
    api: 'cloud',
    kind: 'unexpected_shape',
    method,
    path: new URL(url, 'http://x.invalid').pathname,
    httpStatus: response.status,
    detail: `HTTP ${response.status}, ${detail}`
  })
}
