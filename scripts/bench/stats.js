// Medians and ranges of repeated measurements.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** { median, min, max, n } of `values` (rounded to `digits`). */
export function summarize(values, digits = 0) {
  const round = value => Number(value.toFixed(digits))
  return {
    median: round(median(values)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    n: values.length
  }
}

/**
 * A 90 % bootstrap interval of `statistic`, a function of a list of round indices: the rounds
 * are drawn again with replacement, and a round keeps every case measured in it. Seeded, so a
 * run's JSON gives the same interval every time it is read.
 */
export function bootstrapInterval(rounds, statistic, { resamples = 2000, seed = 1 } = {}) {
  let state = seed
  // Park–Miller: enough randomness to resample, and reproducible.
  const next = () => (state = (state * 48271) % 2147483647) / 2147483647
  const values = []
  for (let i = 0; i < resamples; i++) {
    const drawn = Array.from({ length: rounds }, () => Math.floor(next() * rounds))
    values.push(statistic(drawn))
  }
  values.sort((a, b) => a - b)
  return { low: values[Math.floor(resamples * 0.05)], high: values[Math.floor(resamples * 0.95)] }
}

/** Runs `measure` once per round over `cases`, interleaved, after one warm-up round. */
export async function interleaved(cases, rounds, measure) {
  const samples = new Map(cases.map(item => [item, []]))
  for (let round = -1; round < rounds; round++) {
    for (const item of cases) {
      const value = await measure(item)
      if (round >= 0) samples.get(item).push(value)
    }
  }
  return samples
}
