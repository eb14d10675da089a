#!/usr/bin/env node
// The flaky-proxy trial from issue 4: `node scripts/flaky-proxy-trial.js --cycles 200`. Runs
// stop/start cycles of dist/index.js against the emulator behind a proxy that answers 502 pages
// and drops connections, and prints what it saw. It must never report success for a stop that
// did not happen, and when it cannot know, it must say so. Writes .reliability/flaky-proxy.json
// for scripts/reliability-table.js; exits 1 on a false success, a false "nothing was changed",
// a plain failure that hid a change, or a config item lost.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { runTrial } from './lib/flaky-trial.js'
import { REPO_ROOT } from './lib/run-dist.js'

const { values } = parseArgs({
  options: {
    cycles: { type: 'string', default: '200' },
    seed: { type: 'string', default: '20261128' },
    lanes: { type: 'string', default: '8' },
    json: { type: 'string', default: path.join(REPO_ROOT, '.reliability', 'flaky-proxy.json') },
    help: { type: 'boolean', default: false }
  }
})
if (values.help) {
  console.log(
    'usage: node scripts/flaky-proxy-trial.js [--cycles 200] [--seed N] [--lanes 8] [--json file]'
  )
  process.exit(0)
}

const cycles = Number(values.cycles)
let done = 0
const figures = await runTrial({
  cycles,
  seed: Number(values.seed),
  lanes: Number(values.lanes),
  onStep: step => {
    done++
    if (step.falseSuccess)
      console.log(
        `FALSE SUCCESS: ${step.operation} reported ${step.status}, cluster is ${step.actual}`
      )
    if (done % 20 === 0) process.stderr.write(`${done}/${cycles * 2} steps\n`)
  }
})

const rows = [
  ['cycles (stop, then start)', figures.cycles],
  ['steps', figures.steps],
  ['successes', figures.successes],
  ...Object.entries(figures.failures).map(([name, n]) => [`failures: ${name}`, n]),
  ['false successes (must be 0)', figures.falseSuccesses],
  ['false "nothing was changed" (must be 0)', figures.falseNothingChanged],
  ['plain failures that hid a change (must be 0)', figures.hiddenChanges],
  ['"outcome unknown" reports', figures.outcomeUnknownReports],
  ['retries seen', figures.retriesSeen],
  ['config items lost (must be 0)', figures.itemsLost],
  ['multi-line errors / stack traces', `${figures.multiLineErrors} / ${figures.stackTraces}`],
  ['proxy: requests', figures.proxy.requests],
  ['proxy: passed on', figures.proxy.passed],
  ['proxy: 502 page, not passed on', figures.proxy.html502Before],
  ['proxy: 502 page after passing on', figures.proxy.html502After],
  [
    'proxy: dropped before / after passing on',
    `${figures.proxy.dropBefore} / ${figures.proxy.dropAfter}`
  ],
  ['proxy: outages', figures.proxy.outages],
  [
    'duration',
    `${Math.round(figures.durationMs / 1000)} s (${figures.lanes} lanes, seed ${figures.seed})`
  ]
]
const width = Math.max(...rows.map(([label]) => label.length))
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`)
for (const [name, example] of Object.entries(figures.examples))
  console.log(`e.g. ${name}: ${example}`)

fs.mkdirSync(path.dirname(values.json), { recursive: true })
fs.writeFileSync(
  values.json,
  `${JSON.stringify({ name: 'flaky-proxy', writtenAt: new Date().toISOString(), ...figures }, null, 2)}\n`
)
const bad =
  figures.falseSuccesses + figures.falseNothingChanged + figures.hiddenChanges + figures.itemsLost
process.exit(bad > 0 ? 1 : 0)
