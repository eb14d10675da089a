// The calls whose only credential is an API trigger's token: POST /api/runs (run one block) and
// POST /api/pipeline_schedules/{id}/api_trigger. The token goes in a Bearer header, never in
// the URL (Mage echoes URL parts in its error answers). Both run something: sent once.
import type { ClusterUrl } from '../config/types.js'
import { MageApiError } from '../errors.js'
import { isRecord } from '../http/json.js'
import type { ApiResponse, CallOptions, MageHttp } from '../http/request.js'
import { sendOnce } from './exactly-once.js'
import { type PipelineRunRecord, readPipelineRun } from './pipeline-runs.js'

export interface BlockRunRequest {
  readonly pipeline: string
  readonly block: string
  readonly variables: Readonly<Record<string, unknown>>
  readonly runUpstreamBlocks: boolean
  readonly incompleteOnly: boolean
  readonly record: boolean
  readonly storeVariables: boolean
  readonly project?: string
  /** Another block follows: its connection is opened while this one runs. */
  readonly preconnect?: boolean
}

export interface BlockRunResult {
  /** The `run` value: the bytes the server sent (NaN stays NaN). */
  readonly raw: Buffer
}

export class TriggerClient {
  private readonly http: MageHttp
  private readonly apiBase: string
  private readonly token: string

  constructor(http: MageHttp, clusterUrl: ClusterUrl, token: string) {
    this.http = http
    this.apiBase = `${clusterUrl}/api`
    this.token = token
  }

  async runBlock(request: BlockRunRequest): Promise<BlockRunResult> {
    const run = {
      pipeline_uuid: request.pipeline,
      block_uuid: request.block,
      variables: request.variables,
      record: request.record,
      store_variables: request.storeVariables,
      run_upstream_blocks: request.runUpstreamBlocks,
      incomplete_only: request.incompleteOnly,
      ...(request.project === undefined ? {} : { project: request.project })
    }
    const response = await this.post(
      `block ${request.block}`,
      '/runs',
      { run },
      {
        keepRaw: ['run'],
        preconnect: request.preconnect
      }
    )
    const raw = response.raw.get('run')
    if (raw === undefined) {
      throw unexpected(response, '/api/runs', 'HTTP 200 without a `run` key')
    }
    return { raw }
  }

  async triggerPipeline(
    scheduleId: number,
    variables: Readonly<Record<string, unknown>>
  ): Promise<PipelineRunRecord> {
    const path = `/pipeline_schedules/${scheduleId}/api_trigger`
    const response = await this.post(`the trigger of schedule ${scheduleId}`, path, {
      pipeline_run: { variables }
    })
    const run = readPipelineRun(isRecord(response.body) ? response.body.pipeline_run : undefined)
    if (!run) throw unexpected(response, `/api${path}`, 'the answer has no pipeline_run with an id')
    return run
  }

  private post(
    what: string,
    path: string,
    json: unknown,
    options: Pick<CallOptions, 'keepRaw' | 'preconnect'> = {}
  ): Promise<ApiResponse> {
    return sendOnce(what, () =>
      this.http.call({
        method: 'POST',
        url: `${this.apiBase}${path}`,
        headers: { Authorization: `Bearer ${this.token}` },
        json,
        retry: 'once',
        timeout: 'deadline',
        log: 'info',
        ...options
      })
    )
  }
}

function unexpected(response: ApiResponse, path: string, detail: string): MageApiError {
  return new MageApiError({
    api: 'cluster',
    kind: 'unexpected_shape',
    method: 'POST',
    path,
    httpStatus: response.status,
    detail: `HTTP ${response.status}, ${detail}`
  })
}
