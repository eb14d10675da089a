// The opening every Cloud operation shares: log in once, read the cluster, say what was found.
import { CloudClient, type CloudCluster } from '../cloud/cloud-client.js'
import { envNamesOf } from '../cloud/extra-envs.js'
import type { CloudSettings } from '../config/types.js'
import type { OperationContext } from './context.js'

export interface OpenedCloud {
  cloud: CloudClient
  cluster: CloudCluster
}

export async function openCloud(
  context: OperationContext,
  settings: CloudSettings
): Promise<OpenedCloud> {
  const cloud = new CloudClient(context.http('cloud'), settings)
  await cloud.login()
  const cluster = await cloud.getCluster({ log: 'info' })
  describeCluster(context, settings, cluster)
  return { cloud, cluster }
}

export function replicaCountOf(cluster: CloudCluster): number {
  const count = Number(cluster.config.replicaCount ?? 0)
  return Number.isFinite(count) ? count : 0
}

/** Status, replica count, config key names and env names only: never a value. */
function describeCluster(
  context: OperationContext,
  settings: CloudSettings,
  cluster: CloudCluster
): void {
  const { io, report } = context
  const label = cluster.name ? `${settings.clusterId} (${cluster.name})` : settings.clusterId
  io.info(`Cluster ${label}: status ${cluster.status}, replicaCount ${replicaCountOf(cluster)}`)
  io.debug(`Cluster config keys: ${Object.keys(cluster.config).join(', ')}`)
  io.debug(`Cluster env names: ${envNamesOf(cluster.config.extraEnvs).join(', ') || '(none)'}`)
  report.status = cluster.status
  report.set('cluster-status', cluster.status)
  report.row('Cluster', label)
}
