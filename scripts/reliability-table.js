#!/usr/bin/env node
// Renders the reliability figures into docs/reliability.md (between its figures markers) from
// what the reliability tests and trials wrote to .reliability/*.json:
//   fault-matrix.json       __tests__/reliability/fault-matrix.test.ts
//   hostile-responses.json  __tests__/reliability/hostile-responses.test.ts
//   flaky-proxy.json        node scripts/flaky-proxy-trial.js (else flaky-proxy-short.json, CI)
//   concurrency.json        the set-env concurrency trial
//   bad-input.json          { tried, rejected }, when the bad-input corpus writes one
//   secrets-audit.jsonl     one line { secrets, leaks } per end-to-end run the audit checked
// Usage: npm test (or the files above), then `node scripts/reliability-table.js`.
// `--print` writes the section to stdout instead of the doc.
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as prettier from 'prettier'
import { REPO_ROOT } from './lib/run-dist.js'

const DIR = path.join(REPO_ROOT, '.reliability')
const DOC = path.join(REPO_ROOT, 'docs', 'reliability.md')
const START = '<!-- reliability-figures:start -->'
const END = '<!-- reliability-figures:end -->'

function read(name) {
  const file = path.join(DIR, `${name}.json`)
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined
}

/** The secrets audit writes one line per audited run (__tests__/helpers/run-action.ts). */
function readSecretsAudit() {
  const file = path.join(DIR, 'secrets-audit.jsonl')
  if (!fs.existsSync(file)) return undefined
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(line => JSON.parse(line))
  return {
    runs: lines.length,
    secretsChecked: lines.reduce((sum, line) => sum + line.secrets, 0),
    leaks: lines.reduce((sum, line) => sum + line.leaks, 0)
  }
}

/** Sums every numeric field called `key`, at any depth (the trials nest their figures). */
function sumOf(value, key) {
  if (value === null || typeof value !== 'object') return 0
  return Object.entries(value).reduce(
    (sum, [k, v]) => sum + (k === key && typeof v === 'number' ? v : sumOf(v, key)),
    0
  )
}

