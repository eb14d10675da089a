// Reading pipeline runs out of Mage answers, tolerating the field sets that differ between the
// list, the detail, the trigger and the cancel answers (mage-real-observations.md §5).
import { isRecord } from '../http/json.js'
import { oneLine } from '../http/one-line.js'

/** Server text goes to logs and outputs: on one line (never a workflow command), or nothing. */
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? oneLine(value, 200) || undefined : undefined

export interface BlockRunState {
  readonly blockUuid: string
  readonly status: string
}

export interface PipelineRunRecord {
  readonly id: number | string
  readonly status: string
  readonly pipelineUuid?: string
  /** Undefined when the answer carries none (trigger and cancel answers). */
  readonly blockRuns?: readonly BlockRunState[]
  readonly startedAt?: unknown
  readonly createdAt?: unknown
  readonly executionDate?: unknown
}

/** The statuses a pipeline run ends in; only `completed` is success. */
export const FINAL_RUN_STATUSES: ReadonlySet<string> = new Set(['completed', 'failed', 'cancelled'])

/** A pipeline run object, or undefined when it lacks an id or a status. */
export function readPipelineRun(value: unknown): PipelineRunRecord | undefined {
  if (!isRecord(value)) return undefined
  const id = typeof value.id === 'string' ? text(value.id) : value.id
  const status = text(value.status)
  if ((typeof id !== 'number' && typeof id !== 'string') || id === '' || !status) return undefined
  return {
    id,
    status,
    pipelineUuid: text(value.pipeline_uuid),
    blockRuns: Array.isArray(value.block_runs) ? readBlockRuns(value.block_runs) : undefined,
    startedAt: value.started_at,
    createdAt: value.created_at,
    executionDate: value.execution_date
  }
}

function readBlockRuns(items: unknown[]): BlockRunState[] {
  const states: BlockRunState[] = []
  for (const item of items) {
    if (!isRecord(item)) continue
    const blockUuid = text(item.block_uuid)
    const status = text(item.status)
    if (blockUuid && status) states.push({ blockUuid, status })
  }
  return states
}
