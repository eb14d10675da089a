// The Mage Cloud API: log in, read the cluster, write it. Sessions are renewed once on a 401.
// The cluster resource is never printed: its extraEnvs hold other people's secrets.
import type { CloudSettings } from '../config/types.js'
import { MageApiError, OperationError, OutcomeUnknownError, errorMessage } from '../errors.js'
import { isUnanswered, mayHaveLanded, newTrace } from '../http/attempts.js'
import { isRecord } from '../http/json.js'
import { oneLine } from '../http/one-line.js'
import type { ApiResponse, CallOptions, MageHttp } from '../http/request.js'
import { maskSessionToken } from '../session-token.js'
import { holdsWrite } from './write-check.js'

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

  /**
   * Writes the cluster. When no attempt's answer can be read but one may have landed, the
   * cluster is read back: it holds the write (returned), or it does not and nothing can still
   * land (a plain failure), or it cannot be known (OutcomeUnknownError).
   */
  async putCluster(write: ClusterWrite, etag?: string): Promise<CloudCluster> {
    const trace = newTrace()
    try {
      const response = await this.authorized({
        method: 'PUT',
        url: this.clusterUrl,
        headers: etag ? { 'If-Match': etag } : {},
        json: { cluster: write },
        retry: 'idempotent',
        timeout: 'short',
        log: 'info',
        trace
      })
      return readCluster(response, 'PUT', this.clusterUrl)
    } catch (error) {
      if (trace.landed === 0 && !mayHaveLanded(error)) throw error
      return this.confirmWrite(write, asError(error), trace.unanswered > 0 || isUnanswered(error))
    }
  }

  private async confirmWrite(
    write: ClusterWrite,
    failure: Error,
    mayStillLand: boolean
  ): Promise<CloudCluster> {
    const { io, secrets, deadline } = this.http
    io.info(
      `The cluster write failed (${secrets.redact(failure.message)}); reading the cluster to see whether it took`
    )
    let cluster: CloudCluster
    try {
      cluster = await this.getCluster({ log: 'info', lastRead: deadline.expired() })
    } catch (readError) {
      const why = `reading the cluster afterwards failed too (${errorMessage(readError)})`
      throw new OutcomeUnknownError('the cluster write', failure, why)
    }
    if (holdsWrite(cluster, write)) {
      io.info(`The cluster holds the write (status ${cluster.status}): going on`)
      return cluster
    }
    if (mayStillLand) {
      const why = 'the cluster does not hold it yet, but the request may still land'
      throw new OutcomeUnknownError('the cluster write', failure, why)
    }
    throw new OperationError(
      `${failure.message}; the cluster was read afterwards and does not hold the change: nothing was changed`,
      cluster.status
    )
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

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(errorMessage(error))
}

function readCluster(response: ApiResponse, method: string, url: string): CloudCluster {
  const cluster = isRecord(response.body) ? response.body.cluster : undefined
  // Server text reaches logs and outputs: one line, so it can never pose as a workflow command.
  const rawStatus = isRecord(cluster) ? cluster.status : undefined
  const status = typeof rawStatus === 'string' ? oneLine(rawStatus, 100) : ''
  if (!isRecord(cluster) || !isRecord(cluster.config) || status === '') {
    // Name the keys only: the resource holds env values.
    const keys = isRecord(cluster) ? oneLine(Object.keys(cluster).join(', '), 300) : 'none'
    throw unexpected(
      response,
      method,
      url,
      `the answer has no cluster with status and config (keys: ${keys})`
    )
  }
  const etag = response.headers.etag
  return {
    status,
    config: cluster.config,
    name: typeof cluster.name === 'string' ? oneLine(cluster.name, 100) || undefined : undefined,
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
