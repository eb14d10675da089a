export declare const REPO_ROOT: string
export declare const DIST_MAIN: string
export declare const DIST_POST: string

export type CommandFileName =
  'GITHUB_OUTPUT' | 'GITHUB_STEP_SUMMARY' | 'GITHUB_STATE' | 'GITHUB_ENV' | 'GITHUB_PATH'

export interface ActionRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** The GITHUB_STATE file as written (heredoc form). */
  stateFile: string
  state: Record<string, string>
  /** Date.now() just before the child was spawned, and when it had ended. */
  startedAt: number
  endedAt: number
  durationMs: number
  /** performance.now() when the child had ended, for timings against other events here. */
  closedAt: number
  /** The GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_STATE, GITHUB_ENV and GITHUB_PATH files as written. */
  commandFiles: Record<CommandFileName, string>
  /** Every file the run left under RUNNER_TEMP (read before any clean-up). */
  tempFiles: { path: string; text: string }[]
  /** Everything the action wrote (stdout, stderr, command files, RUNNER_TEMP files): for leak checks. */
  everything: string
  runnerTemp: string
}

export interface RunOptions {
  /** Inputs by their action.yml names; `undefined` values are left out. */
  inputs: Record<string, string | undefined>
  /** Extra environment (env fallbacks, RUNNER_DEBUG, GITHUB_* context); `undefined` removes. */
  env?: Record<string, string | undefined>
  /** Another bundle to run instead of dist/index.js (e.g. an older build, to compare). */
  main?: string
  /** Node options before the script (e.g. `--import` a probe); the runner passes none. */
  nodeArgs?: string[]
  /** Run dist/post/index.js instead, with STATE_* from a previous run. */
  post?: boolean
  state?: Record<string, string>
  /** Kill the child after this many ms (the runner killing the step). */
  killAfterMs?: number
  killSignal?: NodeJS.Signals
  timeoutMs?: number
  /** Keep the temporary files (RUNNER_TEMP) instead of removing them. */
  keepFiles?: boolean
  /** stdout and stderr go to files, read when the step ends, instead of pipes read meanwhile. */
  logsToFile?: boolean
}

export declare function inputEnvName(name: string): string
export declare function parseCommandFile(text: string): Record<string, string>
export declare function runDist(options: RunOptions): Promise<ActionRun>
