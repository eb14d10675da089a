import type { Emulator } from '../../emulator/index.js'
import type { ActionRun, RunOptions } from './run-dist.js'

export declare const GRACE_MS: number

export type Runner = (options: RunOptions) => Promise<ActionRun>

export { cloudInputsFor } from './emulator-inputs.js'

export interface SetEnvTrialOptions {
  steps: number
  /** One after another, as a workflow concurrency group runs them. */
  serial?: boolean
  /** The cluster's status at the start: 'Stopped' (no restart, no wait) or 'Active'. */
  status?: 'Stopped' | 'Active'
  wait?: boolean
  /** Whole seconds, e.g. '30s'. */
  timeout?: string
  run?: Runner
}

export interface SetEnvStep {
  name: string
  succeeded: boolean
  /** The step's `error` output ('' on success). */
  error: string
  remerges: number
  durationMs: number
  withinDeadline: boolean
  /** Its own last read of the cluster showed its change (undefined: it never wrote). */
  readBackHadIt: boolean | undefined
  lostAtEnd: boolean
}

export interface SetEnvTrial {
  steps: SetEnvStep[]
  lostNames: string[]
  /** Config keys or other env entries that did not survive ('extraEnvs.NAME' for an entry). */
  othersLost: string[]
}

export declare function setEnvTrial(
  emu: Emulator,
  options: SetEnvTrialOptions
): Promise<SetEnvTrial>

export interface LifecycleRaceOptions {
  status: 'Active' | 'Stopped'
  /** Raced against stop-cluster: start-cluster (default) or set-env. */
  first?: 'start-cluster' | 'set-env'
  timeout?: string
  run?: Runner
}

export interface LifecycleStep {
  operation: string
  succeeded: boolean
  status: string | undefined
  error: string | undefined
  durationMs: number
  withinDeadline: boolean
  /** False when it succeeded although the status it last saw was not its target. */
  honest: boolean
}

export interface LifecycleRace {
  steps: LifecycleStep[]
  settled: string
  envLost: boolean
  othersLost: string[]
}

export declare function lifecycleRace(
  emu: Emulator,
  options: LifecycleRaceOptions
): Promise<LifecycleRace>

export interface SetEnvFigures {
  trials: number
  steps: number
  namesLost: number
  lostNameRate: number
  trialsWithLoss: number
  lostAfterSuccess: number
  failedSteps: number
  falseSuccesses: number
  remergeHistogram: Record<string, number>
  stepsPastDeadline: number
  maxStepMs: number
  configKeysLost: number
}

export interface LifecycleFigures {
  trials: number
  outcomes: Record<string, number>
  settled: Record<string, number>
  falseSuccesses: number
  stopSucceededButRunning: number
  envLost: number
  stepsPastDeadline: number
  maxStepMs: number
  configKeysLost: number
}

export declare function setEnvFigures(trials: SetEnvTrial[]): SetEnvFigures
export declare function lifecycleFigures(races: LifecycleRace[]): LifecycleFigures
export interface ConcurrencyFigures {
  setEnv: Record<string, SetEnvFigures>
  lifecycle: Record<string, LifecycleFigures>
  /** Must be 0, as must the three totals below. */
  serialisedNamesLost: number
  falseSuccesses: number
  stepsPastDeadline: number
  configKeysLost: number
}

export declare function concurrencyFigures(
  setEnv: Record<string, SetEnvFigures>,
  lifecycle: Record<string, LifecycleFigures>
): ConcurrencyFigures

export declare const SCRIPT_SOURCE: string
/** Undefined when it kept the script's figures (`unlessScript`). */
export declare function writeConcurrencyFigures(
  repoRoot: string,
  source: string,
  figures: ConcurrencyFigures,
  options?: { unlessScript?: boolean }
): string | undefined
