#!/usr/bin/env node
// Renders the README's Performance figures from docs/performance.json (written by
// `npm run bench`), so the README never shows numbers the benchmark did not measure.
//
//   node scripts/readme-performance.js           rewrite the section in README.md
//   node scripts/readme-performance.js --check   exit 1 when README.md differs from the JSON
//
// The pure functions are exported for the docs test; the command runs only when invoked directly.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

export const PERFORMANCE_JSON = 'docs/performance.json'
export const MARKERS = ['<!-- performance:start -->', '<!-- performance:end -->']
const ROOT = path.resolve(import.meta.dirname, '..')
const README = path.join(ROOT, 'README.md')

const ms = value => `${Math.round(value)} ms`
const ms1 = value => `${value.toFixed(1)} ms`
const round1 = value => Number(value.toFixed(1))
const s = value => `${(value / 1000).toFixed(2)} s`
const mb = bytes => `${(bytes / 1e6).toFixed(1)} MB`
const kb = bytes => `${Math.round(bytes / 1000)} kB`
const pct = share => `${(share * 100).toFixed(1)} %`
const ratio = value => `${value.toFixed(2)}×`
const met = pass => (pass ? '✅' : '❌')
const range = (stats, unit) => `${unit(stats.median)} (${unit(stats.min)}–${unit(stats.max)})`

