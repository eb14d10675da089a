// Pipeline runs and their block runs: records created by triggers, by /api/runs (record: true)
// and by tests (addPipelineRun); a timer that moves triggered runs along; and the REST views
// (detail, list, block_runs, cancel/retry) with the shapes seen on a real server (§5).
import { apiError, EXC, exceptionEnvelope, traceback } from './envelopes.js'
import { formatDate, parseJson, queryInt, queryList, toIsoT } from './http-util.js'
import { pyJsonResponse } from './pyjson.js'
import { countExecution, findBlock, findPipeline, runBlockUuids } from './blocks.js'
import { isPlainObject } from './scenario.js'

export const RUN_STATUSES = ['initial', 'running', 'completed', 'failed', 'cancelled']
const TERMINAL = new Set(['completed', 'failed', 'cancelled'])
const BLOCK_TERMINAL = new Set([
  'completed',
  'failed',
  'cancelled',
  'upstream_failed',
  'condition_failed'
])
const COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'pipeline_schedule_id',
  'pipeline_uuid',
  'execution_date',
  'status',
  'started_at',
  'completed_at',
  'variables',
  'passed_sla',
  'event_variables',
  'metrics',
  'backfill_id',
  'executor_type'
]
const BLOCK_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'pipeline_run_id',
  'block_uuid',
  'status',
  'started_at',
  'completed_at',
  'metrics'
]

const pick = (record, keys) => Object.fromEntries(keys.map(key => [key, record[key]]))
const sortKeys = record =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)))
const micro = formatDate.micro

