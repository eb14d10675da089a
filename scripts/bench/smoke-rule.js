// The smoke-run target, judged from measured runs. Its sentence has two parts, and so has the
// rule: N blocks "cost about N requests and no more than N × the single-request time plus the
// cold start".
// - About N requests: the step sends N, and what blocks 2 to N add to a one-block step is about
//   what requests 2 to N add to a minimal script sending the same N requests (a cold process too,
//   whose first requests cost more than its later ones): at most ABOUT times as much, the
//   tolerance the targets give run-block's overhead.
// - The ceiling: the single-request time is the script's one-request run, from its request to its
//   end; the cold start is the one-block step less that. So blocks 2 to N may add N − 1 of it. It
//   holds a cost that grows faster than N even when the script's does too.
//
// What N adds is timed from the emulator's receipt of the first request to the process's end
// (`fromFirstMs`): start-up, the same code whatever N and most of the noise, drops out.
import { bootstrapInterval, median, summarize } from './stats.js'

/** How many times what the script adds a step's further blocks may add and still be "about" it. */
const ABOUT = 1.2

const round1 = value => Number(value.toFixed(1))
const round2 = value => Number(value.toFixed(2))

/**
 * One row per block count. `samplesOf(kind, count, field)` gives a field's value per round, for
 * kind 'step' or 'bare' (the script) and field 'wallMs' or 'fromFirstMs'; `counts` starts at 1.
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
  const singleRequestMs = median(fromFirstOf.get('bare 1'))
  const rows = counts.map(count => {
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
      pass: requestsOf(count) === count
    }
    if (count === 1) return row
    const added = addedOver(all, 'step', count)
    const bareAdded = addedOver(all, 'bare', count)
    const ceiling = (count - 1) * singleRequestMs
    // How far that could move on this machine: the same measurement with the rounds drawn again.
    const interval = bootstrapInterval(
      rounds,
      picked => addedOver(picked, 'step', count) / addedOver(picked, 'bare', count)
    )
    return {
      ...row,
      addedMs: round1(added),
      bareAddedMs: round1(bareAdded),
      perBlockMs: round2(added / (count - 1)),
      barePerRequestMs: round2(bareAdded / (count - 1)),
      ratio: {
        median: round2(added / bareAdded),
        low: round2(interval.low),
        high: round2(interval.high)
      },
      ceilingMs: round1(ceiling),
      pass: row.pass && added <= ABOUT * bareAdded && added <= ceiling
    }
  })
  return { reference: { singleRequestMs: round1(singleRequestMs), about: ABOUT }, rows }
}
