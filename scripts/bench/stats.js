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
