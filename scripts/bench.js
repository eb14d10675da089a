#!/usr/bin/env node
// `npm run bench`: what a step costs, measured side by side in one process run against the
// emulator on loopback, with a floor action built by the same toolchain as the baseline of
// every ratio (this machine is shared and noisy: read the ratios, not the milliseconds).
// Writes docs/performance.json and the README's Performance section from it.
//   BENCH_ROUNDS=21 (rounds per timed case, after one warm-up round)
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as prettier from 'prettier'
import { startEmulator } from '../emulator/index.js'
import { deepMerge } from '../emulator/scenario.js'
import { bigScenario, measureBigOutputs } from './bench/big-outputs.js'
import { buildVariants } from './bench/builds.js'
import { composition, distFiles } from './bench/bundle.js'
import { measureColdStart, measureSmokeRuns, smokeScenario } from './bench/cold-start.js'
import { printResults } from './bench/print.js'
import { measureReadiness } from './bench/readiness.js'
import { measureRoundTrips } from './bench/round-trips.js'
import { REPO_ROOT } from './lib/run-dist.js'
import { PERFORMANCE_JSON, updateReadme } from './readme-performance.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21)
const BIG_ROUNDS = 3

async function main() {
  const started = Date.now()
  console.log('Building the floor action and the bundle variants…')
  const builds = buildVariants()
  const emu = await startEmulator({ scenario: deepMerge(smokeScenario, bigScenario) })
  emu.setClusterStatus('Active', { replicaCount: 1 })
  try {
    console.log(`Cold start and run-block overhead (${ROUNDS} rounds)…`)
    const coldStart = await measureColdStart({ emu, builds, rounds: ROUNDS })
    const smoke = await measureSmokeRuns({ emu, rounds: ROUNDS })
    console.log('Round trips…')
    const roundTrips = await measureRoundTrips({ emu })
    console.log(`Big outputs (${BIG_ROUNDS} rounds)…`)
    const bigOutputs = await measureBigOutputs({ emu, rounds: BIG_ROUNDS })
    console.log('Readiness lag (about 70 s)…')
    const readiness = await measureReadiness()
    const bundle = {
      files: distFiles(),
      dependencies: composition(builds.mapped),
      floorBytes: fs.statSync(builds.floor).size,
      floorLeanBytes: fs.statSync(builds.floorLean).size,
      minifiedBytes: fs.statSync(builds.minified).size
    }
    const results = {
      machine: {
        node: process.version,
        platform: `${os.platform()} ${os.arch()}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown'
      },
      rounds: ROUNDS,
      bigOutputRounds: BIG_ROUNDS,
      durationS: 0,
      coldStart,
      smokeRuns: smoke.rows,
      smokeReference: smoke.reference,
      smokeByRequest: smoke.byRequest,
      roundTrips,
      readiness,
      bigOutputs,
      bundle
    }
    results.durationS = Math.round((Date.now() - started) / 1000)
    const file = path.join(REPO_ROOT, PERFORMANCE_JSON)
    const style = await prettier.resolveConfig(file)
    fs.writeFileSync(
      file,
      await prettier.format(JSON.stringify(results), { ...style, filepath: file })
    )
    await updateReadme(results)
    printResults(results)
    console.log(`\nWrote ${PERFORMANCE_JSON} and the README's Performance section.`)
  } finally {
    await emu.stop()
    builds.remove()
  }
}

await main()
