// POST /api/runs[/{token}]: run one block and answer with its output (mage_ai/server/api/runs.py;
// observations §4). The trigger token of any API schedule is the only credential. Failures
// come in three configurable forms (scenario cluster.runsFailureMode):
//   'envelope' (a real OSS server): HTTP 200 + the 500 exception envelope, for every failure;
//   'empty': HTTP 200 with an empty body, for every failure;
//   'pro' (Mage Pro docs): 401 Unauthenticated, 404 Resource Not Found; a raise as 'envelope'.
import { EXC, exceptionEnvelope } from './envelopes.js'
import { bearerToken, empty, parseJson, respond } from './http-util.js'
import { pyJsonResponse } from './pyjson.js'
import { isPlainObject } from './scenario.js'
import { blockOutcome, countExecution, findBlock, findPipeline } from './blocks.js'

const PRO = {
  auth: () =>
    pyJsonResponse(401, {
      error: { code: 401, message: 'Unauthenticated', type: 'unauthenticated' }
    }),
  notFound: () =>
    pyJsonResponse(404, {
      error: { code: 404, message: 'Resource Not Found', type: 'record_not_found' }
    })
}

// Python's type name for a JSON value, for "'list' object has no attribute 'get'".
function pyTypeName(value) {
  if (Array.isArray(value)) return 'list'
  if (value === null) return 'NoneType'
  return { string: 'str', number: 'int', boolean: 'bool' }[typeof value] ?? 'object'
}

export function createRunBlock(state, pipelineRuns) {
  const cfg = state.scenario.cluster

  return async function runBlock(ctx) {
    const mode = cfg.runsFailureMode
    const urlParameters = ctx.params.token !== undefined ? { token: ctx.params.token } : {}
    // category: 'auth' | 'notFound' | 'raise' | 'other' picks the answer in 'pro' mode.
    const fail = (category, exc) => {
      if (mode === 'empty') return empty(200)
      if (mode === 'pro' && PRO[category]) return PRO[category]()
      return exceptionEnvelope(exc, urlParameters)
    }

    const token = ctx.params.token ?? bearerToken(ctx.headers)
    if (!token) return fail('auth', EXC.invalidRunToken())
    const schedule = cfg.schedules.find(
      s => s.token === token && (s.schedule_type ?? 'api') === 'api'
    )
    if (!schedule) return fail('auth', EXC.noRow())

    let payload = {}
    if (ctx.body) {
      const parsed = parseJson(ctx.body)
      if (!parsed.ok) return fail('other', EXC.notJson())
      if (!isPlainObject(parsed.value)) {
        return fail('other', EXC.noAttribute(pyTypeName(parsed.value)))
      }
      payload = Object.hasOwn(parsed.value, 'run') ? parsed.value.run : {}
      if (!isPlainObject(payload)) return fail('other', EXC.noAttribute(pyTypeName(payload)))
    }
    const { pipeline_uuid: pipelineUuid, block_uuid: blockUuid, project } = payload
    const variables = payload.variables ?? {}
    const record = payload.record ?? true

    if (pipelineUuid === undefined || pipelineUuid === null) return fail('notFound', EXC.noneJoin())
    const pipeline = findPipeline(state.scenario, pipelineUuid)
    const repoPath = project ? `${cfg.repoPath.replace(/\/[^/]*$/, '')}/${project}` : cfg.repoPath
    if (!pipeline || (pipeline.project !== undefined && project && pipeline.project !== project)) {
      return fail('notFound', EXC.pipelineMissing(String(pipelineUuid), repoPath))
    }
    const block = findBlock(pipeline, blockUuid)
    if (!block) return fail('notFound', EXC.apiError())

    const finish = record
      ? pipelineRuns.recordBlockRun(schedule.id, pipelineUuid, blockUuid, variables)
      : () => {}
    if (payload.run_upstream_blocks) {
      for (const upstream of block.upstream ?? []) {
        const upstreamBlock = findBlock(pipeline, upstream)
        if (!upstreamBlock) continue
        countExecution(state, pipelineUuid, upstream)
        if (upstreamBlock.raise !== undefined) {
          finish(false)
          return fail('raise', raised(upstreamBlock, pipelineUuid, upstream))
        }
      }
    }

    countExecution(state, pipelineUuid, blockUuid)
    if (block.delayMs) await state.timers.sleep(block.delayMs)
    const outcome = blockOutcome(block, variables)
    if (outcome.raise) {
      finish(false)
      return fail('raise', raised(block, pipelineUuid, blockUuid))
    }
    finish(true)
    // The run value goes out verbatim (outputRaw may hold NaN/Infinity, as Python can write).
    return respond(200, `{"run": ${outcome.runText}}`)
  }

  function raised(block, pipelineUuid, blockUuid) {
    const type = block.exceptionType ?? 'ValueError'
    return EXC.blockRaised(type, String(block.raise), pipelineUuid, blockUuid, cfg.repoPath)
  }
}
