// The fault matrix's rows: each operation with the request a fault is aimed at. An operation
// appears once per request kind worth testing (the stop's PUT and its login, the pipeline's
// trigger and its poll, both deploy modes).
import { DEFAULT_SCENARIO, type Emulator } from '../../../emulator/index.js'
import { cloudInputs } from '../../helpers/cloud-inputs.js'
import {
  TRIGGER_TOKENS,
  clusterInputs,
  loginInputs,
  serving
} from '../../helpers/cluster-inputs.js'

export type Operation =
  | 'start-cluster'
  | 'stop-cluster'
  | 'set-env'
  | 'cluster-status'
  | 'run-block'
  | 'deploy-git'
  | 'run-pipeline'

/** `idempotent`: retried on transient faults. `once`: runs something, never sent twice. */
export type RequestKind = 'idempotent' | 'once'

export interface Route {
  readonly server: 'cloud' | 'cluster'
  readonly method: string
  readonly path: string | RegExp
  readonly label: string
  readonly kind: RequestKind
  /** The Cloud cluster PUT: after an unclear failure the action reads the cluster back. */
  readonly readBack?: boolean
  /** A wait's poll: it polls on after a transient failure, until the deadline. */
  readonly poll?: boolean
}

export interface Target {
  readonly name: string
  readonly op: Operation
  readonly route: Route
  /** The operation's first row: faults on the operation as a whole run here only. */
  readonly primary: boolean
  prepare(emu: Emulator): void
  inputs(emu: Emulator): Record<string, string | undefined>
  readonly env?: Record<string, string>
  /** Cluster operations: how many times the thing it runs has run (blocks, deploys, runs). */
  ran?(emu: Emulator): number
  /** After a reported success: what must be true of the emulator (problems found). */
  verify(emu: Emulator, outputs: Record<string, string>): string[]
}

export const CLUSTER_PATH = `/api/v1/teams/${DEFAULT_SCENARIO.cloud.teamId}/clusters/${DEFAULT_SCENARIO.cloud.clusterId}`
const SHA = '0123456789abcdef0123456789abcdef01234567'
const MATRIX_ENV = { name: 'MATRIX_VAR', value: 'matrix-value-123' }

const ROUTES = {
  cloudGet: { server: 'cloud', method: 'GET', path: CLUSTER_PATH, label: 'GET cluster' },
  cloudPut: { server: 'cloud', method: 'PUT', path: CLUSTER_PATH, label: 'PUT cluster' },
  cloudLogin: { server: 'cloud', method: 'POST', path: '/api/v1/sessions', label: 'login' },
  runs: { server: 'cluster', method: 'POST', path: '/api/runs', label: 'POST /api/runs' },
  deployments: {
    server: 'cluster',
    method: 'POST',
    path: '/api/deployment_settings/git-deploy/deployments',
    label: 'POST deployments'
  },
  gitSync: { server: 'cluster', method: 'PUT', path: '/api/syncs/git', label: 'PUT git sync' },
  trigger: {
    server: 'cluster',
    method: 'POST',
    path: /^\/api\/pipeline_schedules\/\d+\/api_trigger$/,
    label: 'POST api_trigger'
  },
  poll: {
    server: 'cluster',
    method: 'GET',
    path: /^\/api\/pipeline_runs\/\d+$/,
    label: 'GET pipeline_runs/{id}'
  }
} as const

const idempotent = (route: Omit<Route, 'kind'>, readBack = false): Route => ({
  ...route,
  kind: 'idempotent',
  readBack
})
const once = (route: Omit<Route, 'kind'>): Route => ({ ...route, kind: 'once' })

const stopped = (emu: Emulator): void =>
  emu.setClusterStatus('Stopped', { ...emu.cluster.config, replicaCount: 0 })

const expectStatus = (emu: Emulator, outputs: Record<string, string>, status: string) => {
  const problems: string[] = []
  if (emu.cluster.status !== status) problems.push(`emulator cluster is ${emu.cluster.status}`)
  if (outputs.status !== status) problems.push(`status output is ${outputs.status}`)
  return problems
}

const cloudTarget = (
  op: Operation,
  route: Route,
  primary: boolean,
  options: Pick<Target, 'prepare' | 'verify'> & { extra?: Record<string, string> }
): Target => ({
  name: `${op} · ${route.label}`,
  op,
  route,
  primary,
  prepare: options.prepare,
  inputs: emu => cloudInputs(emu, op, options.extra),
  verify: options.verify
})

