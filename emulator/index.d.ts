// Type declarations for emulator/index.js (the emulator is plain ESM JavaScript).

export type ServerName = 'cloud' | 'cluster'

export interface EnvVar {
  name: string
  value: string
}

/** The Cloud cluster's config: Helm-like values; unknown keys are kept as they are. */
export interface CloudClusterConfig {
  replicaCount?: number
  extraEnvs?: EnvVar[]
  [key: string]: unknown
}

/** Live state of the Cloud cluster, as GET /api/v1/teams/{t}/clusters/{c} returns it. */
export interface CloudCluster {
  id: string
  name: string
  /** 'Stopped' | 'Starting' | 'Active' | 'Updating' | 'Stopping' (or what a test forced) */
  status: string
  config: CloudClusterConfig
  created_at: string
  updated_at: string
  [key: string]: unknown
}

/** What a block does when its code runs. Precedence: raise > outputRaw > outputSize > output. */
export interface BlockConfig {
  /** Return value: the answer is {"run": {"output": [output]}}. */
  output?: unknown
  /** Merge the request's variables into an object output (like kwargs reaching the block). */
  mergeVariables?: boolean
  /** JSON text of the whole `run` value, sent verbatim (may hold NaN / Infinity). */
  outputRaw?: string
  /** Return a list of records: a `run` text of exactly this many bytes (at least ~140). */
  outputSize?: number
  /** Raise an exception with this message. */
  raise?: string
  /** Python exception type of `raise` (default 'ValueError'). */
  exceptionType?: string
  /** Time the code takes (an /api/runs answer waits; a pipeline run's block stays running). */
  delayMs?: number
  /** Blocks run first when /api/runs asks for run_upstream_blocks. */
  upstream?: string[]
}

export interface PipelineConfig {
  blocks: Record<string, BlockConfig>
  /** Blocks a triggered run executes, in order (default: all blocks). */
  runBlocks?: string[]
  /** Triggered runs stay `running` forever (their first block never finishes). */
  stuck?: boolean
  /** Sub-project the pipeline lives in (checked against /api/runs `project` when both given). */
  project?: string
}

export interface ScheduleConfig {
  id: number
  pipeline_uuid: string
  token: string | null
  status: 'active' | 'inactive'
  schedule_type?: 'api' | 'time' | 'event'
  name?: string
}

export interface ClusterUser {
  email: string
  username?: string
  password: string
  /** 'viewer' cannot deploy or sync (200 + 403 envelope). Default 'owner'. */
  role?: 'owner' | 'admin' | 'editor' | 'viewer'
}

export type RunsFailureMode = 'envelope' | 'empty' | 'pro'

export interface Scenario {
  cloud: {
    apiKey: string
    email: string
    password: string
    teamId: string
    clusterId: string
    /** GET returns an ETag; a PUT whose If-Match is stale gets HTTP 412. */
    etags: boolean
    cluster: {
      id: string
      name: string
      status: string
      config: CloudClusterConfig
      [key: string]: unknown
    }
  }
  cluster: {
    apiKey: string
    users: ClusterUser[]
    requireAuth: boolean
    jwtSecret: string
    tokenExpirySeconds: number
    runsFailureMode: RunsFailureMode
    /** 'empty': trigger failures are an empty HTTP 200 instead of the 500 envelope. */
    triggerFailureMode: 'envelope' | 'empty'
    /** Every /api route (not only /api/status) answers the 503 page while not serving. */
    strictServing: boolean
    /** Path prefix before /api (MAGE_BASE_PATH), e.g. '/mage'; part of clusterUrl. */
    basePath: string
    repoPath: string
    projectUuid: string
    pipelines: Record<string, PipelineConfig>
    schedules: ScheduleConfig[]
    deploymentSettings: string[]
    deploy: { status?: string; gitError?: string }
    /** config null: git sync not configured (PUT answers a 400 api_resource_error). */
    sync: { config?: Record<string, unknown> | null; gitError?: string }
  }
}

