// Section 3: how soon start-cluster notices the cluster is up. Each run has its own emulator
// whose cluster turns Active (and serves /api/status at once) a known time after the start
// request; the lag is from that instant to the step's exit. All runs go at once (staggered a
// little): they spend nearly all their time asleep between polls.
import { startEmulator } from '../../emulator/index.js'
import { cloudCredentials } from '../lib/emulator-inputs.js'
import { runStep } from './measure.js'
import { summarize } from './stats.js'

export const DEFAULT_POLL_MS = 5000
const LAG_ALLOWANCE_MS = 500
const STAGGER_MS = 150

// The instants of a plan's runs are spread evenly over one poll interval (each drawn within its
// own slice of it), so that its few runs meet the polls at every phase, not at a lucky few.
const PLANS = [
  {
    label: 'poll-interval 1s',
    pollMs: 1000,
    input: '1s',
    runs: 7,
    activeAfter: spread(3000, 1000)
  },
  {
    label: 'poll-interval 2s',
    pollMs: 2000,
    input: '2s',
    runs: 7,
    activeAfter: spread(4000, 2000)
  },
  {
    label: 'default (5s)',
    pollMs: DEFAULT_POLL_MS,
    runs: 5,
    activeAfter: spread(10000, 5000)
  },
  { label: '60 s start, default (5s)', pollMs: DEFAULT_POLL_MS, runs: 3, activeAfter: () => 60000 }
]

/** Run `index` of `runs`: an instant in its own slice of [fromMs, fromMs + spanMs). */
function spread(fromMs, spanMs) {
  return (index, runs) => fromMs + (spanMs * (index + Math.random())) / runs
}

async function oneStart(plan, index, delayMs) {
  await new Promise(resolve => setTimeout(resolve, delayMs))
  const transitionMs = Math.round(plan.activeAfter(index, plan.runs))
  const emu = await startEmulator({ timing: { transitionMs, servingDelayMs: 0 } })
  try {
    const run = await runStep(
      {
        name: `start-cluster (${plan.label})`,
        inputs: {
          operation: 'start-cluster',
          ...cloudCredentials(emu),
          'cluster-url': emu.clusterUrl,
          timeout: '5m',
          ...(plan.input ? { 'poll-interval': plan.input } : {})
        }
      },
      { timeoutMs: 300_000 }
    )
    const activeAt = emu.statusChanges.find(change => change.status === 'Active')?.at
    if (activeAt === undefined) throw new Error(`${plan.label}: the cluster never turned Active`)
    const put = emu.requests.findIndex(request => request.method === 'PUT')
    const after = emu.requests.slice(put + 1)
    return {
      lagMs: run.endedAt - activeAt,
      clusterPolls: after.filter(request => request.server === 'cloud').length,
      statusPolls: after.filter(request => request.path.startsWith('/api/status')).length,
      transitionMs
    }
  } finally {
    await emu.stop()
  }
}

export async function measureReadiness() {
  let slot = 0
  const pending = PLANS.map(plan =>
    Promise.all(
      Array.from({ length: plan.runs }, (_, index) => oneStart(plan, index, STAGGER_MS * slot++))
    )
  )
  const results = await Promise.all(pending)
  return PLANS.map((plan, index) => {
    const runs = results[index]
    const lag = summarize(runs.map(run => run.lagMs))
    const limitMs = plan.pollMs + LAG_ALLOWANCE_MS
    // Polls are at least one interval apart: while Starting, at most one per whole interval,
    // then the poll that sees Active.
    const overLimit = runs.filter(
      run => run.clusterPolls > Math.floor(run.transitionMs / plan.pollMs) + 1
    ).length
    return {
      label: plan.label,
      pollIntervalMs: plan.pollMs,
      runs: runs.length,
      activeAfterMs: summarize(runs.map(run => run.transitionMs)),
      lagMs: lag,
      limitMs,
      clusterPolls: summarize(runs.map(run => run.clusterPolls)),
      statusPolls: summarize(runs.map(run => run.statusPolls)),
      runsOverPollLimit: overLimit,
      pass: lag.median <= limitMs && overLimit === 0
    }
  })
}
