// Where a smoke run's time goes, request by request: from the emulator's receipt of one request
// to its receipt of the next, and from the last to the process's end. Medians over the rounds,
// so that a difference between the step and the minimal script can be placed in the run.
import { median } from './stats.js'

const round2 = value => Number(value.toFixed(2))

/**
 * `runs`: one per round, each `{ receivedAt, closedAt }` on one clock: when the emulator had
 * each request, and when the process had ended. `gapsMs[i]` runs from request i + 1 to i + 2.
 */
export function requestGaps(runs) {
  const count = runs[0].receivedAt.length
  const gapsMs = Array.from({ length: count - 1 }, (_, i) =>
    round2(median(runs.map(({ receivedAt }) => receivedAt[i + 1] - receivedAt[i])))
  )
  const lastToEndMs = round2(
    median(runs.map(({ receivedAt, closedAt }) => closedAt - receivedAt.at(-1)))
  )
  return { gapsMs, lastToEndMs }
}