/** Objects merge key by key; arrays and other values replace the default. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T

export type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T

export interface Timing {
  /** Each Cloud status step (Starting, Stopping, Updating) lasts this long. */
  transitionMs: number
  /** After Active, /api/status still answers 503 this long. */
  servingDelayMs: number
  /** Pipeline-run progression tick. */
  runStepMs: number
  /** After a deploy or git sync, /api/status answers 503 this long. */
  deployRestartMs: number
}

export interface RecordedRequest {
  server: ServerName
  method: string
  /** Path with query, as sent (the cloud's includes /api/v1). */
  path: string
  /** Lower-cased header names. */
  headers: Record<string, string | string[] | undefined>
  /** Raw request body ('' when none). */
  body: string
  /** Arrival time, ms since the epoch. */
  at: number
  /** Arrival time on this process's performance.now() clock (the benchmark's timings). */
  receivedAt: number
  /** Which of the server's connections carried it, numbered from 1 as they were opened. */
  connection: number
  /** HTTP status sent; null when the connection was dropped; unset while in flight. */
  status?: number | null
  /** The fault that fired for this request, as injected. */
  fault?: Fault
}

export interface OpenedConnection {
  /** Its number, as in RecordedRequest.connection. */
  connection: number
  /** When it was accepted, ms since the epoch. */
  at: number
}

export interface FaultMatch {
  /** Default: both servers. */
  server?: ServerName
  method?: string
  /** Prefix of (or RegExp for) the path without query; the cloud's paths include /api/v1. */
  path?: string | RegExp
  /** How many matching requests it fires for (default 1; Infinity allowed). */
  times?: number
}

export type FaultKind =
  | {
      /** Answer this status without running the handler (or after it, with when: 'after'). */
      status: number
      /** A string is sent as is (text/plain unless contentType); an object as JSON. Default empty. */
      body?: string | object
      contentType?: string
      /** Retry-After header: seconds or an HTTP date. */
      retryAfter?: string
      when?: 'before' | 'after'
    }
  | { latencyMs: number }
  | { drop: 'before' | 'after' }
  | { trickle: { intervalMs?: number; bytes?: number } }
  | { truncate: true }
  | { html: true }
  | { envelope: { code: number; type: string; message: string; httpStatus?: number } }
  | { empty200: true }
  | { redirect: string; redirectStatus?: number }

export type Fault = FaultMatch & FaultKind

export type PendingFault = Fault & { remaining: number }

export type PipelineRunStatus = 'initial' | 'running' | 'completed' | 'failed' | 'cancelled'

export interface BlockRunRecord {
  id: number
  created_at: string
  updated_at: string
  pipeline_run_id: number
  block_uuid: string
  /** initial, queued, running, completed, failed, cancelled, upstream_failed */
  status: string
  started_at: string | null
  completed_at: string | null
  metrics: unknown
}

export interface PipelineRunRecord {
  id: number
  created_at: string
  updated_at: string
  pipeline_schedule_id: number | null
  pipeline_uuid: string
  execution_date: string
  status: PipelineRunStatus
  started_at: string | null
  completed_at: string | null
  variables: Record<string, unknown>
  passed_sla: boolean
  event_variables: Record<string, unknown> | null
  metrics: unknown
  backfill_id: number | null
  executor_type: string
  block_runs: BlockRunRecord[]
}

export interface AddPipelineRunInput {
  pipeline_uuid: string
  /** Default 'running'. The run is static: no timer moves it. */
  status?: PipelineRunStatus
  /** A Date is formatted like the server's; a string is stored verbatim. */
  started_at?: Date | string | null
  pipeline_schedule_id?: number | null
  variables?: Record<string, unknown>
}

export interface DeploymentRecord {
  id: number
  deployment_setting: string
  status: string
  source: Record<string, unknown>
  stage: Record<string, unknown>
  created_at: string
  updated_at: string
  error?: string
}

export interface GitSyncRecord {
  action_type: 'sync_data' | 'reset'
  at: number
  error?: string
}

