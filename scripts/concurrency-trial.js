#!/usr/bin/env node
// `node scripts/concurrency-trial.js [--trials 50]`: races real action processes (dist/index.js)
// on one emulated cluster without ETags, many times, and reports how often a name was lost,
// how many re-merges the read-back needed, and how start/stop races end. Writes the figures to
// .reliability/concurrency.json. Run `npm run package` first: dist/ is what runs.
import { parseArgs } from 'node:util'
import { startEmulator } from '../emulator/index.js'
import { REPO_ROOT } from './lib/run-dist.js'
import {
  SCRIPT_SOURCE,
  concurrencyFigures,
  lifecycleFigures,
  lifecycleRace,
  setEnvFigures,
  setEnvTrial,
  writeConcurrencyFigures
} from './lib/set-env-race.js'

const { values } = parseArgs({ options: { trials: { type: 'string', default: '50' } } })
const trials = Number(values.trials)
if (!Number.isInteger(trials) || trials < 1) throw new Error('--trials must be a positive integer')
const fewer = Math.max(1, Math.ceil(trials / 5))

const SET_ENV_KINDS = [
  ['2 steps, Stopped cluster', { steps: 2 }, trials],
  ['8 steps, Stopped cluster', { steps: 8 }, trials],
  ['2 steps, Active cluster, wait', { steps: 2, status: 'Active', wait: true }, trials],
  ['8 steps, Active cluster, wait', { steps: 8, status: 'Active', wait: true }, fewer],
  ['8 steps serialised', { steps: 8, serial: true }, fewer]
]
const LIFECYCLE_KINDS = [
  ['start vs stop, from Active', { status: 'Active' }],
  ['start vs stop, from Stopped', { status: 'Stopped' }],
  ['set-env vs stop, from Active', { status: 'Active', first: 'set-env' }]
]

async function repeat(label, count, once) {
  const results = []
  const started = Date.now()
  for (let i = 0; i < count; i++) {
    results.push(await once())
    process.stderr.write(`\r${label}: ${i + 1}/${count}`)
  }
  process.stderr.write(` (${((Date.now() - started) / 1000).toFixed(0)} s)\n`)
  return results
}

const emu = await startEmulator()
const setEnv = {}
const lifecycle = {}
try {
  for (const [label, options, count] of SET_ENV_KINDS) {
    setEnv[label] = setEnvFigures(await repeat(label, count, () => setEnvTrial(emu, options)))
  }
  for (const [label, options] of LIFECYCLE_KINDS) {
    const race = () => lifecycleRace(emu, { ...options, timeout: '8s' })
    lifecycle[label] = lifecycleFigures(await repeat(label, fewer, race))
  }
} finally {
  await emu.stop()
}

const figures = concurrencyFigures(setEnv, lifecycle)
const file = writeConcurrencyFigures(REPO_ROOT, SCRIPT_SOURCE, figures)
console.log(JSON.stringify(figures, null, 2))
console.log(`written to ${file}`)
const broken =
  figures.serialisedNamesLost +
  figures.falseSuccesses +
  figures.stepsPastDeadline +
  figures.configKeysLost
process.exitCode = broken > 0 ? 1 : 0
