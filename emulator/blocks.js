// What a configured block "does" when its code runs: return an output, write raw JSON text
// (NaN, Infinity), raise, or take a while. Shared by /api/runs and triggered pipeline runs,
// which both count an execution each time the code runs.
import { pyJson } from './pyjson.js'

const bigOutputs = new Map()

// The run text of deterministic records (a big DataFrame's shape), exactly `size` bytes long
// when that fits one record; built once per size.
function bigOutputText(size) {
  if (!bigOutputs.has(size)) {
    const [head, tail] = ['{"output": [[', ']]}']
    const record = (id, payloadLength) =>
      pyJson({ id, name: `row-${id}`, payload: 'x'.repeat(payloadLength) })
    const records = []
    let length = head.length + tail.length
    for (let id = 0; ; id += 1) {
      const next = record(id, 100)
      const separator = records.length === 0 ? 0 : 2
      if (length + separator + next.length > size) break
      records.push(next)
      length += separator + next.length
    }
    // The last record's payload takes up what is left.
    if (records.length > 0 && length < size) {
      const last = records.length - 1
      records[last] = record(last, 100 + size - length)
    }
    bigOutputs.set(size, `${head}${records.join(', ')}${tail}`)
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
