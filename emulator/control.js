// A small control API on the cluster server under /__emulator/ (no auth, not recorded, never
// faulted) so that a workflow or a shell can steer an emulator started from the command line.
import { json, parseJson } from './http-util.js'
import { isPlainObject } from './scenario.js'

// JSON has no RegExp or Infinity: `pathRegex` and times -1 / null / "Infinity" stand in.
function faultFromJson(body) {
  const { pathRegex, ...fault } = body
  if (pathRegex !== undefined) fault.path = new RegExp(pathRegex)
  if (fault.times === null || fault.times === -1 || fault.times === 'Infinity')
    fault.times = Infinity
  return fault
}

// Serialises state for the wire: RegExp as its source text, Infinity as a string.
export function toWire(value) {
  return JSON.stringify(value, (key, inner) => {
    if (inner instanceof RegExp) return String(inner)
    if (inner === Infinity) return 'Infinity'
    return inner
  })
}

export function createControl(emu) {
  // Actions that change something answer {"ok": true}.
  const done = change => (ctx, body) => {
    change(body, ctx)
    return { ok: true }
  }
  const actions = {
    'GET state': () => JSON.parse(toWire(emu.snapshot())),
    'GET requests': ctx => {
      const server = ctx.query.get('server')
      const requests = server ? emu.requests.filter(entry => entry.server === server) : emu.requests
      return { requests: JSON.parse(toWire(requests)) }
    },
    'POST faults': done(body => emu.inject(faultFromJson(body))),
    'POST reset-faults': done(() => emu.clearFaults()),
    'POST clear-requests': done(() => emu.clearRequests()),
    'POST expire-sessions': done(body => emu.expireSessions(body.server)),
    'POST cluster-status': done(body => emu.setClusterStatus(body.status, body.config)),
    'POST stale-writer': done(body => emu.staleWriter(body)),
    'POST never-active': done(body => emu.neverActive(body.on ?? true)),
    'POST pipeline-runs': (ctx, body) => ({ pipeline_run: emu.addPipelineRun(body) })
  }

  return async function control(ctx) {
    const action = actions[`${ctx.method} ${ctx.path.slice('/__emulator/'.length)}`]
    if (!action) return json(404, { error: `unknown control route ${ctx.method} ${ctx.path}` })
    const parsed = ctx.body ? parseJson(ctx.body) : { ok: true, value: {} }
    if (!parsed.ok || !isPlainObject(parsed.value)) {
      return json(400, { error: 'body must be a JSON object' })
    }
    try {
      return json(200, await action(ctx, parsed.value))
    } catch (err) {
      return json(400, { error: err instanceof Error ? err.message : String(err) })
    }
  }
}
