#!/usr/bin/env node
// `npm run demo`: starts the bundled Mage emulator, runs the committed dist/index.js for every
// operation the way the runner does, prints each step's outputs and job summary, then a table.
// Exits non-zero when any step did not end as expected.
import { DEFAULT_SCENARIO, startEmulator } from '../emulator/index.js'
import { runDist } from './lib/run-dist.js'

const cloud = DEFAULT_SCENARIO.cloud
const user = DEFAULT_SCENARIO.cluster.users[0]
const trigger = DEFAULT_SCENARIO.cluster.schedules[0]

function steps(emu) {
  const cloudInputs = {
    'cloud-api-url': emu.cloudUrl,
    'cloud-email': cloud.email,
    'cloud-password': cloud.password,
    'team-id': cloud.teamId,
    'cluster-id': cloud.clusterId,
    'poll-interval': '1s'
  }
  const clusterLogin = {
    'cluster-url': emu.clusterUrl,
    'cluster-email': user.email,
    'cluster-password': user.password
  }
  return [
    {
      title: 'Start the cluster and wait until it serves',
      expect: 0,
      inputs: {
        operation: 'start-cluster',
        ...cloudInputs,
        'cluster-url': emu.clusterUrl,
        replicas: '1'
      }
    },
    {
      title: 'Set two env vars and remove one',
      expect: 0,
      inputs: {
        operation: 'set-env',
        ...cloudInputs,
        'cluster-url': emu.clusterUrl,
        env: 'DEMO_MODE=on\nWAREHOUSE_DSN="postgres://demo-user@db/warehouse"',
        'unset-env': 'SHORT'
      }
    },
    {
      title: 'Read the cluster status',
      expect: 0,
      inputs: { operation: 'cluster-status', ...cloudInputs }
    },
    {
      title: 'Smoke-run two blocks',
      expect: 0,
      inputs: {
        operation: 'run-block',
        'cluster-url': emu.clusterUrl,
        'trigger-token': trigger.token,
        pipeline: trigger.pipeline_uuid,
        block: 'load_data\ntransform',
        variables: 'env: demo\nlimit: 3'
      }
    },
    {
      title: 'Smoke-run three blocks, the second raises (expected to fail)',
      expect: 1,
      inputs: {
        operation: 'run-block',
        'cluster-url': emu.clusterUrl,
        'trigger-token': trigger.token,
        pipeline: trigger.pipeline_uuid,
        block: 'load_data\nraise_err\ntransform'
      }
    },
    {
      title: 'Deploy a commit through the Deployments API',
      expect: 0,
      inputs: {
        operation: 'deploy-git',
        ...clusterLogin,
        'deployment-setting': 'git-deploy',
        'deploy-branch': 'deploy-main',
        'git-sha': '3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a',
        'git-branch': 'main',
        'commit-message': 'Demo deploy',
        'poll-interval': '1s'
      }
    },
    {
      title: 'Run a pipeline through its API trigger and wait',
      expect: 0,
      inputs: {
        operation: 'run-pipeline',
        ...clusterLogin,
        'trigger-token': trigger.token,
        'schedule-id': String(trigger.id),
        variables: '{"env": "demo"}',
        'poll-interval': '1s'
      }
    },
    {
      title: 'Stop the cluster unless a pipeline run is going',
      expect: 0,
      inputs: { operation: 'stop-cluster', ...cloudInputs, ...clusterLogin, 'skip-if-busy': 'true' }
    }
  ]
}

const OUTPUT_PREVIEW = 300

function show(title, run) {
  console.log(`\n━━ ${title}`)
  console.log(`   exit ${run.code} in ${(run.durationMs / 1000).toFixed(1)} s`)
  console.log('   outputs:')
  for (const [name, value] of Object.entries(run.outputs)) {
    const shown =
      value.length > OUTPUT_PREVIEW
        ? `${value.slice(0, OUTPUT_PREVIEW)}… (${value.length} chars)`
        : value
    console.log(`     ${name.padEnd(16)} ${shown.replace(/\n/g, '\n                      ')}`)
  }
  console.log('   summary:')
  console.log(
    run.summary
      .trim()
      .split('\n')
      .map(line => `     ${line}`)
      .join('\n')
  )
}

async function main() {
  const emu = await startEmulator()
  const results = []
  try {
    for (const step of steps(emu)) {
      const run = await runDist({ inputs: { timeout: '2m', ...step.inputs } })
      show(step.title, run)
      results.push({ step, run, ok: run.code === step.expect })
    }
  } finally {
    await emu.stop()
  }
  console.log('\n━━ Steps')
  console.log(
    `   ${'step'.padEnd(62)} ${'exit'.padEnd(5)} ${'status'.padEnd(11)} ${'changed'.padEnd(8)} as expected`
  )
  for (const { step, run, ok } of results) {
    console.log(
      `   ${step.title.padEnd(62)} ${String(run.code).padEnd(5)} ${(run.outputs.status ?? '').padEnd(11)} ${(run.outputs.changed ?? '').padEnd(8)} ${ok ? 'yes' : 'NO'}`
    )
  }
  const bad = results.filter(result => !result.ok).length
  if (bad > 0) {
    console.error(`\n${bad} step(s) did not end as expected`)
    process.exitCode = 1
  }
}

await main()