export function createPipelineRuns(state) {
  const runs = state.pipelineRuns
  const internal = new Map() // run id → { timer, failPending, blockStartedMs }
  let nextRunId = 1
  let nextBlockRunId = 1

  const scheduleOf = id => state.scenario.cluster.schedules.find(schedule => schedule.id === id)

  function newRun(now, fields) {
    const run = {
      id: nextRunId++,
      created_at: formatDate.plain(now),
      updated_at: formatDate.plain(now),
      pipeline_schedule_id: null,
      pipeline_uuid: null,
      execution_date: micro(now),
      status: 'initial',
      started_at: null,
      completed_at: null,
      variables: {},
      passed_sla: false,
      event_variables: null,
      metrics: null,
      backfill_id: null,
      executor_type: 'local_python',
      ...fields,
      block_runs: []
    }
    runs.push(run)
    internal.set(run.id, {})
    return run
  }

  function newBlockRun(run, now, blockUuid, status, extra = {}) {
    const blockRun = {
      id: nextBlockRunId++,
      created_at: formatDate.plain(now),
      updated_at: formatDate.plain(now),
      pipeline_run_id: run.id,
      block_uuid: blockUuid,
      status,
      started_at: null,
      completed_at: null,
      metrics: null,
      ...extra
    }
    run.block_runs.push(blockRun)
    return blockRun
  }

  function setBlock(blockRun, status, now) {
    blockRun.status = status
    blockRun.updated_at = formatDate.plain(now)
  }

  // A run started by an API trigger: block runs exist at once and progress on a timer.
  function trigger(schedule, variables, eventVariables) {
    const now = Date.now()
    const run = newRun(now, {
      pipeline_schedule_id: schedule.id,
      pipeline_uuid: schedule.pipeline_uuid,
      variables: {
        ...variables,
        execution_partition: `${schedule.id}/${formatDate.partition(now)}`
      },
      event_variables: eventVariables
    })
    for (const uuid of runBlockUuids(findPipeline(state.scenario, schedule.pipeline_uuid))) {
      newBlockRun(run, now, uuid, 'initial')
    }
    scheduleTick(run)
    return run
  }

  // The record /api/runs leaves with record: true (pre-set completed, flipped on failure).
  function recordBlockRun(scheduleId, pipelineUuid, blockUuid, variables) {
    const now = Date.now()
    const run = newRun(now, {
      pipeline_schedule_id: scheduleId,
      pipeline_uuid: pipelineUuid,
      status: 'completed',
      started_at: micro(now),
      completed_at: micro(now),
      variables
    })
    const blockRun = newBlockRun(run, now, blockUuid, 'running', {
      started_at: micro(now),
      metrics: variables
    })
    return ok => {
      const end = Date.now()
      if (ok) {
        setBlock(blockRun, 'completed', end)
        blockRun.completed_at = micro(end)
      } else {
        setBlock(blockRun, 'failed', end)
        run.status = 'failed'
        run.updated_at = formatDate.plain(end)
      }
    }
  }

  // Test hook: a static run (no timer), e.g. a long-running one for skip-if-busy.
  function preload({
    pipeline_uuid,
    status = 'running',
    started_at,
    pipeline_schedule_id = null,
    variables = {}
  }) {
    if (!RUN_STATUSES.includes(status)) throw new TypeError(`unknown pipeline run status ${status}`)
    const now = Date.now()
    const startedAt =
      started_at instanceof Date
        ? micro(started_at)
        : (started_at ?? (status === 'initial' ? null : micro(now)))
    const run = newRun(now, {
      pipeline_schedule_id,
      pipeline_uuid,
      status,
      started_at: startedAt,
      completed_at: status === 'completed' ? micro(now) : null,
      variables
    })
    for (const uuid of runBlockUuids(findPipeline(state.scenario, pipeline_uuid))) {
      newBlockRun(run, now, uuid, status, { started_at: status === 'initial' ? null : startedAt })
    }
    internal.get(run.id).static = true
    return run
  }

  function scheduleTick(run) {
    const info = internal.get(run.id)
    info.timer = state.timers.after(state.timing.runStepMs, () => {
      info.timer = undefined
      step(run)
    })
  }

  // One tick: initial → running (blocks queued); then one block moves per tick; a failed
  // block fails the run one tick later (a real server takes about 10 s).
  function step(run) {
    const info = internal.get(run.id)
    if (TERMINAL.has(run.status)) return
    const now = Date.now()
    run.updated_at = formatDate.plain(now)
    const pipeline = findPipeline(state.scenario, run.pipeline_uuid)
    if (run.status === 'initial') {
      run.status = 'running'
      run.started_at = micro(now)
      for (const blockRun of run.block_runs)
        if (blockRun.status === 'initial') setBlock(blockRun, 'queued', now)
      return scheduleTick(run)
    }
    if (info.failPending) {
      run.status = 'failed'
      return undefined
    }
    const blockRun = run.block_runs.find(candidate => !BLOCK_TERMINAL.has(candidate.status))
    if (!blockRun) return complete(run, now)
    const block = pipeline ? findBlock(pipeline, blockRun.block_uuid) : undefined
    if (blockRun.status !== 'running') {
      setBlock(blockRun, 'running', now)
      blockRun.started_at = micro(now)
      info.blockStartedMs = now
      countExecution(state, run.pipeline_uuid, blockRun.block_uuid)
      return pipeline?.stuck ? undefined : scheduleTick(run)
    }
    if (block?.delayMs && now - info.blockStartedMs < block.delayMs) return scheduleTick(run)
    if (block?.raise !== undefined) {
      setBlock(blockRun, 'failed', now)
      blockRun.metrics = failureMetrics(run, blockRun, block)
      for (const rest of run.block_runs) {
        if (!BLOCK_TERMINAL.has(rest.status)) setBlock(rest, 'upstream_failed', now)
      }
      info.failPending = true
      return scheduleTick(run)
    }
    setBlock(blockRun, 'completed', now)
    blockRun.completed_at = micro(now)
    if (run.block_runs.every(candidate => candidate.status === 'completed')) {
      return complete(run, now)
    }
    return scheduleTick(run)
  }

  function complete(run, now) {
    run.status = 'completed'
    run.completed_at = micro(now)
  }

  function failureMetrics(run, blockRun, block) {
    const exc = EXC.blockRaised(
      block.exceptionType ?? 'ValueError',
      String(block.raise),
      run.pipeline_uuid,
      blockRun.block_uuid,
      state.scenario.cluster.repoPath
    )
    return { error: { error: exc.text, errors: exc.frames, message: traceback(exc) } }
  }

  function stopTimer(run) {
    const info = internal.get(run.id)
    state.timers.cancel(info.timer)
    info.timer = undefined
  }

  // Cancelling a finished run is a silent no-op, as on a real server.
  function cancel(run) {
    if (TERMINAL.has(run.status)) return
    const now = Date.now()
    stopTimer(run)
    run.status = 'cancelled'
    run.updated_at = formatDate.plain(now)
    for (const blockRun of run.block_runs) {
      if (!BLOCK_TERMINAL.has(blockRun.status)) setBlock(blockRun, 'cancelled', now)
    }
  }

  function retry(run) {
    const now = Date.now()
    const info = internal.get(run.id)
    stopTimer(run)
    info.failPending = false
    run.status = 'running'
    run.completed_at = null
    run.updated_at = formatDate.plain(now)
    for (const blockRun of run.block_runs) {
      if (blockRun.status !== 'completed') setBlock(blockRun, 'initial', now)
    }
    if (!info.static) scheduleTick(run)
  }

  function blockRunView(blockRun, run, withSchedule) {
    const view = pick(blockRun, BLOCK_COLUMNS)
    if (withSchedule) {
      view.pipeline_schedule_id = run.pipeline_schedule_id
      view.pipeline_schedule_name = scheduleOf(run.pipeline_schedule_id)?.name ?? null
    }
    return view
  }

  const columns = run => pick(run, COLUMNS)

  function detailView(run) {
    return sortKeys({
      ...columns(run),
      block_runs: run.block_runs.map(b => blockRunView(b, run, true))
    })
  }

  function listView(run) {
    const schedule = scheduleOf(run.pipeline_schedule_id)
    return sortKeys({
      ...columns(run),
      block_runs: run.block_runs.map(b => blockRunView(b, run, false)),
      block_runs_count: run.block_runs.length,
      completed_block_runs_count: run.block_runs.filter(b => b.status === 'completed').length,
      pipeline_schedule_name: schedule?.name ?? null,
      pipeline_schedule_token: schedule?.token ?? null,
      pipeline_schedule_type: schedule?.schedule_type ?? null,
      pipeline_tags: [],
      pipeline_type: 'python',
      repo_path: state.scenario.cluster.repoPath
    })
  }

  const findRun = text =>
    /^\d+$/.test(text) ? runs.find(run => run.id === Number(text)) : undefined

  function getRun(ctx) {
    const run = findRun(ctx.params.id)
    if (!run) return apiError(ctx, 'notFound')
    return pyJsonResponse(200, { pipeline_run: detailView(run), metadata: null })
  }

  function updateRun(ctx) {
    const run = findRun(ctx.params.id)
    if (!run) return apiError(ctx, 'notFound')
    const parsed = ctx.body ? parseJson(ctx.body) : { ok: true, value: {} }
    if (!parsed.ok) {
      return exceptionEnvelope(EXC.notJson(), { resource: 'pipeline_runs', pk: ctx.params.id })
    }
    const payload =
      isPlainObject(parsed.value) && isPlainObject(parsed.value.pipeline_run)
        ? parsed.value.pipeline_run
        : {}
    if (payload.pipeline_run_action === 'retry_blocks') retry(run)
    else if (payload.status === 'cancelled') cancel(run)
    else if (payload.status !== undefined) {
      if (!RUN_STATUSES.includes(payload.status)) {
        return apiError(ctx, 'invalid', { message: `Invalid status ${String(payload.status)}.` })
      }
      if (TERMINAL.has(payload.status)) stopTimer(run)
      run.status = payload.status
      run.updated_at = formatDate.plain(Date.now())
    }
    return pyJsonResponse(200, { pipeline_run: sortKeys(columns(run)), metadata: null })
  }

  // GET /api/pipeline_runs (and /api/pipeline_schedules/{id}/pipeline_runs): id desc.
  function listRuns(ctx) {
    const statuses = queryList(ctx.query, 'status')
    const pipelines = queryList(ctx.query, 'pipeline_uuid')
    const scheduleIds = [
      ...queryList(ctx.query, 'pipeline_schedule_id'),
      ...(ctx.params.id ? [ctx.params.id] : [])
    ]
    const limit = queryInt(ctx.query, '_limit', 40)
    const offset = queryInt(ctx.query, '_offset', 0)
    const matching = runs
      .filter(run => statuses.length === 0 || statuses.includes(run.status))
      .filter(run => pipelines.length === 0 || pipelines.includes(run.pipeline_uuid))
      .filter(
        run => scheduleIds.length === 0 || scheduleIds.includes(String(run.pipeline_schedule_id))
      )
      .sort((a, b) => b.id - a.id)
    const page = matching.slice(offset, offset + limit)
    return pyJsonResponse(200, {
      pipeline_runs: page.map(listView),
      metadata: { count: matching.length, next: offset + page.length < matching.length }
    })
  }

  // GET /api/pipeline_runs/{id}/block_runs: ISO "T" datetimes, schedule fields null (§5).
  function listBlockRuns(ctx) {
    const run = findRun(ctx.params.id)
    if (!run) return apiError(ctx, 'notFound')
    const blockRuns = run.block_runs.map(blockRun => {
      const view = blockRunView(blockRun, run, false)
      for (const key of ['created_at', 'updated_at', 'started_at', 'completed_at'])
        view[key] = toIsoT(view[key])
      return { ...view, pipeline_schedule_id: null, pipeline_schedule_name: null }
    })
    return pyJsonResponse(200, {
      block_runs: blockRuns,
      metadata: { count: blockRuns.length, next: false }
    })
  }

  function stopAll() {
    for (const run of runs) if (internal.has(run.id)) stopTimer(run)
  }

  return {
    trigger,
    recordBlockRun,
    preload,
    getRun,
    updateRun,
    listRuns,
    listBlockRuns,
    stopAll,
    columns
  }
}
