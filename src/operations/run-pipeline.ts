// run-pipeline: trigger a pipeline through its API trigger (token in a Bearer header, sent
// once), report the run, and with `wait` watch it to completed, failed or cancelled — only
// completed succeeds. A failed run's failed blocks show their last log lines.
import { ClusterClient } from '../cluster/cluster-client.js'
import { tailLines } from '../cluster/log-tail.js'
import type { PipelineRunRecord } from '../cluster/pipeline-runs.js'
import { describeRunFailure } from '../cluster/run-failure.js'
import { TriggerClient } from '../cluster/trigger-client.js'
import { printUntrusted } from '../report/untrusted-log.js'
import type { RunPipelineConfig } from '../config/types.js'
import { ConfigError, OperationError, OutcomeUnknownError, errorMessage } from '../errors.js'
import { escapeHtml, table } from '../report/markdown.js'
import type { OperationContext } from './context.js'
import { watchRun } from './pipeline-watch.js'

/** Failed blocks whose logs are fetched: the first few say what went wrong. */
const MAX_LOGGED_BLOCKS = 5
/** Keeps the summary table well under 64 KiB. */
const MAX_TABLE_ROWS = 300

export async function runPipeline(
  context: OperationContext,
  config: RunPipelineConfig
): Promise<void> {
  const { io, report, common } = context
  const client = new ClusterClient(context.http('cluster'), config.clusterUrl, config.cluster)
  report.row('Trigger', `schedule ${config.scheduleId}`)
  if (common.wait) await prepareToWatch(context, client, config)

  let run = await trigger(context, config)
  const publish = (current: PipelineRunRecord): void => publishRun(context, config, current)
  publish(run)
  try {
    if (!common.wait) {
      io.info(`Pipeline run ${run.id} triggered (${run.status}); wait is false: not waiting`)
      return
    }
    run = await watchRun(context, client, config.clusterUrl, run, current => {
      run = current
      publish(current)
    }).catch((error: unknown) => {
      // The wait's own verdict (cancelled at the deadline) is the status users see.
      if (error instanceof OperationError && error.status) report.status = error.status
      throw error
    })
    publish(run)
  } finally {
    const blocks = (run.blockRuns ?? []).slice(0, MAX_TABLE_ROWS)
    if (blocks.length > 0) {
      const rows = blocks.map(block => [block.blockUuid, block.status])
      report.section(['#### Blocks', '', table(['Block', 'Status'], rows)].join('\n'))
    }
  }
  if (run.status === 'failed') {
    // After the blocks table: the summary says which block failed, then shows its last lines.
    await showFailedBlockLogs(context, client, run)
    const failed = failedBlocks(run)
    const which = failed.length > 0 ? `; failed block(s): ${failed.join(', ')}` : ''
    throw new OperationError(`pipeline run ${run.id} failed${which}`, 'failed')
  }
  if (run.status === 'cancelled') {
    throw new OperationError(`pipeline run ${run.id} was cancelled`, 'cancelled')
  }
  io.info(`Pipeline run ${run.id} completed`)
}

/** Before triggering: make sure the run can be watched, so no run starts unseen. */
async function prepareToWatch(
  context: OperationContext,
  client: ClusterClient,
  config: RunPipelineConfig
): Promise<void> {
  if (config.cluster) {
    await client.login()
    return
  }
  const status = await client.getStatus()
  if (status.requireUserAuthentication === true) {
    throw new ConfigError(
      'cluster-email',
      'the cluster requires login to watch the run: give cluster-email and cluster-password, or set wait: false'
    )
  }
}

async function trigger(
  context: OperationContext,
  config: RunPipelineConfig
): Promise<PipelineRunRecord> {
  const { io, report } = context
  const triggers = new TriggerClient(
    context.http('cluster'),
    config.clusterUrl,
    config.triggerToken
  )
  io.info(`Triggering the pipeline of schedule ${config.scheduleId}`)
  try {
    const run = await triggers.triggerPipeline(config.scheduleId, config.variables)
    report.changed = true
    io.info(`Pipeline run ${run.id} created (${run.status})`)
    return run
  } catch (error) {
    const failure = describeRunFailure(error, 'trigger')
    if (!failure) throw error
    if (error instanceof OutcomeUnknownError) report.changed = true
    if (failure.traceback) await printUntrusted(io, 'Traceback of the trigger', failure.traceback)
    const hint = failure.hint ? ` (likely cause: ${failure.hint})` : ''
    throw new OperationError(
      `the trigger of schedule ${config.scheduleId} failed: ${failure.text}${hint}`,
      'failed'
    )
  }
}

function publishRun(
  context: OperationContext,
  config: RunPipelineConfig,
  run: PipelineRunRecord
): void {
  const { report } = context
  report.status = run.status
  report.set('pipeline-run-id', String(run.id))
  if (run.pipelineUuid) {
    const url = `${config.clusterUrl}/pipelines/${encodeURIComponent(run.pipelineUuid)}/runs/${encodeURIComponent(String(run.id))}`
    report.set('run-url', url)
    report.link('Pipeline run in Mage', url)
    report.row('Pipeline', run.pipelineUuid)
  }
  report.row('Pipeline run', String(run.id))
  const statuses = Object.fromEntries((run.blockRuns ?? []).map(b => [b.blockUuid, b.status]))
  report.set('block-statuses', JSON.stringify(statuses))
}

function failedBlocks(run: PipelineRunRecord): string[] {
  return (run.blockRuns ?? []).filter(b => b.status === 'failed').map(b => b.blockUuid)
}

/** The last log lines of each failed block, masked and bounded, in the log and the summary. */
async function showFailedBlockLogs(
  context: OperationContext,
  client: ClusterClient,
  run: PipelineRunRecord
): Promise<void> {
  const { io, report, secrets } = context
  if (!run.pipelineUuid) return
  const failed = failedBlocks(run)
  for (const block of failed.slice(0, MAX_LOGGED_BLOCKS)) {
    let tail: string
    try {
      tail = secrets.redact(tailLines(await client.getBlockLogs(run.pipelineUuid, run.id, block)))
    } catch (error) {
      io.info(`Could not read the logs of block '${block}': ${secrets.redact(errorMessage(error))}`)
      continue
    }
    if (tail === '') continue
    await printUntrusted(io, `Last log lines of block '${block}'`, tail)
    report.section(
      `<details><summary>Last log lines of <code>${escapeHtml(block)}</code></summary>\n\n` +
        `<pre>${escapeHtml(tail)}</pre>\n\n</details>`
    )
  }
  if (failed.length > MAX_LOGGED_BLOCKS) {
    io.info(`Logs of ${failed.length - MAX_LOGGED_BLOCKS} more failed block(s) not shown`)
  }
}
