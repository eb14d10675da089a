// Section 5: block outputs of 1, 10 and 50 MB: wall time and peak memory of the step, and an
// output-file holding exactly the bytes of each block's `run` value as the emulator sent it.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { blockOutcome } from '../../emulator/blocks.js'
import { DEFAULT_SCENARIO } from '../../emulator/index.js'
import { peakRss } from './measure.js'
import { summarize } from './stats.js'

/** The bound for the largest output; a smaller one is dwarfed by Node's own ~50 MB. */
export const RSS_LIMIT_RATIO = 4
const MB = 1_000_000
const SIZES = [1, 10, 50]
const BOUNDED_SIZE = 50
export const BIG_PIPELINE = 'bench_big'
const trigger = DEFAULT_SCENARIO.cluster.schedules[0]

export const bigScenario = {
  cluster: {
    pipelines: {
      [BIG_PIPELINE]: {
        // A block that builds a big output takes a while: the step waits on an idle socket
        // first, as it would on a real server (an instant answer measured lower peaks).
        blocks: Object.fromEntries(
          SIZES.map(size => [`out_${size}mb`, { outputSize: size * MB, delayMs: 1000 }])
        )
      }
    }
  }
}

/** What output-file must hold: one block's `run` text, or the smoke run's object of them. */
function expectedFile(blocks) {
  const runText = block =>
    blockOutcome(bigScenario.cluster.pipelines[BIG_PIPELINE].blocks[block]).runText
  if (blocks.length === 1) return Buffer.from(runText(blocks[0]), 'utf8')
  const members = blocks.map(block => `${JSON.stringify(block)}:${runText(block)}`)
  return Buffer.from(`{${members.join(',')}}`, 'utf8')
}

async function measureCase(emu, label, blocks, rounds, bounded = false) {
  const step = {
    name: `run-block ${label}`,
    inputs: {
      operation: 'run-block',
      'cluster-url': emu.clusterUrl,
      'trigger-token': trigger.token,
      pipeline: BIG_PIPELINE,
      block: blocks.join('\n'),
      timeout: '5m'
    }
  }
  const expected = expectedFile(blocks)
  const walls = []
  const peaks = []
  let exact = true
  for (let round = 0; round < rounds; round++) {
    const { bytes, run } = await peakRss(step, { keepFiles: true, timeoutMs: 300_000 })
    try {
      walls.push(run.durationMs)
      peaks.push(bytes)
      exact &&= fs.readFileSync(run.outputs['output-file']).equals(expected)
    } finally {
      fs.rmSync(path.dirname(run.runnerTemp), { recursive: true, force: true })
    }
  }
  const peak = summarize(peaks)
  const ratio = Number((peak.max / expected.length).toFixed(2))
  return {
    label,
    blocks: blocks.length,
    outputBytes: expected.length,
    wallMs: summarize(walls),
    peakRssBytes: peak,
    worstRssToOutput: ratio,
    outputFileExact: exact,
    target: bounded ? RSS_LIMIT_RATIO : null,
    pass: exact && (!bounded || ratio < RSS_LIMIT_RATIO)
  }
}

export async function measureBigOutputs({ emu, rounds }) {
  const results = []
  for (const size of SIZES) {
    const bounded = size === BOUNDED_SIZE
    results.push(await measureCase(emu, `${size} MB`, [`out_${size}mb`], rounds, bounded))
  }
  // Per block in a smoke run: output-file is the object of every block's exact value.
  results.push(await measureCase(emu, 'smoke run of 1 MB + 10 MB', ['out_1mb', 'out_10mb'], rounds))
  return results
}
