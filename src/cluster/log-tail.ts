// The last lines of a failed block's logs, bounded (lines, line length, total) so that a
// chatty block cannot flood the step log or the job summary.

export interface TailLimits {
  readonly lines: number
  readonly lineChars: number
  readonly totalChars: number
}

export const DEFAULT_TAIL: TailLimits = { lines: 30, lineChars: 300, totalChars: 4_000 }

/** The last non-blank lines of the log files (given oldest first), newest last. */
export function tailLines(contents: readonly string[], limits: TailLimits = DEFAULT_TAIL): string {
  const lines = contents
    .join('\n')
    .split(/\r?\n/)
    .filter(line => line.trim() !== '')
    .slice(-limits.lines)
    .map(line =>
      line.length <= limits.lineChars ? line : `${line.slice(0, limits.lineChars - 1)}…`
    )
  const kept: string[] = []
  let total = 0
  for (let i = lines.length - 1; i >= 0; i--) {
    total += lines[i].length + 1
    if (total > limits.totalChars) break
    kept.unshift(lines[i])
  }
  return kept.join('\n')
}
