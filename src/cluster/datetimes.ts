// Mage writes datetimes three ways (mage-real-observations.md §8.7): `2026-11-28 17:04:34[.598006]`
// (space, naive), `… 17:04:30.779312+00:00` (space, offset) and `2026-11-28T17:07:38[+00:00]`
// (ISO). A naive value is UTC: the server's database stores UTC without a zone.

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i

/** Epoch milliseconds of a Mage datetime, or undefined when it is absent or unreadable. */
export function parseMageDatetime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const match = DATETIME.exec(value.trim())
  if (!match) return undefined
  const [, year, month, day, hour, minute, second, fraction, zone] = match
  const millis = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0
  const utc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second ?? 0),
    millis
  )
  if (Number.isNaN(utc) || !sameFields(utc, year, month, day, hour, minute)) return undefined
  return utc - offsetMs(zone)
}

/** Rejects dates that Date.UTC silently rolls over (`2026-02-31`, `25:00`). */
function sameFields(
  utc: number,
  year: string,
  month: string,
  day: string,
  hour: string,
  minute: string
): boolean {
  const date = new Date(utc)
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    date.getUTCHours() === Number(hour) &&
    date.getUTCMinutes() === Number(minute)
  )
}

function offsetMs(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = Number(digits.slice(2, 4) || '0')
  return sign * (hours * 60 + minutes) * 60_000
}
