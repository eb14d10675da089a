// The cluster's life as the Cloud API shows it (Stopped → Starting → Active → Stopping →
// Stopped, Active → Updating → Active after an env change) and, from that, whether the cluster
// host serves /api/status yet. The Cloud cluster and the cluster API are the same machine.
import { formatDate } from './http-util.js'

const RUNNING = new Set(['Active', 'Starting', 'Updating'])

const replicas = config => Number(config?.replicaCount) || 0
const envKey = config => JSON.stringify(config?.extraEnvs ?? [])

export function createLifecycle(state) {
  const { timing, timers } = state
  const cluster = state.cluster
  let timer
  let neverActive = false
  // Serving starts servingDelayMs after Active; a cluster that starts Active serves at once.
  let activeSince = cluster.status === 'Active' ? -Infinity : undefined
  let restartUntil = 0

  function touch() {
    cluster.updated_at = formatDate.isoOffset(Date.now())
    state.cloudVersion += 1
  }

  function setStatus(status) {
    cluster.status = status
    activeSince = status === 'Active' ? Date.now() : undefined
    touch()
    state.statusChanges.push({ status, at: Date.now() })
  }

  function schedule(next) {
    timers.cancel(timer)
    timer = timers.after(timing.transitionMs, () => {
      timer = undefined
      next()
    })
  }

  function start() {
    timers.cancel(timer)
    timer = undefined
    setStatus('Starting')
    if (!neverActive) schedule(() => setStatus('Active'))
  }

  function stop() {
    setStatus('Stopping')
    schedule(() => setStatus('Stopped'))
  }

  function restart() {
    setStatus('Updating')
    schedule(() => setStatus('Active'))
  }

  // Applies a Cloud PUT: the config is replaced whole; the status follows the request.
  function applyPut(config, status) {
    const before = { replicas: replicas(cluster.config), env: envKey(cluster.config) }
    cluster.config = structuredClone(config)
    const after = { replicas: replicas(cluster.config), env: envKey(cluster.config) }
    const wantStop =
      status === 'Stopped' || (status === undefined && before.replicas >= 1 && after.replicas === 0)
    const wantStart =
      status === 'Active' || (status === undefined && before.replicas === 0 && after.replicas >= 1)
    const running = RUNNING.has(cluster.status)
    if (wantStop) {
      if (running) return stop()
    } else if (wantStart && !running) {
      return start()
    } else if (
      before.env !== after.env &&
      (cluster.status === 'Active' || cluster.status === 'Updating')
    ) {
      return restart()
    }
    return touch()
  }

  // Test hook: force a status (and merge config keys) with no transition pending; a forced
  // 'Active' serves at once (no serving delay, no deploy restart).
  function force(status, config) {
    timers.cancel(timer)
    timer = undefined
    restartUntil = 0
    if (config) cluster.config = { ...cluster.config, ...structuredClone(config) }
    cluster.status = status
    activeSince = status === 'Active' ? -Infinity : undefined
    touch()
  }

  function setNeverActive(on) {
    neverActive = on
    if (!on && cluster.status === 'Starting' && timer === undefined) {
      schedule(() => setStatus('Active'))
    }
  }

  // A deploy or git sync restarts the server process: /api/status is down for a while.
  function markRestart() {
    restartUntil = Date.now() + timing.deployRestartMs
  }

  function isServing() {
    const now = Date.now()
    return (
      cluster.status === 'Active' &&
      activeSince !== undefined &&
      now >= activeSince + timing.servingDelayMs &&
      now >= restartUntil
    )
  }

  // A scenario may start the cluster on its way somewhere.
  if (cluster.status === 'Starting' || cluster.status === 'Updating')
    schedule(() => setStatus('Active'))
  if (cluster.status === 'Stopping') schedule(() => setStatus('Stopped'))

  return { applyPut, force, setNeverActive, markRestart, isServing, touch }
}
