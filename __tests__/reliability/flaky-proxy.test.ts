// A short flaky-proxy trial in CI (scripts/flaky-proxy-trial.js runs the long one): stop/start
// cycles of dist/index.js behind a proxy that answers 502 pages and drops connections. Never a
// success for a stop or start that did not happen; when it cannot know, it says so.
import { expect, it } from '@jest/globals'
import { runTrial } from '../../scripts/lib/flaky-trial.js'
import { writeFigures } from './support/figures.js'

it('never reports a stop or start that did not happen, over 12 cycles', async () => {
  const figures = await runTrial({ cycles: 12, lanes: 4, seed: 4242 })
  writeFigures('flaky-proxy-short', { ...figures })
  expect({
    falseSuccesses: figures.falseSuccesses,
    falseNothingChanged: figures.falseNothingChanged,
    hiddenChanges: figures.hiddenChanges,
    itemsLost: figures.itemsLost,
    multiLineErrors: figures.multiLineErrors,
    stackTraces: figures.stackTraces,
    unclassifiedFailures: figures.failures.other
  }).toEqual({
    falseSuccesses: 0,
    falseNothingChanged: 0,
    hiddenChanges: 0,
    itemsLost: 0,
    multiLineErrors: 0,
    stackTraces: 0,
    unclassifiedFailures: 0
  })
  // The proxy did its job: faults were injected and the action retried through them.
  expect(figures.steps).toBe(24)
  expect(figures.proxy.requests - figures.proxy.passed).toBeGreaterThan(10)
  expect(figures.retriesSeen).toBeGreaterThan(0)
  expect(figures.successes).toBeGreaterThan(0)
}, 150_000)
