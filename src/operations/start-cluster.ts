// start-cluster: replicaCount ≥ 1 and status Active; wait until Active and, with cluster-url,
// until the cluster serves.
import type { StartClusterConfig } from '../config/types.js'
import { openCloud, replicaCountOf } from './cloud-session.js'
import type { OperationContext } from './context.js'
import { waitForClusterStatus, waitForServing } from './wait.js'

export async function startCluster(
  context: OperationContext,
  config: StartClusterConfig
): Promise<void> {
  const { io, report, common } = context
  const opened = await openCloud(context, config.cloud)
  const { cloud } = opened
  let { cluster } = opened
  const replicas = replicaCountOf(cluster)
  const needsWrite = !(replicas >= 1 && cluster.status !== 'Stopped')
  const newReplicas = replicas >= 1 ? replicas : config.replicas

  if (common.dryRun) {
    const plan = needsWrite
      ? `would set replicaCount ${newReplicas} and status Active`
      : `nothing to change (status ${cluster.status}, replicaCount ${replicas})`
    io.info(`Dry run: ${plan}`)
    report.row('Planned change', plan)
    return
  }

  if (needsWrite) {
    io.info(`Starting the cluster: replicaCount ${newReplicas}, status Active`)
    cluster = await cloud.putCluster(
      { config: { ...cluster.config, replicaCount: newReplicas }, status: 'Active' },
      cluster.etag
    )
    report.changed = true
    report.status = cluster.status
    report.set('cluster-status', cluster.status)
  } else if (cluster.status === 'Active') {
    io.info('The cluster is already Active: nothing to change')
  } else {
    io.info(`The cluster is already on its way (${cluster.status}): nothing to write`)
  }
  report.row('Replicas', String(needsWrite ? newReplicas : replicas))

  if (!common.wait) return
  await waitForClusterStatus(context, cloud, 'Active', cluster)
  if (config.clusterUrl) await waitForServing(context, config.clusterUrl)
}
