// Races of real action processes (dist/index.js) on one emulated cluster without ETags, and what
// they did to it: set-env steps writing different names, start against stop, set-env against
// stop. The emulator applies each PUT as a whole-config replace, so concurrent
// read-modify-writes really lose updates. Shared by scripts/concurrency-trial.js and
// __tests__/reliability/concurrency.test.ts.
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { cloudInputsFor } from './emulator-inputs.js'
import { runDist } from './run-dist.js'

const REMERGE_LINE = /merging again \((\d+) of \d+\)/g
/** The runner's limit a step must end within: its `timeout` plus 15 s. */
export const GRACE_MS = 15_000

export { cloudInputsFor } from './emulator-inputs.js'

/** Puts the cluster back to `status` with the default env and config before a trial. */
function resetCluster(emu, status) {
  const { config } = emu.scenario.cloud.cluster
  emu.setClusterStatus(status, {
    ...structuredClone(config),
    replicaCount: status === 'Active' ? 1 : 0
  })
  emu.clearRequests()
  return structuredClone(emu.cluster.config)
}

function parallel(count, start, serial) {
  const indexes = Array.from({ length: count }, (_, i) => i)
  if (!serial) return Promise.all(indexes.map(start))
  return indexes.reduce(
    (done, i) => done.then(async results => [...results, await start(i)]),
    Promise.resolve([])
  )
}

function remergesOf(stdout) {
  return Math.max(0, ...[...stdout.matchAll(REMERGE_LINE)].map(match => Number(match[1])))
}

/**
 * One trial: `steps` set-env processes, each setting its own name to a fresh value, started
 * together (or one after another with `serial`, as a workflow concurrency group runs them).
 */
export async function setEnvTrial(emu, options) {
  const { steps, serial = false, status = 'Stopped', wait = false, timeout = '30s' } = options
  const run = options.run ?? runDist
  const before = resetCluster(emu, status)
  const tag = randomBytes(4).toString('hex')
  const wanted = Array.from({ length: steps }, (_, i) => ({
    name: `RACE_${i}`,
    value: `race-value-${tag}-${i}`
  }))
  const runs = await parallel(
    steps,
    i =>
      run({
        inputs: cloudInputsFor(emu, 'set-env', {
          env: `${wanted[i].name}=${wanted[i].value}`,
          wait: String(wait),
          timeout
        })
      }),
    serial
  )
  const readBacks = lastReadBacks(emu.requestsTo('cloud'), before.extraEnvs ?? [], wanted)
  const final = envMap(emu.cluster.config.extraEnvs)
  const results = runs.map((action, i) => {
    const { name, value } = wanted[i]
    const succeeded = action.code === 0 && action.outputs.error === ''
    return {
      name,
      succeeded,
      error: action.outputs.error ?? '',
      remerges: remergesOf(action.stdout),
      durationMs: action.durationMs,
      withinDeadline: action.durationMs <= durationMs(timeout) + GRACE_MS,
      /** Its own last read-back showed its change (undefined: it never wrote). */
      readBackHadIt: readBacks.get(name),
      lostAtEnd: final.get(name) !== value
    }
  })
  return {
    steps: results,
    lostNames: results.filter(step => step.lostAtEnd).map(step => step.name),
    othersLost: lostKeys(before, emu.cluster.config)
  }
}

/** What of the config a trial must keep: other env entries and every other config key. */
function lostKeys(before, after) {
  const keys = Object.keys(before).filter(key => !(key in after))
  const env = envMap(after.extraEnvs)
  const envs = (before.extraEnvs ?? []).filter(entry => env.get(entry.name) !== entry.value)
  return [...keys, ...envs.map(entry => `extraEnvs.${entry.name}`)]
}

function envMap(extraEnvs) {
  return new Map((extraEnvs ?? []).map(entry => [entry.name, entry.value]))
}

function durationMs(text) {
  const match = /^(\d+)s$/.exec(text)
  if (!match) throw new Error(`timeout must be given in seconds here, got ${text}`)
  return Number(match[1]) * 1000
}

/**
 * Replays the Cloud requests in the order the emulator applied them (each is recorded and
 * applied in one tick) to learn what each step's last read-back showed. A session is tied to
 * its step by the one name its first write changed.
 */
function lastReadBacks(requests, initialEnvs, wanted) {
  let envs = envMap(initialEnvs)
  const sessions = new Map()
  for (const request of requests) {
    const token = /oauth_token=([^;]+)/.exec(request.headers.cookie ?? '')?.[1]
    if (!token || request.status !== 200) continue
    const session = sessions.get(token) ?? { read: undefined, own: undefined, last: undefined }
    sessions.set(token, session)
    if (request.method === 'GET') {
      session.read = envs
      session.last = envs
    } else if (request.method === 'PUT') {
      const written = envMap(JSON.parse(request.body).cluster.config.extraEnvs)
      session.own ??= wanted.find(
        ({ name, value }) => written.get(name) === value && session.read?.get(name) !== value
      )
      envs = written
    }
  }
  const result = new Map()
  for (const session of sessions.values()) {
    if (session.own)
      result.set(session.own.name, session.last?.get(session.own.name) === session.own.value)
  }
  return result
}

