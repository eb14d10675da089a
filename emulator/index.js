// The Mage emulator: the Mage Cloud API and a Mage Pro cluster API on loopback, as a real
// server answers them, with recorded requests and injectable faults. See README.md.
import { buildScenario, buildTiming } from './scenario.js'
import { createTimers } from './timers.js'
import { createRecorder } from './recorder.js'
import { createFaults } from './faults.js'
import { createApiServer } from './server.js'
import { createLifecycle } from './cluster-lifecycle.js'
import { createCloudApi } from './cloud.js'
import { createClusterAuth } from './cluster-auth.js'
import { createPipelineRuns } from './pipeline-runs.js'
import { createRunBlock } from './cluster-runs.js'
import { createTrigger } from './triggers.js'
import { createLogs } from './logs.js'
import { createDeploy } from './deploy.js'
import { createClusterApi } from './cluster-api.js'
import { createControl } from './control.js'
import { executionCount } from './blocks.js'
import { formatDate } from './http-util.js'

export { DEFAULT_SCENARIO, DEFAULT_TIMING, CLOUD_API_KEY, CLUSTER_API_KEY } from './scenario.js'
export { FAULT_KINDS } from './faults.js'
export { HTML_503, HTML_502 } from './http-util.js'

// Every emulator started in this process and not yet stopped, so that a test harness can find
// the session tokens issued during a run without each test passing its emulator along.
const running = new Set()

export function runningEmulators() {
  return [...running]
}

function initialState(scenario, timing, timers) {
  const now = Date.now()
  const cluster = structuredClone(scenario.cloud.cluster)
  cluster.created_at ??= formatDate.isoOffset(now)
  cluster.updated_at ??= formatDate.isoOffset(now)
  return {
    scenario,
    timing,
    timers,
    startedAt: now,
    cluster,
    cloudVersion: 1,
    pipelineRuns: [],
    executions: new Map(),
    deployments: [],
    gitSyncs: [],
    statusChanges: [],
    sessionsIssued: { cloud: [], cluster: [] }
  }
}

export async function startEmulator(options = {}) {
  const scenario = buildScenario(options.scenario)
  const timing = buildTiming(options.timing, options.timingScale ?? 1)
  const timers = createTimers()
  const state = initialState(scenario, timing, timers)

  const lifecycle = createLifecycle(state)
  const cloud = createCloudApi(state, lifecycle)
  const auth = createClusterAuth(state)
  const pipelineRuns = createPipelineRuns(state)
  const clusterHandle = createClusterApi(state, {
    lifecycle,
    auth,
    pipelineRuns,
    runBlock: createRunBlock(state, pipelineRuns),
    trigger: createTrigger(state, pipelineRuns),
    logs: createLogs(state),
    deploy: createDeploy(state, lifecycle, auth)
  })
  const recorder = createRecorder()
  const faults = createFaults()
  let stopping

  const emu = {
    cloudUrl: '',
    clusterUrl: '',
    scenario,
    timing,
    get requests() {
      return recorder.requests
    },
    requestsTo: (server, method, pathMatch) => recorder.filter(server, method, pathMatch),
    clearRequests: () => recorder.clear(),
    connectionsTo: server => (server === 'cloud' ? cloudServer : clusterServer).connections(),
    get cluster() {
      return state.cluster
    },
    setClusterStatus: (status, config) => lifecycle.force(status, config),
    isServing: () => lifecycle.isServing(),
    inject: fault => faults.inject(fault),
    clearFaults: () => faults.clear(),
    get faults() {
      return faults.pending()
    },
    expireSessions: server => {
      if (server === undefined || server === 'cloud') cloud.expireSessions()
      if (server === undefined || server === 'cluster') auth.expireAll()
    },
    staleWriter: writer => cloud.staleWriter(writer),
    neverActive: (on = true) => lifecycle.setNeverActive(on),
    blockExecutions: (pipelineUuid, blockUuid) => executionCount(state, pipelineUuid, blockUuid),
    get pipelineRuns() {
      return state.pipelineRuns
    },
    addPipelineRun: run => pipelineRuns.preload(run),
    get deployments() {
      return state.deployments
    },
    get gitSyncs() {
      return state.gitSyncs
    },
    get sessionsIssued() {
      return state.sessionsIssued
    },
    get statusChanges() {
      return state.statusChanges
    },
    snapshot: () => ({
      cloudUrl: emu.cloudUrl,
      clusterUrl: emu.clusterUrl,
      cluster: state.cluster,
      serving: lifecycle.isServing(),
      pipelineRuns: state.pipelineRuns,
      deployments: state.deployments,
      gitSyncs: state.gitSyncs,
      blockExecutions: Object.fromEntries(state.executions),
      faults: faults.pending(),
      requestCount: recorder.requests.length
    }),
    stop: () => {
      stopping ??= (async () => {
        running.delete(emu)
        timers.clearAll()
        await Promise.all([cloudServer.close(), clusterServer.close()])
      })()
      return stopping
    }
  }

  const common = { recorder, faults, timers, onRequest: options.onRequest }
  const cloudServer = createApiServer({ name: 'cloud', handle: cloud.handle, ...common })
  const clusterServer = createApiServer({
    name: 'cluster',
    handle: clusterHandle,
    control: createControl(emu),
    ...common
  })

  const host = options.host ?? '127.0.0.1'
  try {
    const cloudPort = await cloudServer.listen(options.cloudPort ?? 0, host)
    const clusterPort = await clusterServer.listen(options.clusterPort ?? 0, host)
    const urlHost = host.includes(':') ? `[${host}]` : host
    emu.cloudUrl = `http://${urlHost}:${cloudPort}/api/v1`
    emu.clusterUrl = `http://${urlHost}:${clusterPort}${scenario.cluster.basePath ?? ''}`
  } catch (err) {
    await emu.stop()
    throw err
  }
  running.add(emu)
  return emu
}
