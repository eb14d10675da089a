// deploy-git: a git commit to the cluster, through the Mage Pro Deployments API when a
// deployment setting is named, else Mage git sync (the tip of the branch configured on the
// cluster). The deploying request is sent once; with `wait`, the step waits until the cluster
// serves again (a deploy restarts it).
import { ClusterClient } from '../cluster/cluster-client.js'
import {
  type DeployResult,
  deploymentPayload,
  readDeploymentAnswer,
  readSyncAnswer
} from '../cluster/deploy-result.js'
import type { DeployGitConfig } from '../config/types.js'
import { OperationError } from '../errors.js'
import { escapeHtml } from '../report/markdown.js'
import type { OperationContext } from './context.js'
import { waitForServing } from './wait.js'

export async function deployGit(context: OperationContext, config: DeployGitConfig): Promise<void> {
  const { common } = context
  const client = new ClusterClient(context.http('cluster'), config.clusterUrl, config.cluster)
  await client.login()
  const result = config.deploymentSetting
    ? await deployCommit(context, client, config, config.deploymentSetting)
    : await syncBranch(context, client, config)
  if (!result) return
  recordResult(context, result)
  if (result.gitError !== undefined) {
    throw new OperationError(`the deploy failed: ${result.gitError}`, result.status)
  }
  if (common.wait) await waitForServing(context, config.clusterUrl)
}

async function deployCommit(
  context: OperationContext,
  client: ClusterClient,
  config: DeployGitConfig,
  setting: string
): Promise<DeployResult | undefined> {
  const { io, report } = context
  const { sha, branch } = config.source
  const payload = deploymentPayload(config)
  report.row('Mode', `Deployments API, setting '${setting}'`)
  report.row('Commit', sha)
  report.row('Branch', `${branch} → ${config.deployBranch ?? ''} (${config.environment})`)
  const path = `/api/deployment_settings/${encodeURIComponent(setting)}/deployments`
  if (context.common.dryRun) {
    showPlan(context, `POST ${path}`, { deployment: payload })
    return undefined
  }
  io.info(
    `Deploying ${sha} (${branch}) through setting '${setting}' to ${config.deployBranch ?? ''} (${config.environment})`
  )
  const response = await client.createDeployment(setting, payload)
  return readDeploymentAnswer(response.body, sha)
}

async function syncBranch(
  context: OperationContext,
  client: ClusterClient,
  config: DeployGitConfig
): Promise<DeployResult | undefined> {
  const { io, report } = context
  report.row('Mode', 'Mage git sync (the branch configured on the cluster)')
  if (config.deploymentInputsGiven.length > 0) {
    io.notice(
      `Git sync deploys the tip of the branch configured on the cluster; ` +
        `${config.deploymentInputsGiven.join(', ')} do not apply. ` +
        'Name a deployment-setting to deploy a given commit.'
    )
  }
  if (context.common.dryRun) {
    const sync = await client.getGitSyncConfig()
    if (typeof sync?.branch === 'string') report.row('Branch', sync.branch)
    showPlan(context, 'PUT /api/syncs/git', { sync: { action_type: 'sync_data' } })
    return undefined
  }
  io.info('Running git sync (fetch, then reset to the configured branch)')
  const response = await client.syncGit()
  return readSyncAnswer(response.body)
}

/** Dry run: the request it would send, secrets removed, and nothing sent. */
function showPlan(context: OperationContext, request: string, body: unknown): void {
  const { io, report, secrets } = context
  const json = secrets.redact(JSON.stringify(body, null, 2))
  io.info(`Dry run: would send ${request} with:\n${json}`)
  report.status = 'dry-run'
  report.row('Planned request', request)
  report.section(`#### Planned request\n\n<pre>${escapeHtml(`${request}\n${json}`)}</pre>`)
}

function recordResult(context: OperationContext, result: DeployResult): void {
  const { io, report } = context
  report.status = result.status
  report.changed = result.gitError === undefined
  if (result.commit !== undefined) {
    report.set('commit', result.commit)
    report.row('Commit', result.commit)
  }
  if (result.deploymentId !== undefined) {
    report.set('deployment-id', result.deploymentId)
    report.row('Deployment', result.deploymentId)
  }
  if (result.branch !== undefined) report.row('Branch', result.branch)
  io.info(
    `Deploy answered: status ${result.status}` +
      (result.deploymentId !== undefined ? `, deployment ${result.deploymentId}` : '') +
      (result.commit !== undefined ? `, commit ${result.commit}` : '')
  )
}