export interface SessionsIssued {
  cloud: string[]
  cluster: { jwt: string; token: string }[]
}

export interface StaleWriterOptions {
  times?: number
  name?: string
  value?: string
}

export interface EmulatorSnapshot {
  cloudUrl: string
  clusterUrl: string
  cluster: CloudCluster
  serving: boolean
  pipelineRuns: PipelineRunRecord[]
  deployments: DeploymentRecord[]
  gitSyncs: GitSyncRecord[]
  blockExecutions: Record<string, number>
  faults: PendingFault[]
  requestCount: number
}

export interface EmulatorOptions {
  /** Default '127.0.0.1'. */
  host?: string
  /** Default 0 (any free port). */
  cloudPort?: number
  clusterPort?: number
  scenario?: DeepPartial<Scenario>
  timing?: Partial<Timing>
  /** Multiplies every timing value (after `timing` overrides). Default 1. */
  timingScale?: number
  /** Called when a response has been sent (or the connection dropped). */
  onRequest?: (request: RecordedRequest) => void
}

export interface Emulator {
  /** 'http://127.0.0.1:<port>/api/v1' (the cloud-api-url input). */
  readonly cloudUrl: string
  /** 'http://127.0.0.1:<port>[basePath]' (the cluster-url input; the client appends /api). */
  readonly clusterUrl: string
  /** The merged scenario; live: changing it changes later answers. */
  readonly scenario: Scenario
  readonly timing: Timing
  readonly requests: RecordedRequest[]
  /** A string matches as a prefix of the path (query included); a RegExp is tested on it. */
  requestsTo(
    server: ServerName,
    method?: string,
    pathPrefixOrRegExp?: string | RegExp
  ): RecordedRequest[]
  clearRequests(): void
  /** The connections the server accepted since it started, used or not, in order. */
  connectionsTo(server: ServerName): OpenedConnection[]
  readonly cluster: CloudCluster
  /** Force a status, no transition pending; `config` keys are merged over the current config.
   * Forcing 'Active' makes /api/status serve at once. */
  setClusterStatus(status: string, config?: Partial<CloudClusterConfig>): void
  /** Whether GET /api/status answers 200 right now. */
  isServing(): boolean
  /** Throws a TypeError for a fault without exactly one kind. */
  inject(fault: Fault): void
  clearFaults(): void
  readonly faults: PendingFault[]
  /** Every session token issued so far (cloud, cluster or both) answers as expired. */
  expireSessions(server?: ServerName): void
  staleWriter(options?: StaleWriterOptions): void
  neverActive(on?: boolean): void
  /** How many times block code ran: all, per pipeline, or per block. */
  blockExecutions(pipelineUuid?: string, blockUuid?: string): number
  readonly pipelineRuns: PipelineRunRecord[]
  addPipelineRun(run: AddPipelineRunInput): PipelineRunRecord
  readonly deployments: DeploymentRecord[]
  readonly gitSyncs: GitSyncRecord[]
  readonly sessionsIssued: SessionsIssued
  /** Each timed transition of the Cloud cluster's status, when it happened (ms since epoch). */
  readonly statusChanges: StatusChange[]
  snapshot(): EmulatorSnapshot
  /** Closes both servers, every socket and timer. Idempotent. */
  stop(): Promise<void>
}

export interface StatusChange {
  status: string
  at: number
}

export function startEmulator(options?: EmulatorOptions): Promise<Emulator>
/** Every emulator started in this process (module instance) and not yet stopped. */
export function runningEmulators(): Emulator[]

export const DEFAULT_SCENARIO: DeepReadonly<Scenario>
export const DEFAULT_TIMING: Readonly<Timing>
export const CLOUD_API_KEY: string
export const CLUSTER_API_KEY: string
export const FAULT_KINDS: readonly string[]
/** The body /api/status sends while the cluster is not serving. */
export const HTML_503: string
/** The body of the `html` fault (HTTP 502 from a proxy). */
export const HTML_502: string
