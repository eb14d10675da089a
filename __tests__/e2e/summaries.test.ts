// The job summary each operation really writes, from dist/index.js against the emulator, once
// succeeding and once failing: well-formed GFM, only the allowed HTML, no secret, under 64 KiB
// (with a 3 MB block output and a 100 KB exception among them), and what a glance needs.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DEFAULT_SCENARIO, type Emulator, startEmulator } from '../../emulator/index.js'
import { cloudInputs } from '../helpers/cloud-inputs.js'
import { TRIGGER_TOKENS, clusterInputs, loginInputs, serving } from '../helpers/cluster-inputs.js'
import { type ActionRun, runAction } from '../helpers/run-action.js'
import { factsOf, summaryProblems, titleOf } from '../helpers/summary-checks.js'
import { OPERATIONS } from '../../src/config/types.js'

/** Short emulator delays: the waits still poll (every 1 s, the shortest poll-interval). */
const FAST = { transitionMs: 100, servingDelayMs: 50, runStepMs: 100, deployRestartMs: 100 }
const HUGE_EXCEPTION = `bad | row <b>\n${'line with | pipes, <tags> & 漢字\n'.repeat(3000)}`
const ENV_SECRET = 'dsn-secret|<value>&more'
const WRONG = 'wrong-password-123'

interface Case {
  readonly operation: string
  readonly outcome: 'success' | 'failure'
  readonly run: ActionRun
  readonly clusterUrl?: string
}

let cloudEmu: Emulator
let clusterEmu: Emulator
const cases: Case[] = []

async function record(
  emu: Emulator,
  outcome: Case['outcome'],
  inputs: Record<string, string | undefined>,
  clusterUrl = inputs['cluster-url']
): Promise<void> {
  const run = await runAction({ inputs })
  cases.push({ operation: inputs.operation ?? '', outcome, run, clusterUrl })
}

/** The Cloud operations, in an order that keeps the cluster's state meaningful. */
async function cloudOperations(emu: Emulator): Promise<void> {
  const url = { 'cluster-url': emu.clusterUrl }
  await record(emu, 'failure', cloudInputs(emu, 'start-cluster', { 'cloud-password': WRONG }))
  await record(emu, 'success', cloudInputs(emu, 'start-cluster', url))
  await record(emu, 'failure', cloudInputs(emu, 'set-env', { env: 'A=1', 'cluster-id': 'nope' }))
  const env = `SUMMARY_FLAG=on\nSUMMARY_DSN=${ENV_SECRET}`
  await record(emu, 'success', cloudInputs(emu, 'set-env', { ...url, env, 'unset-env': 'SHORT' }))
  await record(emu, 'failure', cloudInputs(emu, 'cluster-status', { 'team-id': 'nope' }))
  await record(emu, 'success', cloudInputs(emu, 'cluster-status'))
  const busy = { ...url, 'skip-if-busy': 'true', ...loginInputs() }
  const badLogin = { ...busy, 'cluster-password': WRONG }
  await record(emu, 'failure', cloudInputs(emu, 'stop-cluster', badLogin))
  await record(emu, 'success', cloudInputs(emu, 'stop-cluster', busy))
}

async function clusterOperations(emu: Emulator): Promise<void> {
  const block = (blocks: string) =>
    clusterInputs(emu, 'run-block', {
      'trigger-token': TRIGGER_TOKENS.etl,
      pipeline: 'etl_demo',
      block: blocks
    })
  await record(emu, 'success', block('load_data\nbig_output\ntransform'))
  await record(emu, 'failure', block('load_data\nhuge_raise\ntransform'))
  const deploy = (setting: string) =>
    clusterInputs(emu, 'deploy-git', {
      ...loginInputs(),
      'deployment-setting': setting,
      'deploy-branch': 'deploy-main',
      'git-sha': '3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a',
      'git-branch': 'main'
    })
  await record(emu, 'success', deploy('git-deploy'))
  await record(emu, 'failure', deploy('no-such-setting'))
  const pipeline = (token: string, schedule: string) =>
    clusterInputs(emu, 'run-pipeline', {
      ...loginInputs(),
      'trigger-token': token,
      'schedule-id': schedule
    })
  await record(emu, 'success', pipeline(TRIGGER_TOKENS.etl, '1'))
  await record(emu, 'failure', pipeline(TRIGGER_TOKENS.failing, '2'))
}

beforeAll(async () => {
  cloudEmu = await startEmulator({ timing: FAST })
  clusterEmu = await startEmulator({
    timing: FAST,
    scenario: {
      cluster: { pipelines: { etl_demo: { blocks: { huge_raise: { raise: HUGE_EXCEPTION } } } } }
    }
  })
  serving(clusterEmu)
  // Two worlds, so the two sequences run side by side.
  await Promise.all([cloudOperations(cloudEmu), clusterOperations(clusterEmu)])
}, 60_000)

