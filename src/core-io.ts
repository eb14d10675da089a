// The ActionIO port implemented over @actions/core: the only file that touches it.
import * as core from '@actions/core'
import type { ActionIO } from './runtime.js'

// The runner does not nest log groups: a group opened inside another closes the outer one. So an
// inner group closes the outer one itself and reopens it afterwards, "(continued)".
const openGroups: string[] = []

async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const outer = openGroups.at(-1)
  if (outer !== undefined) core.endGroup()
  core.startGroup(name)
  openGroups.push(name)
  try {
    return await fn()
  } finally {
    core.endGroup()
    openGroups.pop()
    if (outer !== undefined) core.startGroup(`${outer} (continued)`)
  }
}

export const coreIO: ActionIO = {
  info: message => core.info(message),
  debug: message => core.debug(message),
  isDebug: () => core.isDebug(),
  notice: message => core.notice(message),
  warning: message => core.warning(message),
  error: message => core.error(message),
  group,
  setSecret: value => core.setSecret(value),
  setOutput: (name, value) => core.setOutput(name, value),
  appendSummary: async markdown => {
    // Without GITHUB_STEP_SUMMARY (a local run) there is nowhere to write: not an error.
    if (!process.env.GITHUB_STEP_SUMMARY) return
    await core.summary.addRaw(markdown, true).write()
    core.summary.emptyBuffer()
  },
  saveState: (name, value) => core.saveState(name, value),
  getState: name => core.getState(name),
  setFailed: message => core.setFailed(message)
}

/** An input exactly as given (the caller trims where that is right), '' when unset. */
export function rawInput(name: string): string {
  return core.getInput(name, { trimWhitespace: false })
}
