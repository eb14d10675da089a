// Sections 1 and 4: a step's cold start against the floor action, and run-block's overhead
// against a bare POST, for one instant block and for smoke runs of 1, 10 and 100 blocks.
import { DEFAULT_SCENARIO } from '../../emulator/index.js'
import { cloudCredentials } from '../lib/emulator-inputs.js'
import { barePostMs, inProcessPostMs, peakRss, wallMs } from './measure.js'
import { interleaved, median, summarize } from './stats.js'

export const TARGET_RATIO = 1.2
const MEMORY_ROUNDS = 3
const trigger = DEFAULT_SCENARIO.cluster.schedules[0]

/** A pipeline of 100 blocks that return at once, for the smoke runs. */
export const SMOKE_PIPELINE = 'bench_smoke'
export const SMOKE_BLOCKS = Array.from(
  { length: 100 },
  (_, i) => `b${String(i + 1).padStart(3, '0')}`
)
export const smokeScenario = {
  cluster: {
    pipelines: {
      [SMOKE_PIPELINE]: {
        blocks: Object.fromEntries(SMOKE_BLOCKS.map((uuid, i) => [uuid, { output: { n: i } }]))
      }
    }
  }
}

export function runBlockInputs(emu, pipeline, blocks) {
  return {
    operation: 'run-block',
    'cluster-url': emu.clusterUrl,
    'trigger-token': trigger.token,
    pipeline,
    block: blocks.join('\n')
  }
}

/** The POST run-block sends for one block with the default inputs. */
function runRequest(emu, block) {
  const run = {
    pipeline_uuid: SMOKE_PIPELINE,
    block_uuid: block,
    variables: {},
    record: true,
    store_variables: true,
    run_upstream_blocks: false,
    incomplete_only: false
  }
  return [`${emu.clusterUrl}/api/runs`, JSON.stringify({ run }), trigger.token]
}

export async function measureColdStart({ emu, builds, rounds }) {
  const steps = {
    floor: { name: 'floor action', main: builds.floor, inputs: { operation: 'cluster-status' } },
    clusterStatus: {
      name: 'cluster-status',
      inputs: { operation: 'cluster-status', ...cloudCredentials(emu) }
    },
    minified: {
      name: 'cluster-status, minified bundle',
      main: builds.minified,
      inputs: { operation: 'cluster-status', ...cloudCredentials(emu) }
    },
    runBlock: {
      name: 'run-block, one instant block',
      inputs: runBlockInputs(emu, SMOKE_PIPELINE, ['b001'])
    }
  }
  const barePost = { name: 'bare POST' }
  const cases = [...Object.values(steps), barePost]
  const walls = await interleaved(cases, rounds, item =>
    item === barePost ? barePostMs(...runRequest(emu, 'b001')) : wallMs(item)
  )
  const memory = await interleaved(Object.values(steps), MEMORY_ROUNDS, async item => {
    return (await peakRss(item)).bytes
  })
  const requests = []
  for (let i = 0; i < 30; i++) requests.push(await inProcessPostMs(...runRequest(emu, 'b001')))

  const floorWall = median(walls.get(steps.floor))
  const entry = step => {
    const wall = walls.get(step)
    return {
      wallMs: summarize(wall),
      peakRssBytes: summarize(memory.get(step)),
      ratioToFloor: Number((median(wall) / floorWall).toFixed(2))
    }
  }
  const clusterStatus = entry(steps.clusterStatus)
  const runBlock = entry(steps.runBlock)
  return {
    floor: entry(steps.floor),
    clusterStatus: {
      ...clusterStatus,
      target: TARGET_RATIO,
      pass: clusterStatus.ratioToFloor <= TARGET_RATIO
    },
    runBlock: {
      ...runBlock,
      ratioToBarePost: Number(
        (median(walls.get(steps.runBlock)) / median(walls.get(barePost))).toFixed(2)
      ),
      target: TARGET_RATIO,
      pass: runBlock.ratioToFloor <= TARGET_RATIO
    },
    minified: entry(steps.minified),
    barePost: { wallMs: summarize(walls.get(barePost)) },
    requestMs: summarize(requests, 1)
  }
}

/**
 * Smoke runs of 1, 10 and 100 instant blocks: N requests, and no more than the step's cold
 * start plus N single requests, where the cold start is the one-block step less its request.
 */
export async function measureSmokeRuns({ emu, rounds, coldStart }) {
  const counts = [1, 10, 100]
  const steps = counts.map(count => ({
    name: `smoke run of ${count}`,
    count,
    inputs: runBlockInputs(emu, SMOKE_PIPELINE, SMOKE_BLOCKS.slice(0, count))
  }))
  const requests = new Map()
  const walls = await interleaved(steps, rounds, async step => {
    emu.clearRequests()
    const ms = await wallMs(step)
    requests.set(step, emu.requestsTo('cluster', 'POST', '/api/runs').length)
    return ms
  })
  const requestMs = coldStart.requestMs.median
  const coldStartMs = median(walls.get(steps[0])) - requestMs
  return steps.map(step => {
    const limitMs = Math.round(coldStartMs + step.count * requestMs)
    const wall = summarize(walls.get(step))
    return {
      blocks: step.count,
      requests: requests.get(step),
      wallMs: wall,
      limitMs,
      perBlockMs: Number(((wall.median - coldStartMs) / step.count).toFixed(1)),
      pass: requests.get(step) === step.count && wall.median <= limitMs
    }
  })
}
