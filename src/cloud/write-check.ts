// Whether the cluster, read after a write whose answer was lost, holds that write: every config
// key sent has the value sent (keys compared regardless of order), and the status moved the
// way the write asked.
import { isRecord } from '../http/json.js'
import type { CloudCluster, ClusterWrite } from './cloud-client.js'

/** Statuses that contradict a write asking for `Active` or `Stopped`. */
const CONTRADICTING: Record<'Active' | 'Stopped', ReadonlySet<string>> = {
  Active: new Set(['Stopped', 'Stopping']),
  Stopped: new Set(['Active', 'Starting', 'Updating'])
}

export function holdsWrite(cluster: CloudCluster, write: ClusterWrite): boolean {
  if (write.status && CONTRADICTING[write.status].has(cluster.status)) return false
  return Object.entries(write.config).every(([key, value]) => sameJson(cluster.config[key], value))
}

export function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameJson(item, b[i]))
    )
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a)
    return (
      keys.length === Object.keys(b).length &&
      keys.every(key => Object.hasOwn(b, key) && sameJson(a[key], b[key]))
    )
  }
  return Object.is(a, b)
}