const deployInputs = (emu: Emulator, setting: boolean) =>
  clusterInputs(emu, 'deploy-git', {
    ...loginInputs(),
    ...(setting ? { 'deployment-setting': 'git-deploy', 'deploy-branch': 'deploy-main' } : {})
  })

const pipelineInputs = (emu: Emulator) =>
  clusterInputs(emu, 'run-pipeline', {
    ...loginInputs(),
    'trigger-token': TRIGGER_TOKENS.etl,
    'schedule-id': '1'
  })

const GITHUB_CONTEXT = { GITHUB_SHA: SHA, GITHUB_REF_NAME: 'main', GITHUB_EVENT_NAME: 'push' }

export const TARGETS: readonly Target[] = [
  cloudTarget('cluster-status', idempotent(ROUTES.cloudGet), true, {
    prepare: serving,
    verify: (emu, outputs) => expectStatus(emu, outputs, 'Active')
  }),
  cloudTarget('start-cluster', idempotent(ROUTES.cloudPut, true), true, {
    prepare: stopped,
    verify: (emu, outputs) => expectStatus(emu, outputs, 'Active')
  }),
  cloudTarget('stop-cluster', idempotent(ROUTES.cloudPut, true), true, {
    prepare: serving,
    verify: (emu, outputs) => expectStatus(emu, outputs, 'Stopped')
  }),
  cloudTarget('stop-cluster', idempotent(ROUTES.cloudLogin), false, {
    prepare: serving,
    verify: (emu, outputs) => expectStatus(emu, outputs, 'Stopped')
  }),
  cloudTarget('set-env', idempotent(ROUTES.cloudPut, true), true, {
    prepare: serving,
    extra: { env: `${MATRIX_ENV.name}=${MATRIX_ENV.value}` },
    verify: (emu, outputs) => {
      const envs = emu.cluster.config.extraEnvs ?? []
      const written = envs.some(e => e.name === MATRIX_ENV.name && e.value === MATRIX_ENV.value)
      return [
        ...(written ? [] : ['MATRIX_VAR was not written']),
        ...expectStatus(emu, outputs, 'Active')
      ]
    }
  }),
  {
    name: 'run-block · POST /api/runs',
    op: 'run-block',
    route: once(ROUTES.runs),
    primary: true,
    prepare: serving,
    inputs: emu =>
      clusterInputs(emu, 'run-block', {
        'trigger-token': TRIGGER_TOKENS.etl,
        pipeline: 'etl_demo',
        block: 'load_data'
      }),
    ran: emu => emu.blockExecutions(),
    verify: (_emu, outputs) =>
      outputs.status === 'completed' && outputs.output.includes('rows')
        ? []
        : [`status ${outputs.status}, output ${outputs.output}`]
  },
  {
    name: 'deploy-git · POST deployments',
    op: 'deploy-git',
    route: once(ROUTES.deployments),
    primary: true,
    prepare: serving,
    inputs: emu => deployInputs(emu, true),
    env: GITHUB_CONTEXT,
    ran: emu => emu.deployments.length,
    verify: (_emu, outputs) =>
      outputs.status === 'deployed' && outputs.commit === SHA ? [] : [`status ${outputs.status}`]
  },
  {
    name: 'deploy-git · PUT git sync',
    op: 'deploy-git',
    route: once(ROUTES.gitSync),
    primary: false,
    prepare: serving,
    inputs: emu => deployInputs(emu, false),
    env: GITHUB_CONTEXT,
    ran: emu => emu.gitSyncs.length,
    verify: (_emu, outputs) => (outputs.status === 'deployed' ? [] : [`status ${outputs.status}`])
  },
  {
    name: 'run-pipeline · POST api_trigger',
    op: 'run-pipeline',
    route: once(ROUTES.trigger),
    primary: true,
    prepare: serving,
    inputs: pipelineInputs,
    ran: emu => emu.pipelineRuns.length,
    verify: (_emu, outputs) => (outputs.status === 'completed' ? [] : [`status ${outputs.status}`])
  },
  {
    name: 'run-pipeline · GET pipeline_runs/{id}',
    op: 'run-pipeline',
    route: { ...idempotent(ROUTES.poll), poll: true },
    primary: false,
    prepare: serving,
    inputs: pipelineInputs,
    ran: emu => emu.pipelineRuns.length,
    verify: (_emu, outputs) => (outputs.status === 'completed' ? [] : [`status ${outputs.status}`])
  }
]