afterAll(async () => {
  await Promise.all([cloudEmu?.stop(), clusterEmu?.stop()])
})

/** Every credential the runs were given, and every session token they were issued. */
function knownSecrets(): string[] {
  const { cloud, cluster } = DEFAULT_SCENARIO
  const sessions = [cloudEmu, clusterEmu].flatMap(emu => [
    ...emu.sessionsIssued.cloud,
    ...emu.sessionsIssued.cluster.flatMap(session => [session.jwt, session.token])
  ])
  return [
    cloud.password,
    ...cluster.users.map(user => user.password),
    ...Object.values(TRIGGER_TOKENS),
    ENV_SECRET,
    WRONG,
    ...sessions
  ]
}

const table = OPERATIONS.flatMap(operation =>
  (['success', 'failure'] as const).map(outcome => [operation, outcome] as const)
)
const caseOf = (operation: string, outcome: Case['outcome']): Case => {
  const found = cases.find(c => c.operation === operation && c.outcome === outcome)
  if (!found) throw new Error(`no ${outcome} run of ${operation}`)
  return found
}

describe.each(table)('the summary of %s (%s)', (operation, outcome) => {
  it('is well formed, only allowed HTML, no secret, under 64 KiB', () => {
    const { run } = caseOf(operation, outcome)
    expect(run.code).toBe(outcome === 'success' ? 0 : 1)
    expect(summaryProblems(run.summary, knownSecrets())).toEqual([])
  })

  it('says at a glance what happened, and why', () => {
    const { run, clusterUrl } = caseOf(operation, outcome)
    const icon = outcome === 'success' ? '✅' : '❌'
    expect(titleOf(run.summary)).toBe(`### ${icon} Mage ${operation}: ${run.outputs.status}`)
    expect(run.summary.match(/^### /gm)).toHaveLength(1)
    const errorLine = run.summary.split('\n')[2]
    if (outcome === 'failure') expect(errorLine).toMatch(/^\*\*Error:\*\* \S/)
    else expect(errorLine).toBe('| Operation | ' + operation + ' |')
    const facts = factsOf(run.summary)
    expect(facts).toMatchObject({ Operation: operation, Status: run.outputs.status })
    expect(facts.Duration).toMatch(/^\d+(\.\d)? (ms|s)$|min/)
    if (clusterUrl) expect(run.summary).toContain(`[Cluster in Mage](${clusterUrl})`)
  })
})

describe('what each operation adds', () => {
  it('run-block: a row per block with status and size, a collapsed preview of each output', () => {
    const ok = caseOf('run-block', 'success').run.summary
    expect(ok).toMatch(/^\| load_data \| ✅\u00a0completed \| \d+ B \| \d+ ms \|/m)
    expect(ok).toMatch(/^\| big_output \| ✅\u00a0completed \| [23]\.\d MiB \|/m)
    expect(ok).toMatch(
      /^<details><summary>Output of <code>big_output<\/code> \([23]\.\d MiB, start shown\)<\/summary>$/m
    )
    expect(ok.match(/^<details><summary>Output of/gm)).toHaveLength(3)
    const failed = caseOf('run-block', 'failure').run.summary
    expect(failed).toMatch(
      /^\| huge_raise \| ❌\u00a0failed \| — \| \d+ ms \| bad \\\| row &lt;b&gt; line/m
    )
    expect(failed).toMatch(/^\| transform \| ⏭️\u00a0not run \| — \| — \| {2}\|$/m)
    expect(failed).toContain('[Pipeline runs in Mage](')
  })

  it('run-pipeline: a link to the run, each block, and the failed block’s last log lines', () => {
    const ok = caseOf('run-pipeline', 'success').run
    expect(ok.summary).toContain(`[Pipeline run in Mage](${ok.outputs['run-url']})`)
    expect(ok.summary).toMatch(/^\| transform \| completed \|$/m)
    const failed = caseOf('run-pipeline', 'failure').run.summary
    expect(failed).toMatch(/^\| load \| failed \|$/m)
    expect(failed).toContain('<details><summary>Last log lines of <code>load</code></summary>')
  })

  it('set-env: the names, never the values', () => {
    const { summary } = caseOf('set-env', 'success').run
    expect(factsOf(summary)['Env names']).toBe('set SUMMARY_FLAG, SUMMARY_DSN; removed SHORT')
    expect(summary).not.toContain('dsn-secret')
  })

  it('deploy-git: the commit and the deployment', () => {
    const facts = factsOf(caseOf('deploy-git', 'success').run.summary)
    expect(facts).toMatchObject({ Commit: '3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a' })
    expect(facts.Deployment).toMatch(/^\d+$/)
  })
})
