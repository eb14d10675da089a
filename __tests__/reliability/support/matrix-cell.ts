// Runs one cell of the fault matrix: a fresh emulator, the fault armed, dist/index.js run as the
// runner runs it, then the outcome and every invariant checked. Returns the problems found.
import { type Emulator, startEmulator } from '../../../emulator/index.js'
import { type ActionRun, runAction } from '../../helpers/run-action.js'
import { crossHostLeaks, lostConfigItems, stackFrames } from './invariants.js'
import type { Outcome, Plan } from './matrix-faults.js'
import type { Target } from './matrix-targets.js'

/** Emulator timings scaled down: a start or stop step takes 0.1 s, a run tick 50 ms. */
const FAST = { transitionMs: 100, servingDelayMs: 50, runStepMs: 50, deployRestartMs: 100 }
/** Seconds, as `<n>s`. */
const DEFAULT_TIMEOUT = '8s'
/** SPEC: the step ends within `timeout` + 15 s. */
const DEADLINE_SLACK_MS = 15_000

export interface CellResult {
  readonly problems: string[]
  readonly outcome: Outcome
  readonly faultsFired: number
  readonly lost: string[]
  readonly ranTwice: boolean
  readonly durationMs: number
}

export async function runCell(target: Target, plan: Plan, proxyUrl: string): Promise<CellResult> {
  const hook = plan.hook
  // The hook runs only once requests arrive, after `emu` is set.
  const emu: Emulator = await startEmulator({
    timing: { ...FAST, ...plan.timing },
    onRequest: hook ? request => hook(emu, request) : undefined
  })
  try {
    target.prepare(emu)
    plan.arm?.(emu)
    const timeout = plan.timeout ?? DEFAULT_TIMEOUT
    const run = await runAction({
      inputs: { ...target.inputs(emu), ...plan.inputs, timeout },
      // Loopback bypasses the proxy; anything else would land in the trap.
      env: { ...target.env, HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl }
    })
    return judge(emu, target, plan, run, Number.parseInt(timeout, 10) * 1000)
  } finally {
    await emu.stop()
  }
}

export function outcomeOf(run: Pick<ActionRun, 'code' | 'outputs'>): Outcome {
  if (run.code === 0) return 'success'
  return /outcome unknown/.test(run.outputs.error ?? '') ? 'unknown' : 'failure'
}

function judge(
  emu: Emulator,
  target: Target,
  plan: Plan,
  run: ActionRun,
  timeoutMs: number
): CellResult {
  const problems: string[] = []
  const { outputs } = run
  const error = outputs.error ?? ''
  const outcome = outcomeOf(run)
  if (outcome !== plan.expect) {
    problems.push(`outcome ${outcome} (expected ${plan.expect}); error: ${error || '(none)'}`)
  }
  if (run.code === 0) {
    if (error !== '') problems.push(`success with an error output: ${error}`)
    if (plan.expect === 'success') problems.push(...(plan.verify ?? target.verify)(emu, outputs))
  } else {
    if (!outputs.status) problems.push('no status output on failure')
    if (!error) problems.push('no error output on failure')
    if (/[\r\n]/.test(error)) problems.push('the error output has several lines')
    if (plan.error && !plan.error.test(error)) problems.push(`error does not match ${plan.error}`)
  }
  if (outcome === 'unknown' && outputs.changed !== 'true') {
    problems.push('outcome unknown without changed: true')
  }
  if (plan.status !== undefined && outputs.status !== plan.status) {
    problems.push(`status output ${outputs.status} (expected ${plan.status})`)
  }
  const limit = plan.early ? timeoutMs : timeoutMs + DEADLINE_SLACK_MS
  if (run.durationMs >= limit) problems.push(`took ${run.durationMs} ms (limit ${limit} ms)`)
  const frames = stackFrames(`${run.stdout}\n${run.stderr}`)
  if (frames.length > 0) problems.push(`stack trace printed: ${frames[0].trim()}`)
  const lost = lostConfigItems(emu)
  if (lost.length > 0) problems.push(`config lost: ${lost.join(', ')}`)
  problems.push(...crossHostLeaks(emu))

  let ranTwice = false
  if (target.ran) {
    const ran = target.ran(emu)
    ranTwice = ran > 1
    const expected = plan.ran ?? (target.route.kind === 'once' && plan.expect !== 'success' ? 0 : 1)
    if (ran !== expected) problems.push(`ran ${ran} time(s) (expected ${expected})`)
  }
  problems.push(...(plan.check?.(emu) ?? []))
  return {
    problems,
    outcome,
    faultsFired: emu.requests.filter(request => request.fault !== undefined).length,
    lost,
    ranTwice,
    durationMs: run.durationMs
  }
}
