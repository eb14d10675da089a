// The demo's steps, shared by `npm run demo` (prints them) and scripts/render-summaries.js
// (screenshots their job summaries): every operation against a fresh emulator, run from the
// committed dist/index.js the way the runner does.
import { DEFAULT_SCENARIO, startEmulator } from '../../emulator/index.js'
import { cloudCredentials } from './emulator-inputs.js'
import { runDist } from './run-dist.js'

const user = DEFAULT_SCENARIO.cluster.users[0]
const trigger = DEFAULT_SCENARIO.cluster.schedules[0]

/** The steps in order: a title, the exit code expected, and the inputs (emulator URLs in). */
export function demoSteps(emu) {
  const cloudInputs = { ...cloudCredentials(emu), 'poll-interval': '1s' }
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

/**
 * Starts an emulator, runs every step in order and stops it, whatever happened. `onRun` sees
 * each step as it ends. Returns `{step, run, ok}` per step (`ok`: it exited as expected).
 */
export async function runDemoSteps(onRun = () => {}) {
  const emu = await startEmulator()
  const results = []
  try {
    for (const step of demoSteps(emu)) {
      const run = await runDist({ inputs: { timeout: '2m', ...step.inputs } })
      onRun(step, run)
      results.push({ step, run, ok: run.code === step.expect })
    }
  } finally {
    await emu.stop()
  }
  return results
}