/** The status the cluster settles in once no transition is pending (Active or Stopped). */
async function settledStatus(emu, limitMs = 5000) {
  const until = Date.now() + limitMs
  while (!['Active', 'Stopped'].includes(emu.cluster.status) && Date.now() < until) {
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  return emu.cluster.status
}

/**
 * Two steps started together on a cluster in `status`: by default start-cluster against
 * stop-cluster, both waiting for their target; `first` may be set-env instead (no wait).
 */
export async function lifecycleRace(emu, options) {
  const { status, first = 'start-cluster', timeout = '8s' } = options
  const run = options.run ?? runDist
  const before = resetCluster(emu, status)
  const value = `race-value-${randomBytes(4).toString('hex')}`
  const firstInputs =
    first === 'set-env' ? { env: `RACE_ENV=${value}`, wait: 'false' } : { wait: 'true' }
  const [a, b] = await Promise.all([
    run({ inputs: cloudInputsFor(emu, first, { ...firstInputs, timeout }) }),
    run({ inputs: cloudInputsFor(emu, 'stop-cluster', { wait: 'true', timeout }) })
  ])
  const settled = await settledStatus(emu)
  const limit = durationMs(timeout) + GRACE_MS
  const step = (action, operation, target) => ({
    operation,
    succeeded: action.code === 0 && action.outputs.error === '',
    status: action.outputs.status,
    error: action.outputs.error,
    durationMs: action.durationMs,
    withinDeadline: action.durationMs <= limit,
    /** Success means its target was the status it last saw. */
    honest: !(action.code === 0 && target !== undefined && action.outputs.status !== target)
  })
  const config = emu.cluster.config
  return {
    steps: [
      step(a, first, first === 'start-cluster' ? 'Active' : undefined),
      step(b, 'stop-cluster', 'Stopped')
    ],
    settled,
    envLost: first === 'set-env' && envMap(config.extraEnvs).get('RACE_ENV') !== value,
    othersLost: lostKeys(before, config)
  }
}

/** Figures over set-env trials of one kind: lost names, honest failures, re-merges. */
export function setEnvFigures(trials) {
  const steps = trials.flatMap(trial => trial.steps)
  const histogram = { 0: 0, 1: 0, 2: 0, 3: 0 }
  for (const step of steps) histogram[step.remerges] = (histogram[step.remerges] ?? 0) + 1
  const lost = steps.filter(step => step.lostAtEnd)
  return {
    trials: trials.length,
    steps: steps.length,
    namesLost: lost.length,
    lostNameRate: steps.length === 0 ? 0 : round(lost.length / steps.length),
    trialsWithLoss: trials.filter(trial => trial.lostNames.length > 0).length,
    /** Lost after the step's last read showed it in place: the documented limit. */
    lostAfterSuccess: lost.filter(step => step.succeeded).length,
    /** Failed, saying the change kept being overwritten: honest. */
    failedSteps: steps.filter(step => !step.succeeded).length,
    /** Success although its own last read showed the change lost: must be 0. */
    falseSuccesses: steps.filter(step => step.succeeded && step.readBackHadIt === false).length,
    remergeHistogram: histogram,
    stepsPastDeadline: steps.filter(step => !step.withinDeadline).length,
    maxStepMs: Math.max(0, ...steps.map(step => step.durationMs)),
    configKeysLost: trials.reduce((sum, trial) => sum + trial.othersLost.length, 0)
  }
}

/** Figures over lifecycle races: who succeeded, where the cluster settled, nothing dishonest. */
export function lifecycleFigures(races) {
  const steps = races.flatMap(race => race.steps)
  const outcomes = {}
  for (const race of races) {
    const key = race.steps.map(s => `${s.operation} ${s.succeeded ? 'ok' : 'failed'}`).join(', ')
    outcomes[key] = (outcomes[key] ?? 0) + 1
  }
  const settled = {}
  for (const race of races) settled[race.settled] = (settled[race.settled] ?? 0) + 1
  return {
    trials: races.length,
    outcomes,
    settled,
    /** A step that succeeded although the status it last saw was not its target: must be 0. */
    falseSuccesses: steps.filter(step => !step.honest).length,
    /** stop-cluster reported success, yet the cluster did not stay stopped. */
    stopSucceededButRunning: races.filter(
      race =>
        race.settled !== 'Stopped' &&
        race.steps.some(s => s.operation === 'stop-cluster' && s.succeeded)
    ).length,
    envLost: races.filter(race => race.envLost).length,
    stepsPastDeadline: steps.filter(step => !step.withinDeadline).length,
    maxStepMs: Math.max(0, ...steps.map(step => step.durationMs)),
    configKeysLost: races.reduce((sum, race) => sum + race.othersLost.length, 0)
  }
}

function round(value) {
  return Math.round(value * 10_000) / 10_000
}

/** The figures file's body: per kind, plus the totals that must be 0. */
export function concurrencyFigures(setEnv, lifecycle) {
  const all = [...Object.values(setEnv), ...Object.values(lifecycle)]
  const sum = key => all.reduce((total, kind) => total + kind[key], 0)
  return {
    setEnv,
    lifecycle,
    serialisedNamesLost: Object.entries(setEnv)
      .filter(([label]) => label.includes('serialised'))
      .reduce((total, [, kind]) => total + kind.namesLost, 0),
    falseSuccesses: sum('falseSuccesses'),
    stepsPastDeadline: sum('stepsPastDeadline'),
    configKeysLost: sum('configKeysLost')
  }
}

export const SCRIPT_SOURCE = 'scripts/concurrency-trial.js'

/**
 * Writes .reliability/concurrency.json: { name, writtenAt, source, figures }. The test's few
 * trials never replace the script's many (`unlessScript`); the script always writes.
 */
export function writeConcurrencyFigures(repoRoot, source, figures, { unlessScript = false } = {}) {
  const dir = path.join(repoRoot, '.reliability')
  const file = path.join(dir, 'concurrency.json')
  if (unlessScript && fs.existsSync(file)) {
    const existing = JSON.parse(fs.readFileSync(file, 'utf8'))
    if (existing.source === SCRIPT_SOURCE) return undefined
  }
  fs.mkdirSync(dir, { recursive: true })
  const body = { name: 'concurrency', writtenAt: new Date().toISOString(), source, figures }
  fs.writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`)
  return file
}
