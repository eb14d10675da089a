// Section 2: the requests each operation sends, counted by the emulator, next to the minimum
// the API allows. Waits are off (polls are section 3's business).
import { DEFAULT_SCENARIO } from '../../emulator/index.js'
import { cloudCredentials } from '../lib/emulator-inputs.js'
import { runStep } from './measure.js'
import { SMOKE_BLOCKS, SMOKE_PIPELINE, runBlockInputs } from './cold-start.js'

const user = DEFAULT_SCENARIO.cluster.users[0]
const trigger = DEFAULT_SCENARIO.cluster.schedules[0]

function cases(emu) {
  const cloud = extra => ({ ...cloudCredentials(emu), ...extra })
  const stopped = () => emu.setClusterStatus('Stopped', { replicaCount: 0 })
  const active = () => emu.setClusterStatus('Active', { replicaCount: 1 })
  const login = {
    'cluster-url': emu.clusterUrl,
    'cluster-email': user.email,
    'cluster-password': user.password
  }
  const deployment = {
    'deployment-setting': 'git-deploy',
    'deploy-branch': 'deploy-main',
    'git-sha': '0123456789abcdef0123456789abcdef01234567',
    'git-branch': 'main',
    'commit-message': 'bench'
  }
  return [
    ['start-cluster', 'Stopped → start, wait: false', 3, stopped, cloud({ wait: 'false' })],
    ['start-cluster', 'already Active', 2, active, cloud({})],
    ['stop-cluster', 'Active → stop, wait: false', 3, active, cloud({ wait: 'false' })],
    ['stop-cluster', 'already Stopped', 2, stopped, cloud({})],
    [
      'set-env',
      'one change, wait: false',
      4,
      active,
      cloud({ env: 'BENCH_VAR=bench-value-123', wait: 'false' })
    ],
    [
      'set-env',
      'nothing to change',
      2,
      active,
      cloud({ env: 'EXISTING_VAR=existing-secret-value-123' })
    ],
    ['cluster-status', 'read', 2, active, cloud({})],
    [
      'run-block',
      '1 block',
      1,
      active,
      runBlockInputs(emu, SMOKE_PIPELINE, SMOKE_BLOCKS.slice(0, 1))
    ],
    [
      'run-block',
      'smoke run of 10 blocks',
      10,
      active,
      runBlockInputs(emu, SMOKE_PIPELINE, SMOKE_BLOCKS.slice(0, 10))
    ],
    [
      'deploy-git',
      'Deployments API, wait: false',
      2,
      active,
      { ...login, ...deployment, wait: 'false' }
    ],
    ['deploy-git', 'git sync, wait: false', 2, active, { ...login, wait: 'false' }],
    [
      'run-pipeline',
      'trigger, wait: false',
      1,
      active,
      {
        'cluster-url': emu.clusterUrl,
        'trigger-token': trigger.token,
        'schedule-id': String(trigger.id),
        wait: 'false'
      }
    ]
  ].map(([operation, situation, minimum, setup, inputs]) => ({
    operation,
    situation,
    minimum,
    setup,
    inputs: { operation, ...inputs }
  }))
}

export async function measureRoundTrips({ emu }) {
  const rows = []
  for (const item of cases(emu)) {
    item.setup()
    emu.clearRequests()
    await runStep({ name: `${item.operation} (${item.situation})`, inputs: item.inputs })
    const sent = emu.requests.map(request => `${request.method} ${request.path.split('?')[0]}`)
    rows.push({
      operation: item.operation,
      situation: item.situation,
      requests: sent.length,
      minimum: item.minimum,
      sent,
      pass: sent.length === item.minimum
    })
  }
  return rows
}
