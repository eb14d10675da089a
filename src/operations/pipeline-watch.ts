// Waits for a triggered pipeline run to end: polls with jitter, logs each status change, rides
// out transient read failures, and at the deadline cancels the run it waited on. The post step
// can cancel it while the wait lasts (state saved here, cleared when the wait ends).
import type { ClusterClient } from '../cluster/cluster-client.js'
import { FINAL_RUN_STATUSES, type PipelineRunRecord } from '../cluster/pipeline-runs.js'
import { forgetWaitedRun, rememberWaitedRun } from '../cluster/post-state.js'
import {
  MageApiError,
  NetworkError,
  OperationError,
  RequestTimeoutError,
  errorMessage
} from '../errors.js'
import type { OperationContext } from './context.js'

/** Read failures worth another poll: the cluster may be restarting or a proxy hiccupped. */
const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504])

export async function watchRun(
  context: OperationContext,
  client: ClusterClient,
  clusterUrl: string,
  triggered: PipelineRunRecord,
  onUpdate: (run: PipelineRunRecord) => void
): Promise<PipelineRunRecord> {
  const { io } = context
  rememberWaitedRun(io, clusterUrl, triggered.id)
  let keepState = false
  try {
    let run = triggered
    while (!FINAL_RUN_STATUSES.has(run.status)) {
      await pollPause(context)
      if (context.deadline.expired()) {
        const ended = await cancelAtDeadline(context, client, run)
        // A cancel that did not take leaves the run id for the post step, which tries again.
        keepState = ended.stillRunning
        if (ended.failure) throw ended.failure
        return ended.run
      }
      const next = await readRun(context, client, run.id)
      if (!next) continue
      logChanges(context, run, next)
      run = { ...next, pipelineUuid: next.pipelineUuid ?? run.pipelineUuid }
      onUpdate(run)
    }
    return run
  } finally {
    if (!keepState) forgetWaitedRun(io)
  }
}

async function pollPause(context: OperationContext): Promise<void> {
  const { clock, deadline, common } = context
  const pause = common.pollIntervalMs * (1 + 0.1 * clock.random())
  await clock.sleep(Math.min(pause, deadline.remainingMs()))
}

/** One poll; undefined after a transient failure (the next poll tries again). */
async function readRun(
  context: OperationContext,
  client: ClusterClient,
  id: number | string
): Promise<PipelineRunRecord | undefined> {
  try {
    return await client.getPipelineRun(id)
  } catch (error) {
    const transient =
      error instanceof NetworkError ||
      error instanceof RequestTimeoutError ||
      (error instanceof MageApiError &&
        error.fields.kind !== 'envelope' &&
        TRANSIENT_STATUSES.has(error.httpStatus))
    // At the deadline too: the loop then cancels the run it waited on.
    if (!transient) throw error
    const reason = context.secrets.redact(errorMessage(error))
    context.io.info(`Could not read pipeline run ${id} (${reason}); polling on`)
    return undefined
  }
}

function logChanges(
  context: OperationContext,
  before: PipelineRunRecord,
  after: PipelineRunRecord
): void {
  const { io } = context
  if (after.status !== before.status) {
    io.info(`Pipeline run ${after.id}: ${before.status} → ${after.status}`)
  } else {
    io.debug(`Pipeline run ${after.id}: ${after.status}`)
  }
  const previous = new Map((before.blockRuns ?? []).map(block => [block.blockUuid, block.status]))
  for (const block of after.blockRuns ?? []) {
    const was = previous.get(block.blockUuid)
    if (was !== block.status) {
      io.info(`  block ${block.blockUuid}: ${was === undefined ? '' : `${was} → `}${block.status}`)
    }
  }
}

interface DeadlineEnd {
  readonly run: PipelineRunRecord
  /** The step fails with this (the run was cancelled, or could not be). */
  readonly failure?: OperationError
  /** The cancel did not take: the run may still be going. */
  readonly stillRunning: boolean
}

/**
 * At the deadline: cancel the run (one request, at most 10 s). Mage ignores a cancel on a run
 * that has just ended and answers with its real status, which then decides the outcome.
 */
async function cancelAtDeadline(
  context: OperationContext,
  client: ClusterClient,
  last: PipelineRunRecord
): Promise<DeadlineEnd> {
  const { io } = context
  const timedOut = `timed out waiting for pipeline run ${last.id}; last status seen: '${last.status}'`
  io.info(`Timeout reached: cancelling pipeline run ${last.id} (last status seen: ${last.status})`)
  let answer: PipelineRunRecord
  try {
    answer = await client.cancelPipelineRun(last.id, { lastRead: true })
  } catch (error) {
    const message = `${timedOut}; cancelling it failed (${errorMessage(error)}), so it may still be running`
    return { run: last, failure: new OperationError(message, last.status), stillRunning: true }
  }
  const run = {
    ...answer,
    pipelineUuid: answer.pipelineUuid ?? last.pipelineUuid,
    blockRuns: answer.blockRuns ?? last.blockRuns
  }
  if (run.status === 'cancelled') {
    io.info(`Pipeline run ${run.id} cancelled`)
    const failure = new OperationError(`${timedOut}; the run was cancelled`, 'cancelled')
    return { run, failure, stillRunning: false }
  }
  if (!FINAL_RUN_STATUSES.has(run.status)) {
    const message = `${timedOut}; the cancel answered status '${run.status}', so it may still be running`
    return { run, failure: new OperationError(message, run.status), stillRunning: true }
  }
  io.info(`Pipeline run ${run.id} had already ended: ${run.status}`)
  return { run, stillRunning: false }
}
