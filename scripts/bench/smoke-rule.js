// The smoke-run target, judged from measured runs: N blocks must cost no more than the step's
// cold start plus N single requests, a single request being what one more POST costs a minimal
// script sending the same N requests (a cold process too, whose first requests cost more than its
// later ones). The cold start is the one-block step less one request, so N blocks may add to a
// one-block step no more than requests 2 to N add to the script.
//
// What N adds is timed from the emulator's receipt of the first request to the process's end
// (`fromFirstMs`): start-up, the same code whatever N and most of the noise, drops out.
import { bootstrapInterval, median, summarize } from './stats.js'

const round1 = value => Number(value.toFixed(1))

/**
 * One row per block count. `samplesOf(kind, count, field)` gives a field's value per round, for
 * kind 'step' or 'bare' (the script) and field 'wallMs' or 'fromFirstMs'; `counts` starts at 1 and
 * ends at the largest count, the one the one-rate reference (`atWarmRate`) is drawn from.
 */
export function judgeSmokeRuns({ counts, rounds, samplesOf, requestsOf, connectionsOf }) {
  const fromFirstOf = new Map(
    ['step', 'bare'].flatMap(kind =>
      counts.map(count => [`${kind} ${count}`, samplesOf(kind, count, 'fromFirstMs')])
    )
  )
  // What counts 2..N add to count 1, from the rounds given (all, or a bootstrap draw of them).
  const addedOver = (picked, kind, count) => {
    const fromFirst = n => {
      const samples = fromFirstOf.get(`${kind} ${n}`)
      return median(picked.map(round => samples[round]))
    }
    return fromFirst(count) - fromFirst(1)
  }
  const startUpOf = (kind, count) => {
    const walls = samplesOf(kind, count, 'wallMs')
    return fromFirstOf.get(`${kind} ${count}`).map((fromFirst, round) => walls[round] - fromFirst)
  }
  const all = Array.from({ length: rounds }, (_, round) => round)
  const most = counts.at(-1)
  const mostAdded = addedOver(all, 'bare', most)
  const warmRateMs = mostAdded / (most - 1)
  const rows = counts.map(count => {
    const added = addedOver(all, 'step', count)
    const bareAdded = addedOver(all, 'bare', count)
    const row = {
      blocks: count,
      requests: requestsOf(count),
      connections: connectionsOf(count),
      wallMs: summarize(samplesOf('step', count, 'wallMs')),
      bareWallMs: summarize(samplesOf('bare', count, 'wallMs')),
      fromFirstMs: summarize(samplesOf('step', count, 'fromFirstMs'), 1),
      bareFromFirstMs: summarize(samplesOf('bare', count, 'fromFirstMs'), 1),
      // What is left out: it must not grow with N, or leaving it out would hide a cost.
      startUpMs: summarize(startUpOf('step', count), 1),
      bareStartUpMs: summarize(startUpOf('bare', count), 1),
      pass: requestsOf(count) === count && added <= bareAdded
    }
    if (count === 1) return row
    // How far under the script's cost the step's is, and how far that could move on this
    // machine: the same measurement with the rounds drawn again.
    const interval = bootstrapInterval(
      rounds,
      picked => addedOver(picked, 'bare', count) - addedOver(picked, 'step', count)
    )
    // A share of the script's own cost, so that at the most it is that cost exactly.
    const warmLimit = mostAdded * ((count - 1) / (most - 1))
    return {
      ...row,
      addedMs: round1(added),
      bareAddedMs: round1(bareAdded),
      perBlockMs: Number((added / (count - 1)).toFixed(2)),
      singleRequestMs: Number((bareAdded / (count - 1)).toFixed(2)),
      marginMs: {
        median: round1(bareAdded - added),
        low: round1(interval.low),
        high: round1(interval.high)
      },
      // One rate for every N instead: what a further request costs the script over the most.
      atWarmRate: {
        limitMs: round1(warmLimit),
        stepMet: added <= warmLimit,
        scriptMet: bareAdded <= warmLimit
      }
    }
  })
  return { reference: { warmRateMs: Number(warmRateMs.toFixed(2)) }, rows }
}
