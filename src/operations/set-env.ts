// set-env: a read-modify-write of extraEnvs that keeps every other variable and config key.
// Every later read of the cluster — the read-back after the write, and the polls while it
// restarts — checks the change is still there; one that is gone was overwritten by a concurrent
// writer: merged and written again, at most 3 times in all.
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

interface Step {
  readonly context: OperationContext
  readonly config: SetEnvConfig
  readonly cloud: CloudClient
  remerges: number
  /** Names written so far, for `env-names` (a re-merge may write what needed nothing at first). */
  readonly names: Set<string>
}

export async function setEnv(context: OperationContext, config: SetEnvConfig): Promise<void> {
  const { io, report, common, secrets } = context
  for (const { value } of config.env) {
    if (value.length >= MIN_MASKED_VALUE_LENGTH) secrets.add(value)
  }
  const { cloud, cluster } = await openCloud(context, config.cloud)
  const plan = planEnvChange(cluster.config.extraEnvs, config.env, config.unset)
  const step: Step = { context, config, cloud, remerges: 0, names: new Set() }
  reportNames(step, plan.changedNames)

  if (plan.changedNames.length === 0) {
    io.info('Every variable already has the requested value: nothing to write')
    return settle(step, cluster, false)
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
  const latest = await readBack(step)

  if (wasStopped) {
    io.notice('The cluster is Stopped: the new values apply at its next start')
    return
  }
  return settle(step, latest, true)
}

/** Reads the cluster after a write until the change is there, merging again while it is not. */
async function readBack(step: Step): Promise<CloudCluster> {
  const { report } = step.context
  for (;;) {
    const cluster = await step.cloud.getCluster({ log: 'info' })
    report.status = cluster.status
    report.set('cluster-status', cluster.status)
    if (!(await remergeIfLost(step, cluster))) return cluster
  }
}

/**
 * A change missing from `cluster` was overwritten: writes it again on top of what is there now
 * (true), or fails after MAX_REMERGES. False when the change is in place.
 */
async function remergeIfLost(step: Step, cluster: CloudCluster): Promise<boolean> {
  const { context, config } = step
  const lost = missingChanges(cluster.config.extraEnvs, config.env, config.unset)
  if (lost.length === 0) return false
  if (step.remerges >= MAX_REMERGES) {
    context.report.row('Re-merges', `${MAX_REMERGES} (the change is still lost)`)
    throw new OperationError(
      `another writer kept overwriting the cluster's env (${lost.join(', ')} lost after ${MAX_REMERGES} re-merges); ` +
        'serialise env changes per cluster with a workflow concurrency group',
      cluster.status
    )
  }
  step.remerges++
  context.report.row('Re-merges', String(step.remerges))
  context.io.warning(
    `A concurrent write overwrote ${lost.join(', ')}; merging again (${step.remerges} of ${MAX_REMERGES})`
  )
  const plan = planEnvChange(cluster.config.extraEnvs, config.env, config.unset)
  reportNames(step, plan.changedNames)
  await step.cloud.putCluster(
    { config: { ...cluster.config, extraEnvs: plan.extraEnvs } },
    cluster.etag
  )
  context.report.changed = true
  return true
}

/** `env-names` and the summary row: every name written, in input order. */
function reportNames(step: Step, changed: readonly string[]): void {
  for (const name of changed) step.names.add(name)
  const order = [...step.config.env.map(entry => entry.name), ...step.config.unset]
  const names = order.filter(name => step.names.has(name))
  step.context.report.set('env-names', JSON.stringify(names))
  const removed = new Set(step.config.unset)
  const set = names.filter(name => !removed.has(name))
  const unset = names.filter(name => removed.has(name))
  const parts = [
    ...(set.length > 0 ? [`set ${set.join(', ')}`] : []),
    ...(unset.length > 0 ? [`removed ${unset.join(', ')}`] : [])
  ]
  step.context.report.row('Env names', parts.join('; ') || '(none changed)')
}

/**
 * An env write restarts a running cluster: wait for Active again, then for it to serve. The
 * polls read the whole config: a change lost meanwhile is not reported as a success.
 */
async function settle(step: Step, cluster: CloudCluster, wrote: boolean): Promise<void> {
  const { context, config, cloud } = step
  if (!context.common.wait || cluster.status === 'Stopped' || cluster.status === 'Stopping') return
  if (wrote && cluster.status === 'Active') {
    context.io.info(
      'No restart seen at the first read after the write (the Cloud API gives no restart signal)'
    )
  }
  let current = cluster
  for (;;) {
    const active = await waitForClusterStatus(context, cloud, 'Active', current)
    if (!(await remergeIfLost(step, active))) break
    current = await readBack(step)
  }
  if (config.clusterUrl) await waitForServing(context, config.clusterUrl)
}
