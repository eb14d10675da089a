// The fault matrix: every operation × every fault the emulator injects, end to end through
// dist/index.js, each cell asserting the outcome docs/reliability.md promises and the
// invariants (nothing ran twice, no config key lost, the deadline held, no credential at
// another host, status/error set, no stack trace). Cells are generated from data.
import { afterAll, describe, expect, it } from '@jest/globals'
import { writeFigures } from './support/figures.js'
import { type CellResult, runCell } from './support/matrix-cell.js'
import { FAULTS, type FaultCase } from './support/matrix-faults.js'
import { OPERATION_FAULTS } from './support/matrix-operation-faults.js'
import { TARGETS, type Target } from './support/matrix-targets.js'
import { startTrapProxy } from './support/trap-proxy.js'

// Concurrent cells share one trap; created at load time because concurrent tests may start
// before a beforeAll has finished.
const trap = startTrapProxy()
interface Recorded extends CellResult {
  fault: string
  row: string
  expected: string
  passed: boolean
}
const results = new Map<string, Recorded>()
const notApplicable: { cell: string; reason: string }[] = []

interface Cell {
  name: string
  fault: FaultCase
  target: Target
}

function cellsOf(faults: readonly FaultCase[]): Cell[] {
  const cells: Cell[] = []
  for (const fault of faults) {
    for (const target of TARGETS) {
      if (fault.scope === 'operation' && !target.primary) continue
      const name = `${fault.name} × ${fault.scope === 'operation' ? target.op : target.name}`
      cells.push({ name, fault, target })
    }
  }
  return cells
}

const CELLS = cellsOf([...FAULTS, ...OPERATION_FAULTS])

afterAll(async () => {
  const proxy = await trap
  await proxy.close()
  const all = [...results.values()]
  writeFigures('fault-matrix', {
    operations: new Set(TARGETS.map(target => target.op)).size,
    faults: FAULTS.length + OPERATION_FAULTS.length,
    cells: all.length,
    cellsPassed: all.filter(result => result.passed).length,
    notApplicable,
    faultsInjected: all.reduce((sum, result) => sum + result.faultsFired, 0),
    outcomes: {
      success: all.filter(result => result.outcome === 'success').length,
      failure: all.filter(result => result.outcome === 'failure').length,
      unknown: all.filter(result => result.outcome === 'unknown').length
    },
    itemsLost: all.reduce((sum, result) => sum + result.lost.length, 0),
    ranTwice: all.filter(result => result.ranTwice).length,
    requestsToOtherHosts: proxy.caught.length,
    slowestCellMs: Math.max(0, ...all.map(result => result.durationMs)),
    columns: TARGETS.map(target => target.name),
    rows: [...FAULTS, ...OPERATION_FAULTS].map(fault => fault.name),
    grid: all.map(({ fault, row, expected, outcome, passed }) => ({
      fault,
      row,
      expected,
      outcome,
      passed
    }))
  })
  // Anything the trap caught was a request the action sent to a host it should not know.
  expect(proxy.caught).toEqual([])
})

describe('fault matrix', () => {
  for (const { name, fault, target } of CELLS) {
    const plan = fault.plan(target)
    if (typeof plan === 'string') {
      notApplicable.push({ cell: name, reason: plan })
      continue
    }
    it.concurrent(name, async () => {
      const result = await runCell(target, plan, (await trap).url)
      // An operation-wide fault is shown in the column of the operation's first row.
      const row = target.name
      const passed = result.problems.length === 0
      results.set(name, { ...result, fault: fault.name, row, expected: plan.expect, passed })
      expect(result.problems).toEqual([])
    })
  }
})
