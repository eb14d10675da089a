// The `output` of run-block under GitHub's output limits: always valid JSON, built from the raw
// `run` values as the server sent them; what does not fit becomes null (SPEC §6 "Outputs").
// Values stay bytes: only one that may fit the budget is ever decoded.
import { isValidJsonText } from '../http/json-scan.js'
import type { Secrets } from '../secrets.js'

/** Characters `output` may use: 1 MB per job, counted in UTF-16, leaves room for the rest. */
export const OUTPUT_BUDGET_CHARS = 240_000

/** UTF-8 takes at most 3 bytes per UTF-16 code unit (4 for a pair of them). */
const MAX_BYTES_PER_CHAR = 3

export interface BlockValue {
  readonly block: string
  /** The `run` value's bytes as the server sent them; undefined when the block gave none. */
  readonly raw?: Buffer
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
    const text = textWithin(raw, budget)
    return text === undefined ? { text: 'null', truncated: true } : { text, truncated: false }
  }
  let used = objectText(values.map(value => ({ block: value.block }))).length
  const fitted: { block: string; text?: string }[] = []
  for (const value of values) {
    if (value.raw === undefined) {
      fitted.push({ block: value.block })
      continue
    }
    const text = textWithin(value.raw, budget - used + 'null'.length)
    if (text === undefined) break
    used += text.length - 'null'.length
    fitted.push({ block: value.block, text })
  }
  const rest = values.slice(fitted.length)
  const truncated = rest.some(value => value.raw !== undefined)
  return {
    text: objectText([...fitted, ...rest.map(value => ({ block: value.block }))]),
    truncated
  }
}

/** The value's text when it takes at most `maxChars` UTF-16 units; decoded only if it may. */
function textWithin(raw: Buffer, maxChars: number): string | undefined {
  if (raw.length > MAX_BYTES_PER_CHAR * maxChars) return undefined
  const text = raw.toString('utf8')
  return text.length <= maxChars ? text : undefined
}

/** Everything, never cut: what `output-file` holds, as pieces to write one after another. */
export function fullOutputPieces(
  values: readonly BlockValue[],
  keyed: boolean
): (string | Buffer)[] {
  if (!keyed) return [values[0]?.raw ?? 'null']
  const members = values.flatMap((value, index) => [
    `${index === 0 ? '' : ','}${JSON.stringify(value.block)}:`,
    value.raw ?? 'null'
  ])
  return ['{', ...members, '}']
}

function objectText(values: readonly { block: string; text?: string }[]): string {
  const members = values.map(value => `${JSON.stringify(value.block)}:${value.text ?? 'null'}`)
  return `{${members.join(',')}}`
}

const NULL_VALUE = Buffer.from('null')

/**
 * Replaces known secrets in a raw value. Masking must not break the JSON: should a secret sit
 * outside a string (a numeric password), the value becomes null instead. A value without a
 * secret is returned as it is, never decoded.
 */
export function redactRaw(raw: Buffer, secrets: Pick<Secrets, 'foundIn' | 'redact'>): Buffer {
  if (!secrets.foundIn(raw)) return raw
  const redacted = secrets.redact(raw.toString('utf8'))
  return isValidJsonText(redacted) ? Buffer.from(redacted, 'utf8') : NULL_VALUE
}
