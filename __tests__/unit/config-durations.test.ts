import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { formatDuration, parseBoundedDuration, parseDuration } from '../../src/config/durations.js'
import { expectConfigError } from './config-expect-error.js'

const S = 1000
const M = 60 * S
const H = 60 * M

describe('parseDuration', () => {
  it.each([
    ['90s', 90 * S],
    ['10m', 10 * M],
    ['1h30m', H + 30 * M],
    ['1.5m', 90 * S],
    ['250ms', 250],
    ['1h30m15s250ms', H + 30 * M + 15 * S + 250],
    ['2h15s', 2 * H + 15 * S],
    ['1h 30m', H + 30 * M],
    ['30', 30 * S],
    ['2.5', 2500],
    ['0', 0],
    ['0s', 0],
    ['  15m  ', 15 * M],
    ['24h', 24 * H],
    ['0.5s', 500],
    ['1.5ms', 2]
  ])('%j is %d ms', (raw, ms) => {
    expect(parseDuration('timeout', raw)).toBe(ms)
  })

  it.each([
    ['', 'is empty'],
    ['   ', 'is empty'],
    ['-5s', 'is not a duration'],
    ['1d', "'1d' is not a duration"],
    ['5 m', 'is not a duration'],
    ['1h30', 'is not a duration'],
    ['abc', 'is not a duration'],
    ['1.5.5s', 'is not a duration'],
    ['.5s', 'is not a duration'],
    ['+5s', 'is not a duration'],
    ['1e3', 'is not a duration'],
    ['1H', 'is not a duration'],
    ['5sec', 'is not a duration'],
    ['s', 'is not a duration'],
    ['1h\n30m', 'is not a duration'],
    ['30m1h', 'largest first'],
    ['5m5m', 'largest first'],
    ['9'.repeat(400) + 'h', 'too long']
  ])('%j is an error naming the input', (raw, fragment) => {
    expectConfigError(() => parseDuration('poll-interval', raw), 'poll-interval', fragment)
  })

  it('cuts a long bad value in its message', () => {
    const error = expectConfigError(() => parseDuration('timeout', 'x'.repeat(500)), 'timeout')
    expect(error.message.length).toBeLessThan(200)
  })

  it('round-trips whole numbers of each unit', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1_000_000 }),
        fc.constantFrom(['ms', 1], ['s', S], ['m', M], ['h', H]),
        (n, [unit, factor]) => parseDuration('timeout', `${n}${unit}`) === n * factor
      )
    )
  })

  it('adds the parts of a compound duration, and reads plain seconds', () => {
    fc.assert(
      fc.property(fc.nat(99), fc.nat(59), fc.nat(59), fc.nat(999), (h, m, s, ms) => {
        const text = `${h}h${m}m${s}s${ms}ms`
        return (
          parseDuration('timeout', text) === h * H + m * M + s * S + ms &&
          parseDuration('timeout', `${s}`) === s * S
        )
      })
    )
  })
})

describe('parseBoundedDuration', () => {
  const timeout = { minMs: 0, exclusiveMin: true, maxMs: 120 * H }
  const pollInterval = { minMs: S, maxMs: 5 * M }
  const busyMaxAge = { minMs: M }

  it.each([
    ['timeout', '1s', timeout, S],
    ['timeout', '120h', timeout, 120 * H],
    ['poll-interval', '1s', pollInterval, S],
    ['poll-interval', '5m', pollInterval, 5 * M],
    ['poll-interval', '5', pollInterval, 5 * S],
    ['busy-max-age', '1m', busyMaxAge, M],
    ['busy-max-age', '720h', busyMaxAge, 720 * H]
  ])('%s %j is accepted', (input, raw, bounds, ms) => {
    expect(parseBoundedDuration(input, raw, bounds)).toBe(ms)
  })

  it.each([
    ['timeout', '0s', 'must be more than 0s and at most 120h', timeout],
    ['timeout', '0.0001s', 'must be more than 0s', timeout],
    ['timeout', '121h', 'at most 120h', timeout],
    ['poll-interval', '500ms', 'must be between 1s and 5m', pollInterval],
    ['poll-interval', '5m1s', 'must be between 1s and 5m', pollInterval],
    ['busy-max-age', '59s', 'must be at least 1m', busyMaxAge],
    ['busy-max-age', '2x', 'is not a duration', busyMaxAge]
  ])('%s %j is refused: %s', (input, raw, fragment, bounds) => {
    expectConfigError(() => parseBoundedDuration(input, raw, bounds), input, fragment)
  })

  it('says "at most" when only a maximum is set', () => {
    expectConfigError(
      () => parseBoundedDuration('x', '2m', { maxMs: M }),
      'x',
      'must be at most 1m'
    )
  })
})

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [250, '250ms'],
    [S, '1s'],
    [5 * M, '5m'],
    [H + 30 * M, '1h30m'],
    [120 * H, '120h'],
    [H + S + 1, '1h1s1ms']
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  it('is read back by parseDuration', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10 * 24 * H }), ms => parseDuration('t', formatDuration(ms)) === ms)
    )
  })
})
