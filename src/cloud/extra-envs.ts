// Read-modify-write of the cluster's `extraEnvs` list, keeping every entry the change does not
// own exactly as it was (order, extra fields, entries of other shapes).
import type { EnvEntry } from '../config/types.js'
import { isRecord } from '../http/json.js'

export interface EnvPlan {
  /** The whole new list, to write back. */
  readonly extraEnvs: unknown[]
  /** Names added, changed or removed, in input order (sets first, then unsets). */
  readonly changedNames: string[]
}

function entriesOf(extraEnvs: unknown): unknown[] {
  return Array.isArray(extraEnvs) ? extraEnvs : []
}

function nameOf(entry: unknown): string | undefined {
  return isRecord(entry) && typeof entry.name === 'string' ? entry.name : undefined
}

/** The value a name has now: a string, `undefined` when absent, `null` when not a plain value. */
function currentValue(entries: unknown[], name: string): string | null | undefined {
  const entry = entries.find(item => nameOf(item) === name)
  if (entry === undefined) return undefined
  return isRecord(entry) && typeof entry.value === 'string' && entry.valueFrom === undefined
    ? entry.value
    : null
}

export function planEnvChange(
  extraEnvs: unknown,
  env: readonly EnvEntry[],
  unset: readonly string[]
): EnvPlan {
  const entries = entriesOf(extraEnvs)
  const changed = new Set<string>()
  for (const { name, value } of env) if (currentValue(entries, name) !== value) changed.add(name)
  for (const name of unset) if (currentValue(entries, name) !== undefined) changed.add(name)

  const values = new Map(env.map(({ name, value }) => [name, value]))
  const removed = new Set(unset)
  const written = new Set<string>()
  const result: unknown[] = []
  for (const entry of entries) {
    const name = nameOf(entry)
    if (name === undefined || (!values.has(name) && !removed.has(name))) {
      result.push(entry)
    } else if (values.has(name) && !written.has(name)) {
      // Keep the entry's other fields; a valueFrom would override the value, so it goes.
      const { valueFrom: _dropped, ...rest } = entry as Record<string, unknown>
      void _dropped
      result.push({ ...rest, name, value: values.get(name) })
      written.add(name)
    }
    // else: removed, or a later duplicate of a name we set
  }
  for (const { name, value } of env) if (!written.has(name)) result.push({ name, value })

  const order = [...env.map(entry => entry.name), ...unset]
  return { extraEnvs: result, changedNames: order.filter(name => changed.has(name)) }
}

/** Names whose requested state is not in `extraEnvs` (a lost update). */
export function missingChanges(
  extraEnvs: unknown,
  env: readonly EnvEntry[],
  unset: readonly string[]
): string[] {
  const entries = entriesOf(extraEnvs)
  const missing = env
    .filter(({ name, value }) => currentValue(entries, name) !== value)
    .map(e => e.name)
  for (const name of unset) if (currentValue(entries, name) !== undefined) missing.push(name)
  return missing
}

export function envNamesOf(extraEnvs: unknown): string[] {
  return entriesOf(extraEnvs)
    .map(nameOf)
    .filter((name): name is string => name !== undefined)
}
