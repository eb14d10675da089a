#!/usr/bin/env node
// `npm run bench`: what a step costs, measured side by side in one process run against the
// bundled emulator, reported as medians and as ratios to a bare `node` start (this machine is
// shared and noisy: read the ratios, not the milliseconds).
import { spawnSync } from 'node:child_process'
import { DEFAULT_SCENARIO, startEmulator } from '../emulator/index.js'
import { cloudCredentials } from './lib/emulator-inputs.js'
import { runDist } from './lib/run-dist.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7)
const trigger = DEFAULT_SCENARIO.cluster.schedules[0]

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function cases(emu) {
  const cloudInputs = cloudCredentials(emu)
  const runBlock = block => ({
    operation: 'run-block',
    'cluster-url': emu.clusterUrl,
    'trigger-token': trigger.token,
    pipeline: trigger.pipeline_uuid,
    block
  })
  return [
    { name: 'bad input (start-up + parse, no request)', inputs: { operation: 'nope' }, expect: 1 },
    {
      name: 'cluster-status (login + read)',
      inputs: { operation: 'cluster-status', ...cloudInputs },
      expect: 0
    },
    {
      name: 'set-env, no change (login + read)',
      inputs: {
        operation: 'set-env',
        ...cloudInputs,
        env: 'EXISTING_VAR=existing-secret-value-123'
      },
      expect: 0
    },
    { name: 'run-block, small output', inputs: runBlock('load_data'), expect: 0 },
    { name: 'run-block, 3 MB output (budget + file)', inputs: runBlock('big_output'), expect: 0 },
    {
      name: 'run-block, smoke run of 2 blocks',
      inputs: runBlock('load_data\ntransform'),
      expect: 0
    }
  ]
}

function bareNodeMs() {
  const started = process.hrtime.bigint()
  spawnSync(process.execPath, ['-e', ''])
  return Number(process.hrtime.bigint() - started) / 1e6
}

async function main() {
  const emu = await startEmulator()
  emu.setClusterStatus('Active', { ...emu.cluster.config, replicaCount: 1 })
  const list = cases(emu)
  const samples = new Map([['bare node start', []], ...list.map(c => [c.name, []])])
  try {
    // Interleaved rounds: a burst of load on the machine hits every case alike.
    for (let round = 0; round < ROUNDS; round++) {
      samples.get('bare node start').push(bareNodeMs())
      for (const item of list) {
        const run = await runDist({ inputs: { timeout: '60s', ...item.inputs } })
        if (run.code !== item.expect) {
          throw new Error(`${item.name}: exit ${run.code}, expected ${item.expect}\n${run.stdout}`)
        }
        samples.get(item.name).push(run.durationMs)
      }
    }
  } finally {
    await emu.stop()
  }
  const base = median(samples.get('bare node start'))
  console.log(`Node ${process.version}, ${ROUNDS} interleaved rounds, medians`)
  console.log(`${'case'.padEnd(44)} ${'median ms'.padStart(10)} ${'× bare node'.padStart(12)}`)
  for (const [name, values] of samples) {
    const ms = median(values)
    console.log(
      `${name.padEnd(44)} ${ms.toFixed(0).padStart(10)} ${(ms / base).toFixed(2).padStart(12)}`
    )
  }
}

await main()
