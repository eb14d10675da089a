// What the post step needs to cancel a run the main step was waiting on: the cluster URL and
// the run id, never a secret (GITHUB_STATE is a plain file). Saved while the wait lasts and
// cleared when it ends, so the post step acts only when the job was cancelled or the step killed.
import type { ActionIO } from '../runtime.js'

export const STATE_CLUSTER_URL = 'mage-cluster-url'
export const STATE_RUN_ID = 'mage-pipeline-run-id'

export function rememberWaitedRun(io: ActionIO, clusterUrl: string, runId: number | string): void {
  io.saveState(STATE_CLUSTER_URL, clusterUrl)
  io.saveState(STATE_RUN_ID, String(runId))
}

export function forgetWaitedRun(io: ActionIO): void {
  io.saveState(STATE_RUN_ID, '')
  io.saveState(STATE_CLUSTER_URL, '')
}

export function waitedRunOf(
  io: Pick<ActionIO, 'getState'>
): { clusterUrl: string; runId: string } | undefined {
  const runId = io.getState(STATE_RUN_ID).trim()
  const clusterUrl = io.getState(STATE_CLUSTER_URL).trim()
  return runId && clusterUrl ? { clusterUrl, runId } : undefined
}