function table(header, rows) {
  const line = cells => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

function targets(r) {
  const { coldStart, roundTrips, readiness, smokeRuns, bigOutputs } = r
  const lagRows = readiness.filter(row => !row.label.startsWith('60'))
  const fifty = bigOutputs.find(row => row.label === '50 MB')
  const atMinimum = roundTrips.filter(row => row.pass).length
  return table(
    ['Target', 'Measured', 'Met'],
    [
      [
        '`cluster-status` (two loopback requests) ≤ 1.2× the floor action',
        `${ratio(coldStart.clusterStatus.ratioToFloor)} (${ms(coldStart.clusterStatus.wallMs.median)} against ${ms(coldStart.floor.wallMs.median)}); ` +
          `${ratio(coldStart.clusterStatus.ratioToLeanFloor)} the floor without undici`,
        met(coldStart.clusterStatus.pass)
      ],
      [
        'Round trips equal to the minimum, every operation (polls aside)',
        `${atMinimum} of ${roundTrips.length} cases`,
        met(atMinimum === roundTrips.length)
      ],
      [
        'Readiness lag ≤ poll interval + 0.5 s (median)',
        lagRows.map(row => `${row.label}: ${s(row.lagMs.median)}`).join('; '),
        met(lagRows.every(row => row.pass))
      ],
      [
        'No more than one poll per interval',
        `${readiness.reduce((sum, row) => sum + row.runsOverPollLimit, 0)} of ${readiness.reduce((sum, row) => sum + row.runs, 0)} starts over`,
        met(readiness.every(row => row.runsOverPollLimit === 0))
      ],
      [
        '`run-block`, one instant block ≤ 1.2× the floor action',
        `${ratio(coldStart.runBlock.ratioToFloor)} (${ms(coldStart.runBlock.wallMs.median)}); ` +
          `${ratio(coldStart.runBlock.ratioToLeanFloor)} the floor without undici`,
        met(coldStart.runBlock.pass)
      ],
      [
        'N blocks: N requests, costing about what the same N cost a minimal script (blocks 2–N ' +
          `add ≤ ${r.smokeReference.about}× what its requests 2–N add), and ≤ the step's ` +
          'cold start + N × the single-request time (the script’s one-request run)',
        smokeRuns
          .map(
            row =>
              `${row.blocks}: ${row.requests} ${row.requests === 1 ? 'request' : 'requests'}` +
              (row.blocks > 1
                ? `; blocks 2–${row.blocks} add ${ms1(row.addedMs)}, ${ratio(row.ratio.median)} ` +
                  `the script's ${ms1(row.bareAddedMs)} (90 % interval ` +
                  `${ratio(row.ratio.low)} to ${ratio(row.ratio.high)}), ceiling ${ms1(row.ceilingMs)}`
                : '')
          )
          .join('; '),
        met(smokeRuns.every(row => row.pass))
      ],
      [
        '50 MB output: peak RSS < 4× the output, exact `output-file`',
        `${ratio(fifty.worstRssToOutput)} (worst of ${fifty.peakRssBytes.n}: ${mb(fifty.peakRssBytes.max)}), file ${fifty.outputFileExact ? 'exact' : 'NOT exact'}`,
        met(fifty.pass)
      ]
    ]
  )
}

function coldStartTable({ coldStart }) {
  const row = (name, entry) => [
    name,
    range(entry.wallMs, ms),
    ratio(entry.ratioToFloor),
    ratio(entry.ratioToLeanFloor),
    ratio(entry.cpuRatioToFloor),
    mb(entry.peakRssBytes.median)
  ]
  return table(
    [
      'Step',
      'Wall, median (min–max)',
      '× floor',
      '× floor without undici',
      'CPU time × floor',
      'Peak RSS'
    ],
    [
      row('floor action (`@actions/core` as published, one input, one output)', coldStart.floor),
      row('floor action without undici, as the action’s build leaves it out', coldStart.floorLean),
      row(
        'floor without undici + the same two requests (plain `node:http`)',
        coldStart.floorRequests
      ),
      row('`cluster-status` (login + read)', coldStart.clusterStatus),
      row('`run-block`, one instant block', coldStart.runBlock),
      row('`cluster-status`, minified bundle', coldStart.minified),
      row('post step with nothing to do (after every use of the action)', coldStart.post),
      [
        'bare `POST /api/runs` from a minimal Node script',
        range(coldStart.barePost.wallMs, ms),
        ratio(coldStart.barePost.wallMs.median / coldStart.floor.wallMs.median),
        ratio(coldStart.barePost.wallMs.median / coldStart.floorLean.wallMs.median),
        '–',
        '–'
      ]
    ]
  )
}

function roundTripTable({ roundTrips }) {
  return table(
    ['Operation', 'Situation', 'Requests', 'Minimum', 'Sent'],
    roundTrips.map(row => [
      `\`${row.operation}\``,
      row.situation,
      String(row.requests),
      String(row.minimum),
      row.sent.map(line => `\`${line}\``).join(', ')
    ])
  )
}

function readinessTable({ readiness }) {
  return table(
    [
      'Polling',
      'Starts',
      'Active after',
      'Lag, median (min–max)',
      'Limit',
      'Cloud polls',
      '`/api/status` polls'
    ],
    readiness.map(row => [
      row.label,
      String(row.runs),
      range(row.activeAfterMs, s),
      range(row.lagMs, s),
      s(row.limitMs),
      range(row.clusterPolls, String),
      range(row.statusPolls, String)
    ])
  )
}

/** The script's added cost less the step's, with the 90 % interval the rounds allow. */
const signed = value => `${value > 0 ? '+' : value < 0 ? '−' : ''}${ms1(Math.abs(value))}`

function smokeTable({ smokeRuns }) {
  const further = (row, added, perBlock) =>
    row.blocks > 1 ? `${ms1(added)} (${ms1(perBlock)} each)` : '—'
  return table(
    [
      'Blocks',
      'Requests',
      'Connections',
      'Step: wall, median (min–max)',
      'Step: first request to exit',
      'Script: wall',
      'Script: first request to exit',
      'Added by blocks 2–N: step',
      'Added by requests 2–N: script',
      'Step ÷ script (90 % interval)',
      'Ceiling: N − 1 single requests'
    ],
    smokeRuns.map(row => [
      String(row.blocks),
      String(row.requests),
      String(row.connections),
      range(row.wallMs, ms),
      ms1(row.fromFirstMs.median),
      ms(row.bareWallMs.median),
      ms1(row.bareFromFirstMs.median),
      further(row, row.addedMs, row.perBlockMs),
      further(row, row.bareAddedMs, row.barePerRequestMs),
      row.blocks > 1
        ? `${ratio(row.ratio.median)} (${ratio(row.ratio.low)} to ${ratio(row.ratio.high)})`
        : '—',
      row.blocks > 1 ? ms1(row.ceilingMs) : '—'
    ])
  )
}

/** The 10-block runs request by request, next to the one-block runs' request to exit. */
function byRequestTable({ smokeByRequest, smokeRuns }) {
  const { blocks, step, script } = smokeByRequest
  const oneBlock = smokeRuns.find(row => row.blocks === 1)
  const times = ({ gapsMs, lastToEndMs }, oneBlockMs) => [...gapsMs, lastToEndMs, oneBlockMs]
  const stepTimes = times(step, oneBlock.fromFirstMs.median)
  const scriptTimes = times(script, oneBlock.bareFromFirstMs.median)
  return table(
    [
      `${blocks} blocks, medians`,
      ...step.gapsMs.map((_, i) => `${i + 1} → ${i + 2}`),
      `${blocks} → exit`,
      'One block: 1 → exit'
    ],
    [
      ['Step', ...stepTimes.map(ms1)],
      ['Script', ...scriptTimes.map(ms1)],
      ['Step − script', ...stepTimes.map((time, i) => signed(round1(time - scriptTimes[i])))]
    ]
  )
}

function bigOutputTable({ bigOutputs }) {
  return table(
    [
      'Output',
      '`run` bytes',
      'Wall, median',
      'Peak RSS, median (max)',
      'Worst × output',
      '`output-file` exact'
    ],
    bigOutputs.map(row => [
      row.label,
      String(row.outputBytes),
      ms(row.wallMs.median),
      `${mb(row.peakRssBytes.median)} (${mb(row.peakRssBytes.max)})`,
      ratio(row.worstRssToOutput),
      row.outputFileExact ? 'yes' : 'NO'
    ])
  )
}

function bundleTables({ bundle, coldStart }) {
  const files = table(
    ['File', 'Size'],
    bundle.files.map(file => [`\`${file.path}\``, kb(file.bytes)])
  )
  const dependencies = table(
    ['Part of `dist/index.js`', 'Size', 'Share'],
    bundle.dependencies.map(dep => [dep.name, kb(dep.bytes), pct(dep.share)])
  )
  const smaller =
    `The floor action alone is ${kb(bundle.floorBytes)} as \`@actions/core\` is published, ` +
    `${kb(bundle.floorLeanBytes)} without undici. A minified build of the action would be ` +
    `${kb(bundle.minifiedBytes)} and start in ${ratio(coldStart.minified.ratioToFloor)} the ` +
    `floor's time against ${ratio(coldStart.clusterStatus.ratioToFloor)} for the shipped one.`
  return [files, dependencies, smaller].join('\n\n')
}

/** The start-up left out of the comparison, per N: the same whatever N, or it would hide a cost. */
function startUpNote({ smokeRuns }) {
  const list = rows => rows.map(row => ms(row.startUpMs.median)).join(', ')
  return (
    `Start-up, the wall time less the time from the first request, was ${list(smokeRuns)} ` +
    `for the step at ${smokeRuns.map(row => row.blocks).join(', ')} blocks ` +
    `(${smokeRuns.map(row => ms(row.bareStartUpMs.median)).join(', ')} for the script).`
  )
}

/** The generated part of the Performance section. */
export function renderPerformance(results) {
  const { machine, rounds, bigOutputRounds, coldStart, smokeReference } = results
  return [
    `Measured with Node ${machine.node} on ${machine.platform}, ${machine.cpus} CPUs ` +
      `(${machine.cpuModel}); ${rounds} interleaved rounds after a warm-up (big outputs: ` +
      `${bigOutputRounds}).`,
    targets(results),
    '#### Cold start',
    'The floor imports `@actions/core` as published, which brings undici; the action leaves ' +
      'undici out (see "What a smaller bundle would cost" below), so the floor without undici ' +
      'is shown too: against it, what the action adds to the cheapest possible action is plain. ' +
      'Wall time is what the targets judge. CPU time (user + system, ' +
      `${coldStart.floor.cpuMs.n} rounds) leaves out the time a step spends waiting for a core or ` +
      'for the emulator’s answer, which is what varies most between runs on a shared machine; ' +
      'the floor plus the same two requests shows what the requests themselves cost.',
    coldStartTable(results),
    '#### Round trips',
    roundTripTable(results),
    '#### Readiness',
    'Each start has its own emulator, whose cluster turns Active (and serves `/api/status`) a ' +
      'known time after the start request; the lag runs from that instant to the step’s exit.',
    readinessTable(results),
    '#### Smoke runs',
    'Each smoke run is timed next to a minimal Node script that sends the same `POST /api/runs` ' +
      'requests, each on a connection it opens when it sends it. The action sends each block on ' +
      'its own connection too, never a kept-alive one, but builds the next block’s request (its ' +
      'connection opened, nothing written) while the block before it runs. The target has two ' +
      'parts. N blocks cost about N requests: the step sends N, and what blocks 2 to N add to a ' +
      'one-block step is about what requests 2 to N add to the script, a cold process too whose ' +
      `first requests cost more than its later ones: at most ${smokeReference.about}× as ` +
      'much, the tolerance the targets give run-block’s overhead. And no more than N × the ' +
      'single-request time plus the cold start: the single-request time is the script’s ' +
      `one-request run from its request to its end (${ms1(smokeReference.singleRequestMs)}), ` +
      'the cold start the one-block step less that, so blocks 2 to N may add N − 1 of it: a ' +
      'ceiling that a cost growing faster than N would break even where the script’s grew as ' +
      'fast. What blocks add is timed from the moment the emulator has the first request to the ' +
      'process’s end: start-up, the same code whatever N and most of the noise, drops out. ' +
      `${startUpNote(results)} The ratio comes with a 90 % bootstrap interval: the rounds ` +
      'drawn again with replacement (each round keeps all its cases) and the ratio taken again; ' +
      'an interval that spans 1.00× means the run cannot tell the step from the script. A warm ' +
      `process sends one more request in ${ms1(coldStart.requestMs.median)}.`,
    smokeTable(results),
    `Request by request, in the ${results.smokeByRequest.blocks}-block runs: from the moment ` +
      'the emulator has one request to the moment it has the next (k → k + 1), and from the ' +
      'last request to the process’s end, each a median over the rounds. Next to them, the ' +
      'one-block runs from their request to their end. Round by round, what blocks 2 to N add ' +
      'is the sum of the gaps plus the last request to exit, less the one-block run’s request ' +
      'to exit; the medians add up to it only roughly.',
    byRequestTable(results),
    '#### Big outputs',
    bigOutputTable(results),
    '#### Bundle',
    bundleTables(results)
  ].join('\n\n')
}

/** README text with the section between the markers replaced. */
export function withPerformance(readme, results) {
  const [start, end] = MARKERS
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} section`)
  const body = [
    '<!-- prettier-ignore-start -->',
    renderPerformance(results),
    '<!-- prettier-ignore-end -->'
  ]
  return `${readme.slice(0, from + start.length)}\n${body.join('\n')}\n${readme.slice(to)}`
}

export function readResults() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, PERFORMANCE_JSON), 'utf8'))
}

export async function updateReadme(results = readResults()) {
  fs.writeFileSync(README, withPerformance(fs.readFileSync(README, 'utf8'), results))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const readme = fs.readFileSync(README, 'utf8')
  const expected = withPerformance(readme, readResults())
  if (process.argv.includes('--check')) {
    if (expected !== readme) {
      console.error('README.md Performance section differs from docs/performance.json')
      process.exit(1)
    }
  } else {
    fs.writeFileSync(README, expected)
  }
}
