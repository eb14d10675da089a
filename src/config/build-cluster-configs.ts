// The cluster operations' configs: run-block, deploy-git, run-pipeline.
import { ConfigError } from '../errors.js'
import { defaultGitSource, type GitHubContext } from './github-context.js'
import type { InputValues } from './input-values.js'
import { parseBoolean, parseChoice, parsePositiveInteger, parseUniqueLines } from './scalars.js'
import { clusterCredentials, headerToken, pathSegment, requiredClusterUrl } from './settings.js'
import { showValue } from './show-value.js'
import {
  ENVIRONMENTS,
  type ClusterCredentials,
  type DeployGitConfig,
  type GitSource,
  type RunBlockConfig,
  type RunPipelineConfig
} from './types.js'
import { parseVariables } from './variables.js'

/** The deploy-git inputs that only the Deployments API uses (git sync ignores them). */
export const DEPLOYMENT_ONLY_INPUTS = [
  'git-sha',
  'git-branch',
  'commit-message',
  'deploy-branch',
  'environment',
  'target-directory'
] as const

/** A full or abbreviated commit sha: SHA-1 (40) or SHA-256 (64) hex, at least 7 digits. */
const COMMIT_SHA = /^[0-9a-fA-F]{7,64}$/

export function buildRunBlock(values: InputValues): RunBlockConfig {
  const neededFor = 'run-block'
  return {
    operation: 'run-block',
    clusterUrl: requiredClusterUrl(values, neededFor),
    triggerToken: triggerToken(values, neededFor),
    pipeline: values.required('pipeline', neededFor),
    blocks: parseUniqueLines('block', values.required('block', neededFor)),
    variables: parseVariables('variables', values.value('variables')),
    runUpstreamBlocks: parseBoolean('run-upstream-blocks', values.value('run-upstream-blocks')),
    incompleteOnly: parseBoolean('incomplete-only', values.value('incomplete-only')),
    record: parseBoolean('record', values.value('record')),
    storeVariables: parseBoolean('store-variables', values.value('store-variables')),
    project: values.optional('project')
  }
}

export function buildRunPipeline(values: InputValues): RunPipelineConfig {
  const neededFor = 'run-pipeline'
  return {
    operation: 'run-pipeline',
    clusterUrl: requiredClusterUrl(values, neededFor),
    triggerToken: triggerToken(values, neededFor),
    scheduleId: parsePositiveInteger('schedule-id', values.required('schedule-id', neededFor)),
    variables: parseVariables('variables', values.value('variables')),
    cluster: optionalCredentials(values)
  }
}

/** Both or neither: half a login would fail later, after the pipeline was triggered. */
function optionalCredentials(values: InputValues): ClusterCredentials | undefined {
  const email = values.optional('cluster-email')
  const password = values.optional('cluster-password')
  if (email === undefined && password === undefined) return undefined
  if (email === undefined) return clusterCredentials(values, 'run-pipeline with cluster-password')
  if (password === undefined) return clusterCredentials(values, 'run-pipeline with cluster-email')
  return clusterCredentials(values, 'run-pipeline')
}

function triggerToken(values: InputValues, neededFor: string): string {
  return headerToken('trigger-token', values.required('trigger-token', neededFor))
}

export function buildDeployGit(values: InputValues, github: GitHubContext): DeployGitConfig {
  const neededFor = 'deploy-git'
  const clusterUrl = requiredClusterUrl(values, neededFor)
  const cluster = clusterCredentials(values, neededFor)
  const deploymentSetting = values.optional('deployment-setting')
  const environment = parseChoice('environment', values.value('environment'), ENVIRONMENTS)
  const targetDirectory = values.optional('target-directory')
  const deploymentInputsGiven = DEPLOYMENT_ONLY_INPUTS.filter(name => values.given(name))
  const source = gitSource(values, github)
  const common = { operation: 'deploy-git', clusterUrl, cluster, source, environment } as const
  if (deploymentSetting === undefined) {
    // Git sync deploys the tip of the branch set on the cluster: nothing else to check.
    return { ...common, targetDirectory, deploymentInputsGiven }
  }

  const withSetting = 'deploy-git with deployment-setting'
  if (source.sha === '') {
    throw new ConfigError('git-sha', `is required for ${withSetting} (GITHUB_SHA is empty)`)
  }
  if (!COMMIT_SHA.test(source.sha)) {
    throw new ConfigError(
      'git-sha',
      `must be a commit sha (7 to 64 hex digits), got ${showValue(source.sha)}`
    )
  }
  if (source.branch === '') {
    throw new ConfigError('git-branch', `is required for ${withSetting} (GITHUB_REF_NAME is empty)`)
  }
  return {
    ...common,
    deploymentSetting: pathSegment('deployment-setting', deploymentSetting),
    deployBranch: values.required('deploy-branch', withSetting),
    targetDirectory,
    deploymentInputsGiven
  }
}

/** The inputs where given, else the workflow context (SPEC §6 "deploy-git details"). */
function gitSource(values: InputValues, github: GitHubContext): GitSource {
  const defaults = defaultGitSource(github)
  const sha = values.optional('git-sha') ?? defaults.sha
  const branch = values.optional('git-branch') ?? defaults.branch
  // The context's message belongs to the context's commit: another sha gets its own sha.
  const message =
    values.optional('commit-message') ?? (sha === defaults.sha ? defaults.commitMessage : sha)
  return { sha, branch, commitMessage: message }
}
