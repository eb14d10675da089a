// The benchmark's smoke-run verdict: N requests; blocks 2 to N add to a one-block step about what
// requests 2 to N add to a minimal script (at most 1.2×), and no more than N − 1 of the script's
// one-request run; all timed from the first request, so start-up does not count.
import { describe, expect, it } from '@jest/globals'

type Kind = 'step' | 'bare'
type Field = 'wallMs' | 'fromFirstMs'
interface Row {
  blocks: number
  pass: boolean
  wallMs: { median: number }
  startUpMs: { median: number }
  addedMs?: number
  bareAddedMs?: number
  perBlockMs?: number
  barePerRequestMs?: number
  ratio?: { median: number; low: number; high: number }
  ceilingMs?: number
}
// A plain .js module without type declarations: imported dynamically, typed here.
interface SmokeRuleModule {
  judgeSmokeRuns: (options: {
    counts: number[]
    rounds: number
    samplesOf: (kind: Kind, count: number, field: Field) => number[]
    requestsOf: (count: number) => number
    connectionsOf: (count: number) => number
  }) => { reference: { singleRequestMs: number; about: number }; rows: Row[] }
}
const smokeRuleModule = '../../scripts/bench/smoke-rule.js'
const { judgeSmokeRuns } = (await import(smokeRuleModule)) as SmokeRuleModule

const COUNTS = [1, 10, 100]
const ROUNDS = 15

interface Plan {
  stepCost: (count: number) => number
  bareCost: (count: number) => number
  requestsOf?: (count: number) => number
  /** What the step spends before its first request, on top of the script's start-up. */
  stepStartUpMs?: (count: number) => number
}

/**
 * Runs whose time from the first request is a base (the first request and the exit) plus
 * `cost(count)` plus a noise the step and the script share in a round; their start-up, counted
 * in the wall time only, varies widely from round to round.
 */
function judge({ stepCost, bareCost, requestsOf = count => count, stepStartUpMs }: Plan) {
  const noise = (round: number) => (round * 7) % 5
  const startUp = (round: number) => 100 + ((round * 37) % 60)
  const fromFirst = (kind: Kind, count: number, round: number) =>
    (kind === 'step' ? 10 + stepCost(count) : 5 + bareCost(count)) + noise(round)
  const wall = (kind: Kind, count: number, round: number) =>
    startUp(round) + (kind === 'step' ? (stepStartUpMs?.(count) ?? 0) : 0)
  return judgeSmokeRuns({
    counts: COUNTS,
    rounds: ROUNDS,
    samplesOf: (kind, count, field) =>
      Array.from(
        { length: ROUNDS },
        (_, round) =>
          fromFirst(kind, count, round) + (field === 'wallMs' ? wall(kind, count, round) : 0)
      ),
    requestsOf,
    connectionsOf: count => count
  })
}

const rowOf = (rows: Row[], blocks: number): Row => rows.find(row => row.blocks === blocks) as Row

describe('judgeSmokeRuns', () => {
  // The script's first requests cost 2 ms each, then 1 ms: a cold process. Its one-request run
  // takes 5 + 2 ms from its request to its end, plus the median round's noise (2 ms): 9 ms.
  const script = (count: number) => 2 * Math.min(count, 10) + Math.max(count - 10, 0)

  it('passes a step whose further blocks cost what the script pays per request', () => {
    const { reference, rows } = judge({ stepCost: script, bareCost: script })
    for (const blocks of [10, 100]) {
      const row = rowOf(rows, blocks)
      expect(row.pass).toBe(true)
      expect(row.addedMs).toBe(row.bareAddedMs)
      expect(row.ratio).toEqual({ median: 1, low: 1, high: 1 })
    }
    expect(reference).toEqual({ singleRequestMs: 9, about: 1.2 })
    expect(rowOf(rows, 10)).toMatchObject({
      addedMs: 18,
      perBlockMs: 2,
      barePerRequestMs: 2,
      ceilingMs: 81
    })
  })

  it('passes a step that costs a little more per block, and says how much more', () => {
    const { rows } = judge({
      stepCost: count => script(count) + 0.1 * (count - 1),
      bareCost: script
    })
    // 18.9 ms against 18 ms, and 117.9 ms against 108 ms.
    expect(rowOf(rows, 10)).toMatchObject({ pass: true, ratio: { median: 1.05 } })
    expect(rowOf(rows, 100)).toMatchObject({ pass: true, ratio: { median: 1.09 } })
  })

  it('fails a step whose further blocks cost a quarter more than the script pays', () => {
    const { rows } = judge({ stepCost: count => 1.25 * script(count), bareCost: script })
    expect(rowOf(rows, 10)).toMatchObject({ pass: false, ratio: { median: 1.25 } })
    expect(rowOf(rows, 100)).toMatchObject({ pass: false, ratio: { median: 1.25 } })
    expect(rowOf(rows, 1).pass).toBe(true)
  })

  it('fails a cost that grows faster than N, even when the script grows as fast', () => {
    // Request k costs 2k − 1 ms: blocks 2 to 10 add 99 ms, where 9 × one request alone
    // (5 + 1 + 2 ms) is 72 ms.
    const square = (count: number) => count * count
    const { rows } = judge({ stepCost: square, bareCost: square })
    expect(rowOf(rows, 10)).toMatchObject({ pass: false, addedMs: 99, ceilingMs: 72 })
    expect(rowOf(rows, 10).ratio?.median).toBe(1)
    expect(rowOf(rows, 100)).toMatchObject({ pass: false, addedMs: 9999, ceilingMs: 792 })
  })

  it('leaves start-up out: only what follows the first request counts', () => {
    // Start-up that grows with N (50 ms more at 100 blocks) is no part of what blocks 2–N add.
    const { rows } = judge({
      stepCost: script,
      bareCost: script,
      stepStartUpMs: count => count / 2
    })
    expect(rows.every(row => row.pass)).toBe(true)
    // ...but it is reported, for a reader to see that it does not grow with N.
    expect(rowOf(rows, 100).startUpMs.median - rowOf(rows, 1).startUpMs.median).toBe(49.5)
  })

  it('fails a run that sent a different number of requests, whatever its time', () => {
    const { rows } = judge({
      stepCost: script,
      bareCost: script,
      requestsOf: count => (count === 10 ? 11 : count)
    })
    expect(rowOf(rows, 10).pass).toBe(false)
    expect(rowOf(rows, 100).pass).toBe(true)
  })
})
