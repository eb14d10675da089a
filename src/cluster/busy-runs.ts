// skip-if-busy: which pipeline runs on the cluster are still going. Runs that started longer
// than busy-max-age ago are "stuck" (Mage runs can hang in initial/running forever) and do not
// keep the cluster up. Anything that prevents seeing the runs throws: never stop blind.
import type { SkipIfBusySettings } from '../config/types.js'
import type { OperationContext } from '../operations/context.js'
import { ClusterClient } from './cluster-client.js'
import { parseMageDatetime } from './datetimes.js'
import type { PipelineRunRecord } from './pipeline-runs.js'

export interface RunSummary {
  readonly id: number | string
  readonly pipelineUuid: string
  readonly status: string
  /** Epoch ms the run started (else was created or scheduled); undefined when unreadable. */
  readonly startedAt?: number
}

const BUSY_STATUSES = ['initial', 'running'] as const
const PAGE_SIZE = 100
/** 20 pages of 100 per status: far beyond any real backlog, and the listing stays bounded. */
const MAX_PAGES = 20

export async function findBlockingRuns(
  context: OperationContext,
  settings: SkipIfBusySettings
): Promise<{ blocking: RunSummary[]; stuck: RunSummary[] }> {
  const { io, clock } = context
  const client = new ClusterClient(context.http('cluster'), settings.clusterUrl, settings.cluster)
  await client.login()
  const runs = new Map<string, RunSummary>()
  for (const status of BUSY_STATUSES) {
    for (const run of await listAll(client, status)) runs.set(String(run.id), summaryOf(run))
  }
  const now = clock.now()
  const blocking: RunSummary[] = []
  const stuck: RunSummary[] = []
  for (const run of runs.values()) {
    const tooOld = run.startedAt !== undefined && now - run.startedAt > settings.busyMaxAgeMs
    ;(tooOld ? stuck : blocking).push(run)
  }
  io.info(
    `Pipeline runs in progress on the cluster: ${blocking.length}` +
      (stuck.length > 0 ? ` (and ${stuck.length} older than busy-max-age)` : '')
  )
  return { blocking, stuck }
}

async function listAll(client: ClusterClient, status: string): Promise<PipelineRunRecord[]> {
  const runs: PipelineRunRecord[] = []
  for (let page = 0; page < MAX_PAGES; page++) {
    const { runs: batch, next } = await client.listRuns(status, PAGE_SIZE, page * PAGE_SIZE)
    runs.push(...batch)
    if (!next || batch.length === 0) break
  }
  // The list may hold other statuses if a server ignores the filter: keep only what was asked.
  return runs.filter(run => run.status === status)
}

function summaryOf(run: PipelineRunRecord): RunSummary {
  const startedAt =
    parseMageDatetime(run.startedAt) ??
    parseMageDatetime(run.createdAt) ??
    parseMageDatetime(run.executionDate)
  return {
    id: run.id,
    pipelineUuid: run.pipelineUuid ?? '(unknown pipeline)',
    status: run.status,
    startedAt
  }
}
