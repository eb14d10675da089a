// GET /api/pipelines/{uuid}/logs?pipeline_run_id[]=ID&block_uuid[]=b&_limit=N
// (mage-api.md §6.4): log files made up from the run records, so a failed block's log ends
// with its traceback, as a client that shows "the last lines" expects.
import { EXC, exceptionEnvelope } from './envelopes.js'
import { queryInt, queryList } from './http-util.js'
import { pyJsonResponse } from './pyjson.js'
import { findPipeline } from './blocks.js'

const stamp = value => (typeof value === 'string' ? value.slice(0, 19).replace(' ', 'T') : '')

function blockLog(blockRun) {
  const lines = [
    `${stamp(blockRun.started_at)} Start executing block with BlockExecutor.`,
    `${stamp(blockRun.started_at)} Executing block ${blockRun.block_uuid}.`
  ]
  if (blockRun.status === 'completed') {
    lines.push(`${stamp(blockRun.completed_at)} Block ${blockRun.block_uuid} completed.`)
    lines.push(`${stamp(blockRun.completed_at)} Finish executing block with BlockExecutor.`)
  } else if (blockRun.status === 'failed') {
    const error = blockRun.metrics?.error
    lines.push(`${stamp(blockRun.updated_at)} Failed to execute block ${blockRun.block_uuid}`)
    if (error?.message) lines.push(error.message)
  } else if (blockRun.status === 'cancelled') {
    lines.push(`${stamp(blockRun.updated_at)} Block ${blockRun.block_uuid} was cancelled.`)
  }
  return `${lines.join('\n')}\n`
}

function pipelineLog(run) {
  const lines = [
    `${stamp(run.created_at)} Pipeline ${run.pipeline_uuid} for run ${run.id} created.`
  ]
  if (run.started_at)
    lines.push(`${stamp(run.started_at)} Start a process for pipeline run ${run.id}.`)
  for (const blockRun of run.block_runs) {
    if (blockRun.started_at)
      lines.push(
        `${stamp(blockRun.started_at)} Block run ${blockRun.id} (${blockRun.block_uuid}) ${blockRun.status}.`
      )
  }
  if (run.status !== 'initial' && run.status !== 'running') {
    lines.push(`${stamp(run.updated_at)} Pipeline run ${run.id} ${run.status}.`)
  }
  return `${lines.join('\n')}\n`
}

export function createLogs(state) {
  const cfg = state.scenario.cluster

  return function getLogs(ctx) {
    const uuid = ctx.params.uuid
    if (!findPipeline(state.scenario, uuid)) {
      return exceptionEnvelope(EXC.pipelineMissingPlain(uuid), {
        resource: 'pipelines',
        pk: uuid,
        child: 'logs'
      })
    }
    const runIds = queryList(ctx.query, 'pipeline_run_id')
    const blockUuids = queryList(ctx.query, 'block_uuid')
    const limit = queryInt(ctx.query, '_limit', 20)
    const runs = state.pipelineRuns
      .filter(run => run.pipeline_uuid === uuid)
      .filter(run => runIds.length === 0 || runIds.includes(String(run.id)))
      .sort((a, b) => b.id - a.id)

    const dir = run =>
      `${cfg.repoPath}/pipelines/${uuid}/.logs/${run.variables?.execution_partition ?? `${run.pipeline_schedule_id}/${run.id}`}`
    const blockLogs = runs.flatMap(run =>
      run.block_runs
        .filter(
          blockRun =>
            blockRun.started_at &&
            (blockUuids.length === 0 || blockUuids.includes(blockRun.block_uuid))
        )
        .map(blockRun => ({
          name: `${blockRun.block_uuid}.log`,
          path: `${dir(run)}/${blockRun.block_uuid}.log`,
          content: blockLog(blockRun)
        }))
    )
    const runLogs = runs.map(run => ({
      name: 'pipeline.log',
      path: `${dir(run)}/pipeline.log`,
      content: pipelineLog(run)
    }))
    return pyJsonResponse(200, {
      logs: [
        {
          block_run_logs: blockLogs.slice(0, limit),
          pipeline_run_logs: runLogs.slice(0, limit),
          total_block_run_log_count: blockLogs.length,
          total_pipeline_run_log_count: runLogs.length
        }
      ],
      metadata: {}
    })
  }
}
