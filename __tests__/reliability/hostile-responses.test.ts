// Hostile responses: every operation fed random and malformed bodies, headers, status codes and
// transport failures (fast-check, fixed seed, so a failure reproduces), in-process through
// run(); then a few of the worst through dist/index.js against a loopback server that answers
// garbage. The action must never crash, leave an unhandled rejection, print a stack trace or
// obey a server's text as a workflow command; it fails with a one-line reason, outputs set.
import nodeProcess from 'node:process'
import { afterAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { writeFigures } from './support/figures.js'
import { script } from './support/hostile-arbitraries.js'
import { fuzzRun } from './support/fuzz-run.js'
import { GARBAGE_CASES, runGarbageCase } from './support/garbage-cases.js'
import { OPERATIONS } from '../../src/config/types.js'

const SEED = 20261128
/** FUZZ_RUNS=5000 for a longer hunt; 150 keeps CI at a few seconds. */
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 150)

const figures = { runs: 0, requests: 0, hostileAnswers: 0, failedRuns: 0, distCases: 0 }
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => void unhandled.push(reason)

afterAll(() => {
  writeFigures('hostile-responses', { seed: SEED, operations: OPERATIONS.length, ...figures })
})

/** Lets a rejection nobody handled surface before the next check. */
const settle = () => new Promise(resolve => setTimeout(resolve, 0))

describe('hostile responses, in-process', () => {
  for (const operation of OPERATIONS) {
    it(`${operation}: fails cleanly on anything a server sends`, async () => {
      // Registered in the test: jest-circus swaps the process's listeners around each test
      // (and fails the test itself on an unhandled rejection, too).
      nodeProcess.on('unhandledRejection', onUnhandled)
      await fc
        .assert(
          fc.asyncProperty(script, async steps => {
            const outcome = await fuzzRun(operation, steps)
            await settle()
            figures.runs++
            figures.requests += outcome.requests
            figures.hostileAnswers += outcome.hostile
            if (outcome.failed) figures.failedRuns++
            expect({ problems: outcome.problems, unhandled }).toEqual({
              problems: [],
              unhandled: []
            })
          }),
          { seed: SEED, numRuns: RUNS_PER_OPERATION }
        )
        .finally(() => nodeProcess.off('unhandledRejection', onUnhandled))
    })
  }
})

describe('hostile responses, through dist/index.js', () => {
  for (const garbage of GARBAGE_CASES) {
    it(garbage.name, async () => {
      const problems = await runGarbageCase(garbage)
      figures.distCases++
      expect(problems).toEqual([])
    })
  }
})
