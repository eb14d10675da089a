// Durations as users write them: `90s`, `10m`, `1h30m`, `1.5m`, `250ms`, or plain seconds.
import { ConfigError } from '../errors.js'
import { showValue } from './show-value.js'

const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 } as const
type Unit = keyof typeof UNIT_MS
/** Units largest first: each may appear once, in this order (`1h30m`, not `30m1h` or `5m5m`). */
const UNIT_ORDER: readonly Unit[] = ['h', 'm', 's', 'ms']

const PLAIN_SECONDS = /^\d+(?:\.\d+)?$/
// `ms` is tried before `m`, so `250ms` is 250 milliseconds. Spaces between parts (`1h 30m`) are
// harmless and allowed; a space between number and unit is not.
const PART = /(\d+(?:\.\d+)?)(ms|h|m|s)[ \t]*/y
const HINT = 'use e.g. 90s, 10m, 1h30m, 250ms or plain seconds'

/** Milliseconds, rounded to a whole number. Throws a `ConfigError` naming `input`. */
export function parseDuration(input: string, raw: string): number {
  const text = raw.trim()
  if (text === '') throw new ConfigError(input, `is empty: ${HINT}`)
  if (PLAIN_SECONDS.test(text)) return toWholeMs(input, Number(text) * 1000)

  let total = 0
  let position = 0
  let lastUnit = -1
  while (position < text.length) {
    PART.lastIndex = position
    const match = PART.exec(text)
    if (match === null)
      throw new ConfigError(input, `${showValue(text)} is not a duration: ${HINT}`)
    const unit = match[2] as Unit
    const unitIndex = UNIT_ORDER.indexOf(unit)
    if (unitIndex <= lastUnit) {
      throw new ConfigError(
        input,
        `${showValue(text)} is not a duration: give each unit once, largest first (${HINT})`
      )
    }
    lastUnit = unitIndex
    total += Number(match[1]) * UNIT_MS[unit]
    position = PART.lastIndex
  }
  return toWholeMs(input, total)
}

function toWholeMs(input: string, ms: number): number {
  if (!Number.isFinite(ms) || ms > Number.MAX_SAFE_INTEGER) {
    throw new ConfigError(input, 'is too long a duration')
  }
  return Math.round(ms)
}

export interface DurationBounds {
  readonly minMs?: number
  readonly maxMs?: number
  /** `minMs` itself is not allowed (e.g. `timeout` must be more than 0). */
  readonly exclusiveMin?: boolean
}

/** `parseDuration`, then a range check whose message says what is allowed. */
export function parseBoundedDuration(input: string, raw: string, bounds: DurationBounds): number {
  const ms = parseDuration(input, raw)
  const { minMs, maxMs, exclusiveMin = false } = bounds
  const tooSmall = minMs !== undefined && (exclusiveMin ? ms <= minMs : ms < minMs)
  const tooLarge = maxMs !== undefined && ms > maxMs
  if (tooSmall || tooLarge) {
    throw new ConfigError(input, `${describeBounds(bounds)} (got ${showValue(raw.trim())})`)
  }
  return ms
}

function describeBounds({ minMs, maxMs, exclusiveMin = false }: DurationBounds): string {
  if (minMs !== undefined && maxMs !== undefined) {
    return exclusiveMin
      ? `must be more than ${formatDuration(minMs)} and at most ${formatDuration(maxMs)}`
      : `must be between ${formatDuration(minMs)} and ${formatDuration(maxMs)}`
  }
  if (minMs !== undefined) {
    return `must be ${exclusiveMin ? 'more than' : 'at least'} ${formatDuration(minMs)}`
  }
  return maxMs !== undefined ? `must be at most ${formatDuration(maxMs)}` : 'is out of range'
}

/** `5400000` → `1h30m`, `250` → `250ms`, `0` → `0s`: the form users write. */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.round(ms))
  let text = ''
  for (const unit of UNIT_ORDER) {
    const count = Math.floor(rest / UNIT_MS[unit])
    if (count > 0) text += `${count}${unit}`
    rest -= count * UNIT_MS[unit]
  }
  return text === '' ? '0s' : text
}
