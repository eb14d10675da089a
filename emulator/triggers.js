// API triggers (mage_ai/server/api/triggers.py; observations §5):
//   POST /api/pipeline_schedules/{id}/api_trigger       (Authorization: Bearer <token>)
//   POST /api/pipeline_schedules/{id}/pipeline_runs/{token}
// No key or session; every failure is HTTP 200 + the 500 envelope whose url_parameters echo
// the path (token included), or an empty 200 with scenario cluster.triggerFailureMode 'empty'.
import { EXC, exceptionResponse } from './envelopes.js'
import { bearerToken, parseJson } from './http-util.js'
import { pyJsonResponse } from './pyjson.js'
import { isPlainObject } from './scenario.js'

const TRIGGERS = '/usr/local/lib/python3.10/site-packages/mage_ai/server/api/triggers.py'
// Keys of pipeline_run the PipelineRun model accepts besides variables.
const RUN_KEYWORDS = new Set(['variables', 'execution_date'])

export function createTrigger(state, pipelineRuns) {
  const cfg = state.scenario.cluster

  return async function trigger(ctx) {
    const idText = ctx.params.id
    const urlParameters =
      ctx.params.token !== undefined
        ? { pipeline_schedule_id: idText, token: ctx.params.token }
        : { pipeline_schedule_id: idText }
    const fail = exc => exceptionResponse(cfg.triggerFailureMode, exc, urlParameters)

    if (!/^\s*[+-]?\d+\s*$/.test(idText)) return fail(EXC.notInt(idText))
    const schedule = cfg.schedules.find(s => s.id === Number(idText))
    if (!schedule) return fail(EXC.apiError(404, 'Record not found.', 'record_not_found', TRIGGERS))
    if ((schedule.schedule_type ?? 'api') !== 'api') return fail(EXC.onlyApiTrigger())
    const token = ctx.params.token ?? bearerToken(ctx.headers)
    if (!schedule.token || token !== schedule.token) {
      return fail(EXC.invalidScheduleToken(schedule.id))
    }

    // Body: pipeline_run.variables; every other top-level key becomes event_variables.
    let variables = {}
    let eventVariables = null
    if (ctx.body) {
      const parsed = parseJson(ctx.body)
      if (!parsed.ok) return fail(EXC.notJson(TRIGGERS))
      if (!isPlainObject(parsed.value)) return fail(EXC.noAttribute('list', TRIGGERS))
      const { pipeline_run: pipelineRun = {}, ...rest } = parsed.value
      eventVariables = rest
      if (isPlainObject(pipelineRun)) {
        const unknown = Object.keys(pipelineRun).find(key => !RUN_KEYWORDS.has(key))
        if (unknown !== undefined) return fail(EXC.invalidKeyword(unknown))
        variables = isPlainObject(pipelineRun.variables) ? pipelineRun.variables : {}
      }
    }

    // Calling an inactive API trigger re-activates it (issue #5607; observed).
    if (schedule.status !== 'active') schedule.status = 'active'
    const run = pipelineRuns.trigger(schedule, variables, eventVariables)
    return pyJsonResponse(200, { pipeline_run: pipelineRuns.columns(run) })
  }
}
