// Real concurrency (issue 4 §2): set-env steps as separate dist/index.js processes racing on one
// emulated cluster without ETags, then start against stop and set-env against stop. A few
// trials each (scripts/concurrency-trial.js runs many); every run goes through the secrets
// audit. Racing steps may lose names — that is measured, not asserted — but no step hangs,
// none reports success for a change its own last read showed lost, serialised steps lose
// nothing, and no other config key is ever lost.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import {
  type LifecycleRace,
  type SetEnvTrial,
  type SetEnvTrialOptions,
  cloudInputsFor,
  concurrencyFigures,
  lifecycleFigures,
  lifecycleRace,
  setEnvFigures,
  setEnvTrial,
  writeConcurrencyFigures
} from '../../scripts/lib/set-env-race.js'
import { REPO_ROOT, runAction } from '../helpers/run-action.js'

let emu: Emulator
const setEnvResults: Record<string, SetEnvTrial[]> = {}
const lifecycleResults: Record<string, LifecycleRace[]> = {}

beforeAll(async () => {
  emu = await startEmulator()
})
afterAll(async () => {
  await emu.stop()
  const setEnv = Object.fromEntries(
    Object.entries(setEnvResults).map(([label, trials]) => [label, setEnvFigures(trials)])
  )
  const lifecycle = Object.fromEntries(
    Object.entries(lifecycleResults).map(([label, races]) => [label, lifecycleFigures(races)])
  )
  const source = 'npm test (__tests__/reliability/concurrency.test.ts)'
  writeConcurrencyFigures(REPO_ROOT, source, concurrencyFigures(setEnv, lifecycle), {
    unlessScript: true
  })
})

async function trials(label: string, count: number, options: SetEnvTrialOptions) {
  const results: SetEnvTrial[] = []
  for (let i = 0; i < count; i++)
    results.push(await setEnvTrial(emu, { ...options, run: runAction }))
  setEnvResults[label] = results
  return results
}

function expectNoBrokenPromise(results: SetEnvTrial[]): void {
  for (const { steps, othersLost } of results) {
    expect(othersLost).toEqual([])
    for (const step of steps) {
      expect(step.withinDeadline).toBe(true)
      // Never a success for a change its own last read showed lost.
      if (step.succeeded) expect(step.readBackHadIt).not.toBe(false)
      // A failure says why and what to do.
      else expect(step.error).toMatch(/lost after 3 re-merges.*concurrency group/)
    }
  }
}

describe('set-env steps racing on one cluster', () => {
  it.each<[string, number, SetEnvTrialOptions]>([
    ['2 steps, Stopped cluster', 4, { steps: 2 }],
    ['2 steps, Active cluster, wait', 3, { steps: 2, status: 'Active', wait: true }],
    ['8 steps, Stopped cluster', 2, { steps: 8 }],
    // The waits' polls read the config too: here a loss seen while waiting used to pass.
    ['8 steps, Active cluster, wait', 1, { steps: 8, status: 'Active', wait: true }]
  ])('%s: no hang, no false success, no other key lost', async (label, count, options) => {
    expectNoBrokenPromise(await trials(label, count, options))
  })

  it('8 serialised steps lose nothing', async () => {
    const results = await trials('8 steps serialised', 1, { steps: 8, serial: true })
    expectNoBrokenPromise(results)
    const [trial] = results
    expect(trial.lostNames).toEqual([])
    expect(trial.steps.every(step => step.succeeded && step.remerges === 0)).toBe(true)
  })
})

describe('lifecycle races', () => {
  it.each<[string, 'Active' | 'Stopped', 'start-cluster' | 'set-env']>([
    ['start vs stop, from Active', 'Active', 'start-cluster'],
    ['set-env vs stop, from Active', 'Active', 'set-env']
  ])('%s: each step ends in time, honest about the status it saw', async (label, status, first) => {
    const race = await lifecycleRace(emu, { status, first, timeout: '6s', run: runAction })
    lifecycleResults[label] = [race]
    expect(race.othersLost).toEqual([])
    expect(['Active', 'Stopped']).toContain(race.settled)
    for (const step of race.steps) {
      expect(step.withinDeadline).toBe(true)
      expect(step.honest).toBe(true)
      if (!step.succeeded) expect(step.error).toMatch(/last status seen|lost after 3 re-merges/)
    }
  })

  // The interleaving the races above rarely hit, forced: set-env's write is in flight while
  // stop-cluster reads and writes. set-env writes back the replicaCount it read, so the
  // cluster starts again after the stop — which is why start, stop and set-env of one cluster
  // belong in one concurrency group. The stop step stays honest about what it saw.
  it('set-env landing after a concurrent stop starts the cluster again', async () => {
    emu.setClusterStatus('Active', { replicaCount: 1 })
    emu.clearRequests()
    emu.inject({ server: 'cloud', method: 'PUT', latencyMs: 3000, times: 1 })
    const setEnv = runAction({
      inputs: cloudInputsFor(emu, 'set-env', { env: 'LATE_WRITE=late-value-1', wait: 'false' })
    })
    // Recorded on arrival, applied 3 s later: stop-cluster runs in that window.
    while (emu.requestsTo('cloud', 'PUT').length === 0) {
      await new Promise(resolve => setTimeout(resolve, 20))
    }
    const stop = await runAction({
      inputs: cloudInputsFor(emu, 'stop-cluster', { wait: 'true', timeout: '4s' })
    })
    expect((await setEnv).outputs.error).toBe('')
    if (stop.code === 0) expect(stop.outputs.status).toBe('Stopped')
    else expect(stop.outputs.error).toMatch(/last status seen/)
    expect(stop.durationMs).toBeLessThan(4000 + 15_000)
    expect(emu.cluster.config.replicaCount).toBe(1)
    expect(['Starting', 'Active']).toContain(emu.cluster.status)
  })
})
