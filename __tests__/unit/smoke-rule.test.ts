// The benchmark's smoke-run verdict: N blocks may add to a one-block step no more than requests
// 2 to N add to a minimal script, both timed from the first request; start-up does not count.
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
  singleRequestMs?: number
  marginMs?: { median: number; low: number; high: number }
  atWarmRate?: { limitMs: number; stepMet: boolean; scriptMet: boolean }
}
// A plain .js module without type declarations: imported dynamically, typed here.
interface SmokeRuleModule {
  judgeSmokeRuns: (options: {
    counts: number[]
    rounds: number
    samplesOf: (kind: Kind, count: number, field: Field) => number[]
    requestsOf: (count: number) => number
    connectionsOf: (count: number) => number
  }) => { reference: { warmRateMs: number }; rows: Row[] }
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
  // The script's first requests cost 2 ms each, then 1 ms: a cold process.
  const script = (count: number) => 2 * Math.min(count, 10) + Math.max(count - 10, 0)

  it('passes a step whose further blocks cost what the script pays per request', () => {
    const { rows } = judge({ stepCost: script, bareCost: script })
    for (const blocks of [10, 100]) {
      const row = rowOf(rows, blocks)
      expect(row.pass).toBe(true)
      expect(row.addedMs).toBe(row.bareAddedMs)
      expect(row.marginMs).toEqual({ median: 0, low: 0, high: 0 })
    }
    expect(rowOf(rows, 10)).toMatchObject({ addedMs: 18, perBlockMs: 2, singleRequestMs: 2 })
  })

  it('fails a step whose further blocks cost a little more, and says by how much', () => {
    const { rows } = judge({
      stepCost: count => script(count) + 0.1 * (count - 1),
      bareCost: script
    })
    expect(rowOf(rows, 10)).toMatchObject({ pass: false, marginMs: { median: -0.9 } })
    expect(rowOf(rows, 100)).toMatchObject({ pass: false, marginMs: { median: -9.9 } })
    expect(rowOf(rows, 1).pass).toBe(true)
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

  it('shows the one-rate rule, at the 100-request rate, which the cold script misses at 10', () => {
    const { reference, rows } = judge({ stepCost: script, bareCost: script })
    // 99 further requests cost 18 + 90 = 108 ms: 1.09 ms each.
    expect(reference.warmRateMs).toBe(1.09)
    expect(rowOf(rows, 10).atWarmRate).toEqual({ limitMs: 9.8, stepMet: false, scriptMet: false })
    // At 100 the rate is the script's own: it meets it exactly, whatever the rounding.
    expect(rowOf(rows, 100).atWarmRate).toEqual({ limitMs: 108, stepMet: true, scriptMet: true })
  })
})
