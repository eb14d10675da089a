// The `output` of run-block under GitHub's output limits: always valid JSON, built from the raw
// `run` values as the server wrote them; what does not fit becomes null (SPEC §6 "Outputs").
import { isValidJson } from '../http/json-scan.js'

/** Characters `output` may use: 1 MB per job, counted in UTF-16, leaves room for the rest. */
export const OUTPUT_BUDGET_CHARS = 240_000

export interface BlockValue {
  readonly block: string
  /** The raw `run` value text; undefined when the block gave none (it failed). */
  readonly raw?: string
}

export interface ComposedOutput {
  readonly text: string
  /** True when a value was replaced by null to fit. */
  readonly truncated: boolean
}

/**
 * One block: its raw value. Several (a smoke run): an object keyed by block, values kept in
 * order while they fit and the rest null.
 */
export function composeOutput(
  values: readonly BlockValue[],
  keyed: boolean,
  budget = OUTPUT_BUDGET_CHARS
): ComposedOutput {
  if (!keyed) {
    const raw = values[0]?.raw
    if (raw === undefined) return { text: 'null', truncated: false }
    return raw.length <= budget
      ? { text: raw, truncated: false }
      : { text: 'null', truncated: true }
  }
  let used = objectText(values.map(value => ({ block: value.block }))).length
  let kept = 0
  for (const value of values) {
    const extra = value.raw === undefined ? 0 : value.raw.length - 'null'.length
    if (used + extra > budget) break
    used += extra
    kept++
  }
  const fitted = values.map((value, index) => (index < kept ? value : { block: value.block }))
  const truncated = values.slice(kept).some(value => value.raw !== undefined)
  return { text: objectText(fitted), truncated }
}

/** Everything, never cut: what `output-file` holds. */
export function fullOutput(values: readonly BlockValue[], keyed: boolean): string {
  return fullOutputPieces(values, keyed).join('')
}

/** fullOutput as pieces to write one after another: big values are never joined in memory. */
export function fullOutputPieces(values: readonly BlockValue[], keyed: boolean): string[] {
  if (!keyed) return [values[0]?.raw ?? 'null']
  const members = values.flatMap((value, index) => [
    `${index === 0 ? '' : ','}${JSON.stringify(value.block)}:`,
    value.raw ?? 'null'
  ])
  return ['{', ...members, '}']
}

function objectText(values: readonly BlockValue[]): string {
  const members = values.map(value => `${JSON.stringify(value.block)}:${value.raw ?? 'null'}`)
  return `{${members.join(',')}}`
}

/**
 * Replaces known secrets in a raw value. Masking must not break the JSON: should a secret sit
 * outside a string (a numeric password), the value becomes null instead.
 */
export function redactRaw(raw: string, redact: (text: string) => string): string {
  const redacted = redact(raw)
  if (redacted === raw) return raw
  // Checked, not parsed: the value may be 50 MB.
  return isValidJson(redacted) ? redacted : 'null'
}
