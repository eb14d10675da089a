// cluster-status: read-only.
import { envNamesOf } from '../cloud/extra-envs.js'
import type { ClusterStatusConfig } from '../config/types.js'
import { openCloud, replicaCountOf } from './cloud-session.js'
import type { OperationContext } from './context.js'

export async function clusterStatus(
  context: OperationContext,
  config: ClusterStatusConfig
): Promise<void> {
  const { cluster } = await openCloud(context, config.cloud)
  context.report.row('Replicas', String(replicaCountOf(cluster)))
  context.report.row('Env names', String(envNamesOf(cluster.config.extraEnvs).length))
}
