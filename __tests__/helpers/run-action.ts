// The end-to-end tests' view of scripts/lib/run-dist.js: every run goes with RUNNER_DEBUG=1
// (unless the test sets it) and through the secrets audit, which fails the run's test on a leak.
import { type ActionRun, type RunOptions, runDist } from '../../scripts/lib/run-dist.js'
import {
  byValue,
  emulatorSecrets,
  emulatorsInPlay,
  givenSecrets,
  markEmulators
} from './known-secrets.js'
import { auditRun } from './secrets-audit.js'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { FIGURES_DIR } from '../reliability/support/figures.js'

export type { ActionRun, RunOptions }
export { DIST_MAIN, DIST_POST, REPO_ROOT, parseCommandFile } from '../../scripts/lib/run-dist.js'

/** Runs in flight; a run that overlapped another cannot tell whose session tokens were whose. */
const inFlight = new Set<{ overlapped: boolean }>()

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const marks = markEmulators()
  const self = { overlapped: inFlight.size > 0 }
  for (const other of inFlight) other.overlapped = true
  inFlight.add(self)
  let run: ActionRun
  try {
    run = await runDist({
      keepFiles: true,
      ...options,
      env: { RUNNER_DEBUG: '1', ...options.env }
    })
  } finally {
    inFlight.delete(self)
  }
  const inPlay = emulatorsInPlay(marks)
  const checked = byValue([...givenSecrets(options), ...emulatorSecrets(inPlay, run.startedAt)])
  const problems = auditRun({
    run,
    secrets: checked,
    requests: inPlay.flatMap(({ emu }) =>
      emu.requests.filter(request => request.at >= run.startedAt && request.at <= run.endedAt)
    ),
    solo: !self.overlapped
  })
  tallyAudit(checked.length, problems.length)
  if (problems.length > 0)
    throw new Error(`Secrets audit of the run failed: ${problems.join('; ')}`)
  return run
}

/** One line per audited run, summed by scripts/reliability-table.js (jest workers share it). */
function tallyAudit(secrets: number, leaks: number): void {
  fs.mkdirSync(FIGURES_DIR, { recursive: true })
  fs.appendFileSync(
    path.join(FIGURES_DIR, 'secrets-audit.jsonl'),
    `${JSON.stringify({ secrets, leaks })}\n`
  )
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
