// stop-cluster: replicaCount 0 and status Stopped; with skip-if-busy, leave the cluster up while
// pipeline runs are going (and fail, leaving it up, when those runs can't be seen).
import { findBlockingRuns } from '../cluster/busy-runs.js'
import type { StopClusterConfig } from '../config/types.js'
import { openCloud, replicaCountOf } from './cloud-session.js'
import type { OperationContext } from './context.js'
import { waitForClusterStatus } from './wait.js'

export async function stopCluster(
  context: OperationContext,
  config: StopClusterConfig
): Promise<void> {
  const { io, report, common } = context
  const opened = await openCloud(context, config.cloud)
  const { cloud } = opened
  let { cluster } = opened
  const needsWrite = !(replicaCountOf(cluster) === 0 && cluster.status !== 'Active')

  if (needsWrite && config.skipIfBusy) {
    const { blocking, stuck } = await findBlockingRuns(context, config.skipIfBusy)
    if (stuck.length > 0) {
      io.warning(
        `Ignoring ${stuck.length} pipeline run(s) older than busy-max-age, probably stuck: ${describeRuns(stuck)}`
      )
    }
    if (blocking.length > 0) {
      const message = `The cluster stays up: ${blocking.length} pipeline run(s) in progress: ${describeRuns(blocking)}`
      io.notice(message)
      report.row('Skipped', message)
      return
    }
    io.info('No pipeline run in progress: stopping')
  }

  if (common.dryRun) {
    const plan = needsWrite
      ? 'would set replicaCount 0 and status Stopped'
      : `nothing to change (status ${cluster.status}, replicaCount ${replicaCountOf(cluster)})`
    io.info(`Dry run: ${plan}`)
    report.row('Planned change', plan)
    return
  }

  if (needsWrite) {
    io.info('Stopping the cluster: replicaCount 0, status Stopped')
    cluster = await cloud.putCluster(
      { config: { ...cluster.config, replicaCount: 0 }, status: 'Stopped' },
      cluster.etag
    )
    report.changed = true
    report.status = cluster.status
    report.set('cluster-status', cluster.status)
  } else if (cluster.status === 'Stopped') {
    io.info('The cluster is already Stopped: nothing to change')
  } else {
    io.info(`The cluster is already on its way (${cluster.status}): nothing to write`)
  }

  if (!common.wait) return
  await waitForClusterStatus(context, cloud, 'Stopped', cluster)
}

function describeRuns(
  runs: { pipelineUuid: string; id: number | string; status: string }[]
): string {
  const shown = runs.slice(0, 10).map(run => `${run.pipelineUuid} (run ${run.id}, ${run.status})`)
  return (
    shown.join(', ') +
    (runs.length > shown.length ? `, and ${runs.length - shown.length} more` : '')
  )
}
