// The end-to-end tests' view of scripts/lib/run-dist.js, plus leak checks.
import { type ActionRun, type RunOptions, runDist } from '../../scripts/lib/run-dist.js'

export type { ActionRun, RunOptions }
export { DIST_MAIN, DIST_POST, REPO_ROOT, parseCommandFile } from '../../scripts/lib/run-dist.js'

export function runAction(options: RunOptions): Promise<ActionRun> {
  return runDist({ keepFiles: true, ...options })
}

/** Text without the ::add-mask:: commands (the only place a secret may appear). */
export function withoutMaskCommands(text: string): string {
  return text
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
}

/** Secrets found in the run's captured text, outside ::add-mask:: commands. */
export function leakedSecrets(run: ActionRun, secrets: readonly string[]): string[] {
  const text = withoutMaskCommands(run.everything)
  return secrets.filter(secret => secret.length > 0 && text.includes(secret))
}
