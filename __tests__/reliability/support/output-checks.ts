// Checks on what the action printed and set, shared by the fuzz tests in-process and through
// dist/index.js: one-line reasons, no stack trace, no workflow command smuggled in by a server.
import { stackFrames } from './invariants.js'

/** Commands the action itself issues (the runner obeys any line that starts with `::`). */
const OWN_COMMANDS = new Set([
  'add-mask',
  'debug',
  'group',
  'endgroup',
  'error',
  'warning',
  'notice',
  'stop-commands'
])

/** Every command text the fuzz tests make a server send carries this word. */
export const INJECTED = 'INJECTED'

/**
 * Lines of `text` the runner would take as a workflow command the action did not mean to
 * issue: an unknown command, or a line that starts with server text. Text between
 * `::stop-commands::<token>` and `::<token>::` is inert.
 */
export function smuggledCommands(text: string): string[] {
  const found: string[] = []
  let resumeToken: string | undefined
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (resumeToken !== undefined) {
      if (line.trim() === `::${resumeToken}::`) resumeToken = undefined
      continue
    }
    // `::name key=value,…::message`: the name ends at a space or a colon.
    const command = /^\s*::([^\s:]*)/.exec(line)?.[1]
    if (command === undefined) continue
    // Ours with server text inside its message is fine (the runner reads only the line's start);
    // a line whose command or message starts with server text was put there by the server.
    const forged = new RegExp(`^\\s*::[^:]*${INJECTED}|^\\s*::[^:]*::\\s*${INJECTED}`).test(line)
    if (!OWN_COMMANDS.has(command) || forged) found.push(line.slice(0, 120))
    else if (command === 'stop-commands') {
      resumeToken = line.trim().slice('::stop-commands::'.length)
    }
  }
  return found
}

/**
 * Problems with a failure reason: it must be one line (so no stack trace can hide in it; a
 * server's own text may mention `at x (file:1:2)`, and is kept on that one line).
 */
export function reasonProblems(reason: string): string[] {
  const problems: string[] = []
  if (reason.trim() === '') problems.push('empty reason')
  if (/[\r\n]/.test(reason)) problems.push(`reason has several lines: ${reason.slice(0, 200)}`)
  if (stackFrames(reason).length > 0) problems.push(`reason is a stack frame: ${reason}`)
  return problems
}
