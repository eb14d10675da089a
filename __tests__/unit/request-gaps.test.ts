// The benchmark's request-by-request view of a smoke run: medians, over the rounds, of the time
// from the emulator's receipt of one request to the next, and from the last to the process's end.
import { describe, expect, it } from '@jest/globals'

interface Run {
  receivedAt: number[]
  closedAt: number
}
// A plain .js module without type declarations: imported dynamically, typed here.
interface RequestGapsModule {
  requestGaps: (runs: Run[]) => { gapsMs: number[]; lastToEndMs: number }
}
const requestGapsModule = '../../scripts/bench/request-gaps.js'
const { requestGaps } = (await import(requestGapsModule)) as RequestGapsModule

/** A run starting at `start` whose requests arrive `gaps` apart, ending `tail` after the last. */
function run(start: number, gaps: number[], tail: number): Run {
  const receivedAt = [start]
  for (const gap of gaps) receivedAt.push(receivedAt.at(-1)! + gap)
  return { receivedAt, closedAt: receivedAt.at(-1)! + tail }
}

describe('requestGaps', () => {
  it('gives each gap and the time to exit as medians over rounds that start at any time', () => {
    const runs = [
      run(1000, [5, 2, 1.5], 10),
      run(5000.25, [6, 3, 1.5], 12),
      run(90_000.5, [7, 2.5, 2], 11)
    ]
    expect(requestGaps(runs)).toEqual({ gapsMs: [6, 2.5, 1.5], lastToEndMs: 11 })
  })

  it('keeps a slow request in its own place, and one slow round does not move a median', () => {
    const runs = [
      run(0, [2, 9, 2], 5),
      run(100, [2, 9.5, 2], 5),
      run(200, [2, 30, 2], 40),
      run(300, [2, 8.75, 2], 5),
      run(400, [2, 9.25, 2], 5)
    ]
    expect(requestGaps(runs)).toEqual({ gapsMs: [2, 9.25, 2], lastToEndMs: 5 })
  })

  it('has no gap for a one-request run, only the time from its request to exit', () => {
    expect(requestGaps([run(10, [], 19.874), run(20, [], 20.126)])).toEqual({
      gapsMs: [],
      lastToEndMs: 20
    })
  })
})
