// What a configured block "does" when its code runs: return an output, write raw JSON text
// (NaN, Infinity), raise, or take a while. Shared by /api/runs and triggered pipeline runs,
// which both count an execution each time the code runs.
import { pyJson } from './pyjson.js'

const bigOutputs = new Map()

// The run text of deterministic records adding up to about `size` bytes of JSON (a big
// DataFrame's shape); built once per size.
function bigOutputText(size) {
  if (!bigOutputs.has(size)) {
    const records = []
    for (let id = 0; records.length * 140 < size; id += 1) {
      records.push({ id, name: `row-${id}`, payload: 'x'.repeat(100) })
    }
    bigOutputs.set(size, pyJson({ output: [records] }))
  }
  return bigOutputs.get(size)
}

export function findPipeline(scenario, uuid) {
  const pipelines = scenario.cluster.pipelines
  return typeof uuid === 'string' && Object.hasOwn(pipelines, uuid) ? pipelines[uuid] : undefined
}

export function findBlock(pipeline, uuid) {
  return typeof uuid === 'string' && Object.hasOwn(pipeline.blocks, uuid)
    ? pipeline.blocks[uuid]
    : undefined
}

// The blocks a triggered run executes, in order.
export function runBlockUuids(pipeline) {
  if (!pipeline) return []
  return (pipeline.runBlocks ?? Object.keys(pipeline.blocks)).filter(uuid =>
    findBlock(pipeline, uuid)
  )
}

export function countExecution(state, pipelineUuid, blockUuid) {
  const key = `${pipelineUuid}/${blockUuid}`
  state.executions.set(key, (state.executions.get(key) ?? 0) + 1)
}

export function executionCount(state, pipelineUuid, blockUuid) {
  let total = 0
  for (const [key, count] of state.executions) {
    const [p, b] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)]
    if (
      (pipelineUuid === undefined || p === pipelineUuid) &&
      (blockUuid === undefined || b === blockUuid)
    ) {
      total += count
    }
  }
  return total
}

// The outcome of the block's code: { raise: { type, message } } or { runText } where runText is
// the JSON text of the `run` value of an /api/runs answer.
export function blockOutcome(block, variables) {
  if (block.raise !== undefined) {
    return { raise: { type: block.exceptionType ?? 'ValueError', message: String(block.raise) } }
  }
  if (block.outputRaw !== undefined) return { runText: String(block.outputRaw) }
  if (block.outputSize !== undefined) return { runText: bigOutputText(block.outputSize) }
  const base = block.output === undefined ? null : block.output
  const value =
    block.mergeVariables && base && typeof base === 'object' && !Array.isArray(base)
      ? { ...base, ...(variables ?? {}) }
      : base
  return { runText: pyJson({ output: [value] }) }
}
