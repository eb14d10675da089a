// Bounded waits: poll with jitter until the target, log each status change once, ride out reads
// that fail transiently, and at the deadline read one last time before giving up with the last
// status seen.
import type { CloudClient, CloudCluster } from '../cloud/cloud-client.js'
import { DeadlineError, OperationError, errorMessage } from '../errors.js'
import { isTransientReadFailure } from '../http/attempts.js'
import { isRecord } from '../http/json.js'
import type { OperationContext } from './context.js'

/** Statuses that will not turn into the target by waiting. */
const FAILED_STATUS = /error|fail/i

/** Sleeps one poll interval plus 0–10 % jitter, never past the deadline. */
async function pollPause(context: OperationContext): Promise<void> {
  const { clock, deadline, common } = context
  const pause = common.pollIntervalMs * (1 + 0.1 * clock.random())
  await clock.sleep(Math.min(pause, deadline.remainingMs()))
}

export async function waitForClusterStatus(
  context: OperationContext,
  cloud: CloudClient,
  target: 'Active' | 'Stopped',
  current: CloudCluster
): Promise<CloudCluster> {
  const { io, deadline, report } = context
  let cluster = current
  report.set('cluster-status', cluster.status)
  report.status = cluster.status
  while (cluster.status !== target) {
    if (FAILED_STATUS.test(cluster.status)) {
      throw new OperationError(
        `the cluster reached status '${cluster.status}' while waiting for '${target}'`,
        cluster.status
      )
    }
    await pollPause(context)
    const lastRead = deadline.expired()
    if (lastRead) io.info('Timeout reached; reading the cluster status one last time')
    const next = await pollCluster(context, cloud, lastRead, target, cluster.status)
    if (!next) continue
    if (next.status !== cluster.status)
      io.info(`Cluster status: ${cluster.status} → ${next.status}`)
    else io.debug(`Cluster status: ${next.status}`)
    cluster = next
    report.set('cluster-status', cluster.status)
    report.status = cluster.status
    if (lastRead && cluster.status !== target) {
      throw new OperationError(timedOut(target, cluster.status), cluster.status)
    }
  }
  return cluster
}

function timedOut(target: string, status: string): string {
  return `timed out waiting for the cluster to be '${target}'; last status seen: '${status}'`
}

/**
 * One poll. A read that fails transiently (a proxy's 502, a dropped connection) is not the end
 * of the wait: undefined, and the next poll tries again. At the deadline it is: the failure
 * names the last status seen and the read's error.
 */
async function pollCluster(
  context: OperationContext,
  cloud: CloudClient,
  lastRead: boolean,
  target: string,
  lastSeen: string
): Promise<CloudCluster | undefined> {
  try {
    return await cloud.getCluster({ log: 'debug', lastRead })
  } catch (error) {
    const transient = isTransientReadFailure(error) || error instanceof DeadlineError
    if (!transient) throw error
    const reason = context.secrets.redact(errorMessage(error))
    if (lastRead) {
      throw new OperationError(
        `${timedOut(target, lastSeen)}; the last read failed: ${reason}`,
        lastSeen
      )
    }
    context.io.info(`Could not read the cluster (${reason}); polling on`)
    return undefined
  }
}

/** Waits until GET {cluster-url}/api/status answers 200 with JSON: a cluster is ready when it serves. */
export async function waitForServing(context: OperationContext, clusterUrl: string): Promise<void> {
  const { io, deadline } = context
  const http = context.http('cluster')
  const url = `${clusterUrl}/api/status`
  let lastProblem: string
  io.info(`Waiting for ${clusterUrl} to serve (GET /api/status)`)
  for (let first = true; ; first = false) {
    if (!first) await pollPause(context)
    const lastRead = deadline.expired()
    try {
      const response = await http.call({
        method: 'GET',
        url,
        retry: 'idempotent',
        timeout: 'short',
        log: 'debug',
        maxAttempts: 1,
        lastRead
      })
      if (isRecord(response.body)) {
        io.info(`The cluster serves: GET /api/status → ${response.status}`)
        return
      }
      lastProblem = 'the answer was not a JSON object'
    } catch (error) {
      lastProblem = errorMessage(error)
    }
    if (lastRead) {
      throw new OperationError(
        `timed out waiting for the cluster to serve at ${clusterUrl}/api/status; last answer: ${lastProblem}`
      )
    }
    io.debug(`Not serving yet: ${lastProblem}`)
  }
}
