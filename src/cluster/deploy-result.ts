// What a deploy answered. The Deployments API's answer shape is undocumented (mage-api.md §8.3):
// read `{"deployment": {...}}` by the framework's convention and tolerate missing fields. A git
// failure can hide in a success answer (as `error`, or a failed status): that is a failure too.
import type { DeployGitConfig } from '../config/types.js'
import { isRecord } from '../http/json.js'
import { oneLine } from '../http/one-line.js'

export interface DeployResult {
  /** The deployment's status as the API gives it, else `deployed`. */
  readonly status: string
  readonly deploymentId?: string
  /** The commit the answer names (else, for a deployment, the sha that was sent). */
  readonly commit?: string
  /** The branch the cluster syncs (git sync), for the summary. */
  readonly branch?: string
  /** A git error reported inside the success answer. */
  readonly gitError?: string
}

const FAILED_STATUS = /^(failed|failure|error|errored)$/i

/** The Deployments API payload: source and stage as mage-api.md §8.3 shows them. */
export function deploymentPayload(config: DeployGitConfig): Record<string, unknown> {
  return {
    source: {
      head: { name: config.source.branch },
      name: config.source.commitMessage,
      version: config.source.sha
    },
    stage: {
      branch: { name: config.deployBranch ?? '' },
      environment: config.environment,
      ...(config.targetDirectory ? { target_directory: config.targetDirectory } : {})
    }
  }
}

export function readDeploymentAnswer(body: unknown, sentSha: string): DeployResult {
  const deployment = isRecord(body) && isRecord(body.deployment) ? body.deployment : {}
  const source = isRecord(deployment.source) ? deployment.source : {}
  const id = deployment.id
  return {
    ...statusAndError(deployment),
    deploymentId:
      typeof id === 'number' || typeof id === 'string' ? oneLine(String(id), 200) : undefined,
    commit:
      firstString(source.version, deployment.version, deployment.commit, deployment.sha) ?? sentSha
  }
}

export function readSyncAnswer(body: unknown): DeployResult {
  const sync = isRecord(body) && isRecord(body.sync) ? body.sync : {}
  return {
    ...statusAndError(sync),
    commit: firstString(sync.commit, sync.commit_sha, sync.sha, sync.version),
    branch: firstString(sync.branch)
  }
}

function statusAndError(record: Record<string, unknown>): { status: string; gitError?: string } {
  const status = firstString(record.status) ?? 'deployed'
  const error = firstString(record.error, record.git_error)
  if (error !== undefined) return { status, gitError: error }
  if (FAILED_STATUS.test(status))
    return { status, gitError: `the deployment status is '${status}'` }
  return { status }
}

/** The first non-blank string, on one line (server text goes to logs and outputs). */
function firstString(...values: unknown[]): string | undefined {
  for (const value of values) {
    if (typeof value === 'string' && value.trim() !== '') return oneLine(value, 1000)
  }
  return undefined
}