const n = value => (value === undefined ? 'not measured' : String(value))
const table = (header, rows) =>
  [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`]
    .concat(rows.map(row => `| ${row.join(' | ')} |`))
    .join('\n')

function summary(f) {
  const { matrix, hostile, flaky, concurrency, badInput, secrets } = f
  const proxyFaults = flaky ? flaky.proxy.requests - flaky.proxy.passed : 0
  const lost = [matrix?.itemsLost, flaky?.itemsLost, sumOf(concurrency, 'configKeysLost')]
  const falseSuccesses = [flaky?.falseSuccesses, sumOf(concurrency, 'falseSuccesses')]
  const total = values => values.reduce((sum, v) => sum + (v ?? 0), 0)
  return table(
    ['what', 'figure'],
    [
      [
        'faults injected',
        `${total([matrix?.faultsInjected, proxyFaults, hostile?.hostileAnswers])} (fault matrix ${n(matrix?.faultsInjected)}, flaky proxy ${proxyFaults}, hostile answers ${n(hostile?.hostileAnswers)})`
      ],
      [
        'fault-matrix cells passed',
        matrix
          ? `${matrix.cellsPassed} / ${matrix.cells} (${matrix.operations} operations × ${matrix.faults} faults; ${matrix.notApplicable.length} not applicable)`
          : 'not measured'
      ],
      [
        'hostile responses tried',
        hostile
          ? `${hostile.runs} runs in-process (${hostile.hostileAnswers} hostile answers), ${hostile.distCases} through dist/index.js; 0 crashes, 0 stack traces`
          : 'not measured'
      ],
      [
        'bad inputs tried and rejected',
        badInput
          ? `${badInput.tried} malformed values (every input × every malformed form): ${badInput.rejected} rejected naming the input, with ${badInput.requestsMade} requests; ${badInput.acceptedAsDocumented} accepted as documented`
          : 'not measured'
      ],
      [
        'secrets checked',
        secrets
          ? `${secrets.secretsChecked} secret checks over ${secrets.runs} end-to-end runs with RUNNER_DEBUG=1 (leaks: ${secrets.leaks})`
          : 'not measured'
      ],
      ['items lost (must be 0)', String(total(lost))],
      ['false successes (must be 0)', String(total(falseSuccesses))],
      ['blocks or deploys run twice (must be 0)', n(matrix?.ranTwice)],
      ['requests to another host (must be 0)', n(matrix?.requestsToOtherHosts)]
    ]
  )
}

const SYMBOL = { success: '✓', failure: '✗', unknown: '?' }

function matrixGrid(matrix) {
  const rows = matrix.columns ?? [...new Set(matrix.grid.map(cell => cell.row))]
  const faults = matrix.rows ?? [...new Set(matrix.grid.map(cell => cell.fault))]
  const at = (fault, row) => matrix.grid.find(cell => cell.fault === fault && cell.row === row)
  const short = row => row.replace(' · ', '<br>')
  const body = faults.map(fault => [
    fault,
    ...rows.map(row => {
      const cell = at(fault, row)
      if (!cell) return ''
      return cell.passed
        ? SYMBOL[cell.outcome]
        : `**${SYMBOL[cell.outcome]} (expected ${SYMBOL[cell.expected]})**`
    })
  ])
  return [
    `Outcome per cell: ✓ success (after a bounded retry where there was a fault), ✗ clear failure,`,
    `? failed, outcome unknown. Operation-wide faults have one cell per operation, in its first`,
    `column. ${matrix.cellsPassed} of ${matrix.cells} cells met the expected outcome and every invariant.`,
    '',
    table(['fault', ...rows.map(short)], body),
    '',
    `Not applicable: ${matrix.notApplicable.map(c => `${c.cell} (${c.reason})`).join('; ') || 'none'}.`
  ].join('\n')
}

function flakyTable(flaky) {
  const rows = [
    ['cycles (stop, then start)', flaky.cycles],
    ['steps', flaky.steps],
    ['successes', flaky.successes],
    ...Object.entries(flaky.failures).map(([name, count]) => [`failures: ${name}`, count]),
    ['false successes (must be 0)', flaky.falseSuccesses],
    ['false "nothing was changed" (must be 0)', flaky.falseNothingChanged],
    ['plain failures that hid a change (must be 0)', flaky.hiddenChanges ?? 'not measured'],
    ['"outcome unknown" reports', flaky.outcomeUnknownReports],
    ['retries seen', flaky.retriesSeen],
    ['config items lost (must be 0)', flaky.itemsLost],
    ['multi-line errors, stack traces', `${flaky.multiLineErrors}, ${flaky.stackTraces}`],
    ['proxy: requests, passed on', `${flaky.proxy.requests}, ${flaky.proxy.passed}`],
    [
      'proxy: 502 page before / after passing on',
      `${flaky.proxy.html502Before} / ${flaky.proxy.html502After}`
    ],
    [
      'proxy: dropped before / after passing on',
      `${flaky.proxy.dropBefore} / ${flaky.proxy.dropAfter}`
    ],
    ['proxy: outages (3–8 failing requests)', flaky.proxy.outages],
    [
      'duration',
      `${Math.round(flaky.durationMs / 1000)} s, ${flaky.lanes} lanes, seed ${flaky.seed}`
    ]
  ]
  const examples = Object.entries(flaky.examples ?? {}).map(
    ([name, text]) => `- ${name}: \`${text.replace(/`/g, "'")}\``
  )
  return [
    table(
      ['figure', 'value'],
      rows.map(([a, b]) => [a, String(b)])
    ),
    '',
    'One message of each failure class:',
    '',
    ...examples
  ].join('\n')
}

function render(f) {
  const parts = [
    `Figures from the run of ${f.when} (written by the tests into \`.reliability/\`, rendered by`,
    '`node scripts/reliability-table.js`).',
    '',
    summary(f)
  ]
  if (f.matrix) parts.push('', '### Fault matrix', '', matrixGrid(f.matrix))
  if (f.flaky) {
    parts.push('', `### Flaky-proxy trial (${f.flaky.cycles} cycles)`, '')
    parts.push(
      'Stop, then start, through a proxy that answers 502 pages and drops connections, before and after',
      'passing the request on; after each step the report is compared with the emulator.',
      '',
      flakyTable(f.flaky)
    )
  }
  return parts.join('\n')
}

const figures = {
  matrix: read('fault-matrix'),
  hostile: read('hostile-responses'),
  flaky: read('flaky-proxy') ?? read('flaky-proxy-short'),
  concurrency: read('concurrency'),
  badInput: read('bad-input'),
  secrets: readSecretsAudit()
}
const stamps = Object.values(figures)
  .map(value => value?.writtenAt)
  .filter(Boolean)
  .sort()
figures.when = stamps.length > 0 ? stamps.at(-1).slice(0, 10) : 'no run yet'
const section = render(figures)

if (process.argv.includes('--print')) {
  console.log(section)
} else {
  const doc = fs.readFileSync(DOC, 'utf8')
  const start = doc.indexOf(START)
  const end = doc.indexOf(END)
  if (start < 0 || end < start) throw new Error(`${DOC} has no ${START} … ${END} markers`)
  const text = `${doc.slice(0, start + START.length)}\n\n${section}\n\n${doc.slice(end)}`
  // Formatted as the lint check wants it, so a fresh render passes `prettier --check`.
  const options = { ...(await prettier.resolveConfig(DOC)), filepath: DOC }
  fs.writeFileSync(DOC, await prettier.format(text, options))
  console.log(`docs/reliability.md: figures of ${figures.when} rendered`)
}
