// set-env: a read-modify-write of extraEnvs that keeps every other variable and config key,
// then reads back and re-merges when a concurrent writer overwrote the change (at most 3 times).
import type { CloudClient, CloudCluster } from '../cloud/cloud-client.js'
import { missingChanges, planEnvChange } from '../cloud/extra-envs.js'
import type { SetEnvConfig } from '../config/types.js'
import { OperationError } from '../errors.js'
import { openCloud } from './cloud-session.js'
import type { OperationContext } from './context.js'
import { waitForClusterStatus, waitForServing } from './wait.js'

/** Values shorter than this are not masked: masking `1` would blank every 1 in the job's logs. */
export const MIN_MASKED_VALUE_LENGTH = 8
export const MAX_REMERGES = 3

export async function setEnv(context: OperationContext, config: SetEnvConfig): Promise<void> {
  const { io, report, common, secrets } = context
  for (const { value } of config.env) {
    if (value.length >= MIN_MASKED_VALUE_LENGTH) secrets.add(value)
  }
  const { cloud, cluster } = await openCloud(context, config.cloud)
  const plan = planEnvChange(cluster.config.extraEnvs, config.env, config.unset)
  report.set('env-names', JSON.stringify(plan.changedNames))
  report.row('Env names', plan.changedNames.join(', ') || '(none changed)')

  if (plan.changedNames.length === 0) {
    io.info('Every variable already has the requested value: nothing to write')
    return finish(context, config, cloud, cluster, false)
  }
  if (common.dryRun) {
    io.info(`Dry run: would write ${plan.changedNames.join(', ')}`)
    report.row('Planned change', `write ${plan.changedNames.length} variable(s)`)
    return
  }

  const wasStopped = cluster.status === 'Stopped'
  io.info(`Writing ${plan.changedNames.length} variable(s): ${plan.changedNames.join(', ')}`)
  await cloud.putCluster({ config: { ...cluster.config, extraEnvs: plan.extraEnvs } }, cluster.etag)
  report.changed = true
  const latest = await readBackAndRemerge(context, config, cloud)
  report.status = latest.status
  report.set('cluster-status', latest.status)

  if (wasStopped) {
    io.notice('The cluster is Stopped: the new values apply at its next start')
    return
  }
  return finish(context, config, cloud, latest, true)
}

/** Reads the cluster after the write; a change that is gone was overwritten: merge and write again. */
async function readBackAndRemerge(
  context: OperationContext,
  config: SetEnvConfig,
  cloud: CloudClient
): Promise<CloudCluster> {
  const { io, report } = context
  for (let remerge = 0; ; remerge++) {
    const cluster = await cloud.getCluster({ log: 'info' })
    const lost = missingChanges(cluster.config.extraEnvs, config.env, config.unset)
    if (lost.length === 0) {
      if (remerge > 0) report.row('Re-merges', String(remerge))
      return cluster
    }
    if (remerge >= MAX_REMERGES) {
      throw new OperationError(
        `another writer kept overwriting the cluster's env (${lost.join(', ')} lost after ${MAX_REMERGES} re-merges); ` +
          'serialise env changes per cluster with a workflow concurrency group',
        cluster.status
      )
    }
    io.warning(
      `A concurrent write overwrote ${lost.join(', ')}; merging again (${remerge + 1} of ${MAX_REMERGES})`
    )
    const plan = planEnvChange(cluster.config.extraEnvs, config.env, config.unset)
    await cloud.putCluster(
      { config: { ...cluster.config, extraEnvs: plan.extraEnvs } },
      cluster.etag
    )
  }
}

/** An env write restarts a running cluster: wait for Active again, then for it to serve. */
async function finish(
  context: OperationContext,
  config: SetEnvConfig,
  cloud: CloudClient,
  cluster: CloudCluster,
  wrote: boolean
): Promise<void> {
  if (!context.common.wait || cluster.status === 'Stopped' || cluster.status === 'Stopping') return
  if (wrote && cluster.status === 'Active') {
    context.io.info(
      'No restart seen at the first read after the write (the Cloud API gives no restart signal)'
    )
  }
  const active = await waitForClusterStatus(context, cloud, 'Active', cluster)
  if (config.clusterUrl && active.status === 'Active')
    await waitForServing(context, config.clusterUrl)
}
