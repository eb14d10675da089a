// Sections 1 and 4: a step's cold start against the floor action (next to the floor with undici
// left out as the action leaves it out, that floor plus the two requests cluster-status needs,
// and the post step with nothing to do), and run-block's overhead against a minimal script
// sending the same POSTs, for one instant block and for smoke runs of 1, 10 and 100 blocks.
import { CLOUD_API_KEY, DEFAULT_SCENARIO } from '../../emulator/index.js'
import { cloudCredentials } from '../lib/emulator-inputs.js'
import { DIST_POST } from '../lib/run-dist.js'
import { barePost, inProcessPostMs, peakRss, runStep, wallMs } from './measure.js'
import { requestGaps } from './request-gaps.js'
import { judgeSmokeRuns } from './smoke-rule.js'
import { interleaved, median, summarize } from './stats.js'

export const TARGET_RATIO = 1.2
const MEMORY_ROUNDS = 7
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

/** The body run-block POSTs for one block with the default inputs. */
function runBody(block) {
  const run = {
    pipeline_uuid: SMOKE_PIPELINE,
    block_uuid: block,
    variables: {},
    record: true,
    store_variables: true,
    run_upstream_blocks: false,
    incomplete_only: false
  }
  return JSON.stringify({ run })
}

/** A minimal Node script sending the POSTs run-block sends for `blocks`: { wallMs, closedAt }. */
const bareRun = (emu, blocks) =>
  barePost(`${emu.clusterUrl}/api/runs`, trigger.token, blocks.map(runBody))

export async function measureColdStart({ emu, builds, rounds }) {
  const steps = {
    floor: { name: 'floor action', main: builds.floor, inputs: { operation: 'cluster-status' } },
    floorLean: {
      name: 'floor action without undici',
      main: builds.floorLean,
      inputs: { operation: 'cluster-status' }
    },
    floorRequests: {
      name: 'floor action without undici + the two requests',
      main: builds.floorRequests,
      inputs: { ...cloudCredentials(emu), 'cloud-api-key': CLOUD_API_KEY }
    },
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
    },
    // It runs after every use of the action and, unless a wait was cut short, has nothing to do.
    post: {
      name: 'post step, nothing to do',
      main: DIST_POST,
      inputs: { operation: 'cluster-status' }
    }
  }
  const barePostCase = { name: 'bare POST' }
  const cases = [...Object.values(steps), barePostCase]
  const walls = await interleaved(cases, rounds, item =>
    item === barePostCase ? bareRun(emu, ['b001']).then(run => run.wallMs) : wallMs(item)
  )
  const usage = await interleaved(Object.values(steps), MEMORY_ROUNDS, item => peakRss(item))
  const requests = []
  for (let i = 0; i < 30; i++) {
    requests.push(
      await inProcessPostMs(`${emu.clusterUrl}/api/runs`, trigger.token, runBody('b001'))
    )
  }

  const floorWall = median(walls.get(steps.floor))
  const leanFloorWall = median(walls.get(steps.floorLean))
  const cpuOf = step => usage.get(step).map(run => run.cpuMs)
  const floorCpu = median(cpuOf(steps.floor))
  const ratio = (value, base) => Number((value / base).toFixed(2))
  const entry = step => {
    const wall = walls.get(step)
    return {
      wallMs: summarize(wall),
      peakRssBytes: summarize(usage.get(step).map(run => run.bytes)),
      cpuMs: summarize(cpuOf(step)),
      ratioToFloor: ratio(median(wall), floorWall),
      cpuRatioToFloor: ratio(median(cpuOf(step)), floorCpu),
      ratioToLeanFloor: ratio(median(wall), leanFloorWall)
    }
  }
  const clusterStatus = entry(steps.clusterStatus)
  const runBlock = entry(steps.runBlock)
  return {
    floor: entry(steps.floor),
    floorLean: entry(steps.floorLean),
    floorRequests: entry(steps.floorRequests),
    clusterStatus: {
      ...clusterStatus,
      target: TARGET_RATIO,
      pass: clusterStatus.ratioToFloor <= TARGET_RATIO
    },
    runBlock: {
      ...runBlock,
      ratioToBarePost: ratio(median(walls.get(steps.runBlock)), median(walls.get(barePostCase))),
      target: TARGET_RATIO,
      pass: runBlock.ratioToFloor <= TARGET_RATIO
    },
    minified: entry(steps.minified),
    post: entry(steps.post),
    barePost: { wallMs: summarize(walls.get(barePostCase)) },
    requestMs: summarize(requests, 1)
  }
}

/** A step's wall time, and when it had ended (performance.now()). */
async function timedStep(step) {
  const run = await runStep(step)
  return { wallMs: run.durationMs, closedAt: run.closedAt }
}

/** The smoke run whose time is also shown request by request. */
const PLACED_COUNT = 10

/**
 * Smoke runs of 1, 10 and 100 instant blocks, each next to a minimal Node script sending the same
 * requests (bare-post.js), judged by smoke-rule.js. Each run's wall time, and its time from the
 * emulator's receipt of the first request to the process's end; for 10 blocks, that time request
 * by request too (request-gaps.js).
 */
export async function measureSmokeRuns({ emu, rounds }) {
  const counts = [1, 10, 100]
  const cases = counts.flatMap(count => {
    const blocks = SMOKE_BLOCKS.slice(0, count)
    return [
      {
        kind: 'step',
        count,
        name: `smoke run of ${count}`,
        inputs: runBlockInputs(emu, SMOKE_PIPELINE, blocks)
      },
      { kind: 'bare', count, blocks }
    ]
  })
  const requests = new Map()
  const connections = new Map()
  const timings = await interleaved(cases, rounds, async item => {
    emu.clearRequests()
    const opened = emu.connectionsTo('cluster').length
    const { wallMs, closedAt } =
      item.kind === 'bare' ? await bareRun(emu, item.blocks) : await timedStep(item)
    const posts = emu.requestsTo('cluster', 'POST', '/api/runs')
    requests.set(item, posts.length)
    connections.set(item, emu.connectionsTo('cluster').length - opened)
    const receivedAt = posts.map(post => post.receivedAt)
    return { wallMs, fromFirstMs: closedAt - receivedAt[0], receivedAt, closedAt }
  })
  const caseOf = (kind, count) => cases.find(item => item.kind === kind && item.count === count)
  const placed = kind => requestGaps(timings.get(caseOf(kind, PLACED_COUNT)))
  const judged = judgeSmokeRuns({
    counts,
    rounds,
    samplesOf: (kind, count, field) =>
      timings.get(caseOf(kind, count)).map(timing => timing[field]),
    requestsOf: count => requests.get(caseOf('step', count)),
    // Each block on its own connection, opened while the block before it runs.
    connectionsOf: count => connections.get(caseOf('step', count))
  })
  return {
    ...judged,
    byRequest: { blocks: PLACED_COUNT, step: placed('step'), script: placed('bare') }
  }
}
