// The one typed config, parsed and validated from the inputs before any request.

export const OPERATIONS = [
  'start-cluster',
  'stop-cluster',
  'set-env',
  'cluster-status',
  'run-block',
  'deploy-git',
  'run-pipeline'
] as const

export type Operation = (typeof OPERATIONS)[number]

export const DRY_RUN_OPERATIONS: readonly Operation[] = [
  'start-cluster',
  'stop-cluster',
  'set-env',
  'deploy-git'
]

export const CLOUD_OPERATIONS: readonly Operation[] = [
  'start-cluster',
  'stop-cluster',
  'set-env',
  'cluster-status'
]

export const ENVIRONMENTS = ['development', 'staging', 'production'] as const
export type Environment = (typeof ENVIRONMENTS)[number]

/** Settings every operation has. */
export interface CommonSettings {
  readonly timeoutMs: number
  readonly wait: boolean
  readonly pollIntervalMs: number
  readonly failOnError: boolean
  readonly dryRun: boolean
}

export interface CloudSettings {
  /** Base URL without a trailing slash, e.g. `https://cloud.mage.ai/api/v1`. */
  readonly apiUrl: string
  readonly apiKey: string
  readonly email: string
  readonly password: string
  readonly teamId: string
  readonly clusterId: string
}

export interface ClusterCredentials {
  readonly email: string
  readonly password: string
  readonly apiKey: string
}

/** `cluster-url` normalised: no trailing `/` and no trailing `/api`. Paths go under `${url}/api`. */
export type ClusterUrl = string

export interface EnvEntry {
  readonly name: string
  readonly value: string
}

export interface StartClusterConfig {
  readonly operation: 'start-cluster'
  readonly cloud: CloudSettings
  readonly clusterUrl?: ClusterUrl
  readonly replicas: number
}

export interface SkipIfBusySettings {
  readonly clusterUrl: ClusterUrl
  readonly cluster: ClusterCredentials
  readonly busyMaxAgeMs: number
}

export interface StopClusterConfig {
  readonly operation: 'stop-cluster'
  readonly cloud: CloudSettings
  /** Present when `skip-if-busy: true`. */
  readonly skipIfBusy?: SkipIfBusySettings
}

export interface SetEnvConfig {
  readonly operation: 'set-env'
  readonly cloud: CloudSettings
  readonly clusterUrl?: ClusterUrl
  /** Names to add or change, in input order, each once. */
  readonly env: readonly EnvEntry[]
  /** Names to remove, each once, none also in `env`. */
  readonly unset: readonly string[]
}

export interface ClusterStatusConfig {
  readonly operation: 'cluster-status'
  readonly cloud: CloudSettings
}

export interface RunBlockConfig {
  readonly operation: 'run-block'
  readonly clusterUrl: ClusterUrl
  readonly triggerToken: string
  readonly pipeline: string
  /** One or more block uuids, in order, no duplicates. */
  readonly blocks: readonly string[]
  readonly variables: Readonly<Record<string, unknown>>
  readonly runUpstreamBlocks: boolean
  readonly incompleteOnly: boolean
  readonly record: boolean
  readonly storeVariables: boolean
  readonly project?: string
}

export interface GitSource {
  readonly sha: string
  readonly branch: string
  readonly commitMessage: string
}

export interface DeployGitConfig {
  readonly operation: 'deploy-git'
  readonly clusterUrl: ClusterUrl
  readonly cluster: ClusterCredentials
  /** Empty: Mage git sync. */
  readonly deploymentSetting?: string
  readonly source: GitSource
  /** Required with `deploymentSetting`. */
  readonly deployBranch?: string
  readonly environment: Environment
  readonly targetDirectory?: string
  /** Names of deployment-only inputs given explicitly (for git sync's "does not apply" notice). */
  readonly deploymentInputsGiven: readonly string[]
}

export interface RunPipelineConfig {
  readonly operation: 'run-pipeline'
  readonly clusterUrl: ClusterUrl
  readonly triggerToken: string
  readonly scheduleId: number
  readonly variables: Readonly<Record<string, unknown>>
  /** Present when cluster credentials were given: needed to watch runs where login is required. */
  readonly cluster?: ClusterCredentials
}

export type OperationConfig =
  | StartClusterConfig
  | StopClusterConfig
  | SetEnvConfig
  | ClusterStatusConfig
  | RunBlockConfig
  | DeployGitConfig
  | RunPipelineConfig

export type Config = OperationConfig & {
  readonly common: CommonSettings
  /** Every secret among the inputs (passwords, tokens, user-given keys), to mask first. */
  readonly secrets: readonly string[]
  /** Inputs given that the chosen operation does not use (each gets a warning). */
  readonly unusedInputs: readonly string[]
}
