// Faults on an operation as a whole rather than one request: a cluster stuck on its way, and a
// status endpoint that keeps failing. Each operation meets them where it waits or reads.
import type { Emulator } from '../../../emulator/index.js'
import { TRIGGER_TOKENS } from '../../helpers/cluster-inputs.js'
import type { FaultCase, Plan } from './matrix-faults.js'
import { CLUSTER_PATH, type Operation } from './matrix-targets.js'

const SHORT = '4s'
/** A transition that never ends within a test. */
const FOREVER = { transitionMs: 600_000 }
const ALWAYS_503 = { status: 503, times: Infinity }

const lastSeen = (status: string) => new RegExp(`last status seen: '${status}'`)

/** The cluster answers 503 on every route, as a cluster that is still starting does. */
function notServing(emu: Emulator): void {
  emu.setClusterStatus('Starting')
  emu.scenario.cluster.strictServing = true
}

const runCancelled = (emu: Emulator): string[] =>
  emu.pipelineRuns.every(run => run.status === 'cancelled')
    ? []
    : [`runs left: ${emu.pipelineRuns.map(run => run.status).join(', ')}`]

const stuckPlans: Record<Operation, Plan> = {
  'cluster-status': {
    expect: 'success',
    status: 'Starting',
    arm: emu => emu.setClusterStatus('Starting'),
    verify: (_emu, outputs) => (outputs.status === 'Starting' ? [] : [`status ${outputs.status}`])
  },
  'start-cluster': {
    expect: 'failure',
    timeout: SHORT,
    status: 'Starting',
    error: lastSeen('Starting'),
    arm: emu => emu.neverActive(true)
  },
  'stop-cluster': {
    expect: 'failure',
    timeout: SHORT,
    timing: FOREVER,
    status: 'Stopping',
    error: lastSeen('Stopping')
  },
  'set-env': {
    expect: 'failure',
    timeout: SHORT,
    timing: FOREVER,
    status: 'Updating',
    error: lastSeen('Updating')
  },
  'run-block': { expect: 'unknown', ran: 0, arm: notServing },
  'deploy-git': { expect: 'failure', ran: 0, timeout: SHORT, arm: notServing },
  'run-pipeline': {
    expect: 'failure',
    ran: 1,
    timeout: SHORT,
    status: 'cancelled',
    inputs: { 'schedule-id': '3', 'trigger-token': TRIGGER_TOKENS.stuck },
    check: runCancelled
  }
}

/** After the Cloud PUT, every read of the cluster fails: the wait must not give up early. */
function readsFailAfterPut(status: string): Plan {
  let armed = false
  return {
    expect: 'failure',
    timeout: SHORT,
    status,
    error: lastSeen(status),
    hook: (emu, request) => {
      if (armed || request.server !== 'cloud' || request.method !== 'PUT') return
      armed = true
      emu.inject({ server: 'cloud', method: 'GET', path: CLUSTER_PATH, ...ALWAYS_503 })
    }
  }
}

const statusEndpointPlans: Record<Operation, () => Plan> = {
  'cluster-status': () => ({
    expect: 'failure',
    arm: emu => emu.inject({ server: 'cloud', method: 'GET', path: CLUSTER_PATH, ...ALWAYS_503 })
  }),
  'start-cluster': () => readsFailAfterPut('Starting'),
  'stop-cluster': () => readsFailAfterPut('Stopping'),
  'set-env': () => ({ ...readsFailAfterPut('Updating'), status: undefined, error: undefined }),
  // run-block reads no status: it must not depend on one.
  'run-block': () => ({
    expect: 'success',
    ran: 1,
    arm: emu => emu.inject({ server: 'cluster', path: '/api/status', ...ALWAYS_503 })
  }),
  'deploy-git': () => ({
    expect: 'failure',
    ran: 1,
    timeout: SHORT,
    status: 'deployed',
    error: /timed out waiting for the cluster to serve/,
    arm: emu => emu.inject({ server: 'cluster', path: '/api/status', ...ALWAYS_503 })
  }),
  // The run stays running (slow ticks); polls fail until the deadline cancels it.
  'run-pipeline': () => ({
    expect: 'failure',
    ran: 1,
    timeout: SHORT,
    timing: { runStepMs: 600_000 },
    status: 'cancelled',
    check: runCancelled,
    arm: emu =>
      emu.inject({
        server: 'cluster',
        method: 'GET',
        path: /^\/api\/pipeline_runs\/\d+$/,
        ...ALWAYS_503
      })
  })
}

export const OPERATION_FAULTS: readonly FaultCase[] = [
  {
    name: 'cluster stuck in an intermediate status',
    scope: 'operation',
    plan: target => stuckPlans[target.op]
  },
  {
    name: 'status endpoint keeps failing',
    scope: 'operation',
    plan: target => statusEndpointPlans[target.op]()
  }
]
