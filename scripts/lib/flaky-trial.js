// The flaky-proxy trial: stop/start cycles of the real dist/index.js against the emulator behind
// a flaky proxy, each step's report compared with the emulator's real cluster state.
//
// Why dist/index.js spawned, not run() in-process: the trial is "what a new user sees", so it
// runs the bundle the runner runs. A step costs ~0.3 s of CPU to spawn and ~1–3 s of waiting
// (the 1 s poll-interval floor, backoff after a fault), so 400 steps in a row would take
// ~15 min; lanes (an emulator and a proxy each, seeds derived from the trial's seed) run side
// by side instead, and 200 cycles take a few minutes on two cores.
import { startEmulator, DEFAULT_SCENARIO } from '../../emulator/index.js'
import { startFlakyProxy } from './flaky-proxy.js'
import { runDist } from './run-dist.js'

const TARGET = { 'stop-cluster': 'Stopped', 'start-cluster': 'Active' }
const CLASSES = ['outcome unknown', 'nothing changed', 'timed out', 'server or proxy', 'other']

export async function runTrial({ cycles, seed = 20261128, lanes = 4, timeout = '20s', onStep }) {
  const started = Date.now()
  const laneCount = Math.max(1, Math.min(lanes, cycles))
  const shares = Array.from(
    { length: laneCount },
    (_, i) => Math.floor(cycles / laneCount) + (i < cycles % laneCount ? 1 : 0)
  )
  const lanesDone = await Promise.all(
    shares.map((share, i) => runLane(share, seed + i * 7919, timeout, onStep))
  )
  return summarize(lanesDone, { cycles, seed, lanes: laneCount, durationMs: Date.now() - started })
}

async function runLane(cycles, seed, timeout, onStep) {
  const emu = await startEmulator({ timing: { transitionMs: 50, servingDelayMs: 0 } })
  emu.setClusterStatus('Active', { ...emu.cluster.config, replicaCount: 1 })
  const proxy = await startFlakyProxy({ target: new URL(emu.cloudUrl).origin, seed })
  const steps = []
  let lost
  try {
    for (let cycle = 0; cycle < cycles; cycle++) {
      for (const operation of ['stop-cluster', 'start-cluster']) {
        const step = await runStep(emu, proxy, operation, timeout)
        steps.push(step)
        onStep?.(step)
      }
    }
    lost = lostItems(emu)
  } finally {
    await proxy.close()
    await emu.stop()
  }
  return { steps, lost, proxy: { ...proxy.counts } }
}

async function runStep(emu, proxy, operation, timeout) {
  const { cloud } = DEFAULT_SCENARIO
  const before = stateOf(emu)
  const run = await runDist({
    inputs: {
      operation,
      'cloud-api-url': `${proxy.url}/api/v1`,
      'cloud-email': cloud.email,
      'cloud-password': cloud.password,
      'team-id': cloud.teamId,
      'cluster-id': cloud.clusterId,
      'poll-interval': '1s',
      timeout
    }
  })
  const after = stateOf(emu)
  return judge(operation, run, before, after)
}

function stateOf(emu) {
  return { status: emu.cluster.status, replicas: Number(emu.cluster.config.replicaCount ?? 0) }
}

/** Config keys and env entries of the default cluster that are gone. */
function lostItems(emu) {
  const { config } = emu.cluster
  const defaults = DEFAULT_SCENARIO.cloud.cluster.config
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b)
  const lost = ['image', 'resources', 'customUnknownKey'].filter(k => !same(config[k], defaults[k]))
  for (const entry of defaults.extraEnvs) {
    if (!(config.extraEnvs ?? []).some(env => same(env, entry))) lost.push(entry.name)
  }
  return lost
}

function judge(operation, run, before, after) {
  const target = TARGET[operation]
  const error = run.outputs.error ?? ''
  const success = run.code === 0
  const reached =
    after.status === target && (target === 'Stopped' ? after.replicas === 0 : after.replicas >= 1)
  const falseSuccess = success && (!reached || run.outputs.status !== target)
  const failureClass = success ? undefined : classify(error)
  // "Nothing was changed" must be true: the replica count the step would set did not move.
  const moved = after.replicas !== before.replicas
  const falseNothingChanged = failureClass === 'nothing changed' && moved
  // A plain failure (not "outcome unknown", not a timed-out wait after the write) must not hide
  // a change the step made.
  const hiddenChange = moved && (failureClass === 'server or proxy' || failureClass === 'other')
  return {
    operation,
    success,
    failureClass,
    falseSuccess,
    falseNothingChanged,
    hiddenChange,
    error,
    status: run.outputs.status,
    actual: after.status,
    retries: (run.stdout.match(/^Retrying /gm) ?? []).length,
    oneLine: !/[\r\n]/.test(error),
    stackTrace: /^\s*at .*:\d+:\d+\)?\s*$/m.test(`${run.stdout}\n${run.stderr}`),
    durationMs: run.durationMs
  }
}

function classify(error) {
  if (/outcome unknown/.test(error)) return 'outcome unknown'
  if (/nothing was changed/.test(error)) return 'nothing changed'
  if (/timed out|timeout was reached|no complete answer/.test(error)) return 'timed out'
  if (/HTTP 5\d\d|connection failed|not JSON/.test(error)) return 'server or proxy'
  return 'other'
}

function summarize(lanes, meta) {
  const steps = lanes.flatMap(lane => lane.steps)
  const proxy = {}
  for (const lane of lanes) {
    for (const [key, value] of Object.entries(lane.proxy)) proxy[key] = (proxy[key] ?? 0) + value
  }
  const failures = Object.fromEntries(CLASSES.map(c => [c, 0]))
  const examples = {}
  for (const step of steps) {
    if (step.success) continue
    failures[step.failureClass]++
    examples[step.failureClass] ??= step.error.slice(0, 300)
  }
  const count = predicate => steps.filter(predicate).length
  return {
    ...meta,
    steps: steps.length,
    successes: count(step => step.success),
    failures,
    falseSuccesses: count(step => step.falseSuccess),
    falseNothingChanged: count(step => step.falseNothingChanged),
    hiddenChanges: count(step => step.hiddenChange),
    outcomeUnknownReports: failures['outcome unknown'],
    retriesSeen: steps.reduce((sum, step) => sum + step.retries, 0),
    itemsLost: lanes.reduce((sum, lane) => sum + lane.lost.length, 0),
    multiLineErrors: count(step => !step.oneLine),
    stackTraces: count(step => step.stackTrace),
    slowestStepMs: Math.max(0, ...steps.map(step => step.durationMs)),
    proxy,
    examples
  }
}
