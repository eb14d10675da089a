export type FailureClass =
  'outcome unknown' | 'nothing changed' | 'timed out' | 'server or proxy' | 'other'

export interface TrialStep {
  operation: 'stop-cluster' | 'start-cluster'
  success: boolean
  failureClass?: FailureClass
  /** Reported success while the emulator is not in the target state. */
  falseSuccess: boolean
  /** Reported "nothing was changed" while the replica count moved. */
  falseNothingChanged: boolean
  /** A plain failure while the replica count moved: a change the report hid. */
  hiddenChange: boolean
  error: string
  status: string
  actual: string
  retries: number
  oneLine: boolean
  stackTrace: boolean
  durationMs: number
}

export interface TrialFigures {
  cycles: number
  seed: number
  lanes: number
  durationMs: number
  steps: number
  successes: number
  failures: Record<FailureClass, number>
  falseSuccesses: number
  falseNothingChanged: number
  hiddenChanges: number
  outcomeUnknownReports: number
  retriesSeen: number
  itemsLost: number
  multiLineErrors: number
  stackTraces: number
  slowestStepMs: number
  proxy: Record<string, number>
  examples: Partial<Record<FailureClass, string>>
}

export declare function runTrial(options: {
  cycles: number
  seed?: number
  lanes?: number
  timeout?: string
  onStep?: (step: TrialStep) => void
}): Promise<TrialFigures>
