// The benchmark's bootstrap interval: rounds drawn again with replacement, reproducible, and as
// wide as the spread of the rounds makes it.
import { describe, expect, it } from '@jest/globals'

// A plain .js module without type declarations: imported dynamically, typed here.
interface StatsModule {
  median: (values: number[]) => number
  bootstrapInterval: (
    rounds: number,
    statistic: (picked: number[]) => number,
    options?: { resamples?: number; seed?: number }
  ) => { low: number; high: number }
}
const statsModule = '../../scripts/bench/stats.js'
const { median, bootstrapInterval } = (await import(statsModule)) as StatsModule

const all = (count: number): number[] => Array.from({ length: count }, (_, i) => i)

describe('bootstrapInterval', () => {
  it('is a single point when every round measured the same', () => {
    const walls = [5, 5, 5, 5, 5]
    const interval = bootstrapInterval(walls.length, picked =>
      median(picked.map(round => walls[round]))
    )
    expect(interval).toEqual({ low: 5, high: 5 })
  })

  it('brackets the median of noisy rounds, and narrows as rounds are added', () => {
    // The same spread of values, 11 rounds and then 99.
    const noisy = (count: number): number[] => all(count).map(i => 100 + ((i * 37) % 11) - 5)
    const width = (walls: number[]): number => {
      const { low, high } = bootstrapInterval(walls.length, picked =>
        median(picked.map(round => walls[round]))
      )
      expect(low).toBeLessThanOrEqual(median(walls))
      expect(high).toBeGreaterThanOrEqual(median(walls))
      return high - low
    }
    const few = width(noisy(11))
    expect(few).toBeGreaterThan(0)
    expect(width(noisy(99))).toBeLessThan(few)
  })

  it('keeps each round whole: a difference of two cases measured together does not vary', () => {
    // Both cases swing together from round to round; their difference is always 3.
    const a = all(21).map(i => 100 + ((i * 7) % 13))
    const b = a.map(value => value + 3)
    const interval = bootstrapInterval(21, picked =>
      median(picked.map(round => b[round] - a[round]))
    )
    expect(interval).toEqual({ low: 3, high: 3 })
  })

  it('gives the same interval for the same seed', () => {
    const walls = all(15).map(i => (i * 53) % 17)
    const statistic = (picked: number[]): number => median(picked.map(round => walls[round]))
    expect(bootstrapInterval(15, statistic)).toEqual(bootstrapInterval(15, statistic))
    expect(bootstrapInterval(15, statistic, { seed: 7 })).toEqual(
      bootstrapInterval(15, statistic, { seed: 7 })
    )
  })
})
