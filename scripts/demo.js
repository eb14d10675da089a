#!/usr/bin/env node
// `npm run demo`: starts the bundled Mage emulator, runs the committed dist/index.js for every
// operation the way the runner does, prints each step's outputs and job summary, then a table.
// Exits non-zero when any step did not end as expected.
import { fileURLToPath } from 'node:url'
import { runDemoSteps } from './lib/demo-steps.js'

export { demoSteps, runDemoSteps } from './lib/demo-steps.js'

const OUTPUT_PREVIEW = 300

function show(title, run) {
  console.log(`\n━━ ${title}`)
  console.log(`   exit ${run.code} in ${(run.durationMs / 1000).toFixed(1)} s`)
  console.log('   outputs:')
  for (const [name, value] of Object.entries(run.outputs)) {
    const shown =
      value.length > OUTPUT_PREVIEW
        ? `${value.slice(0, OUTPUT_PREVIEW)}… (${value.length} chars)`
        : value
    console.log(`     ${name.padEnd(16)} ${shown.replace(/\n/g, '\n                      ')}`)
  }
  console.log('   summary:')
  console.log(
    run.summary
      .trim()
      .split('\n')
      .map(line => `     ${line}`)
      .join('\n')
  )
}

async function main() {
  const results = await runDemoSteps((step, run) => show(step.title, run))
  console.log('\n━━ Steps')
  console.log(
    `   ${'step'.padEnd(62)} ${'exit'.padEnd(5)} ${'status'.padEnd(11)} ${'changed'.padEnd(8)} as expected`
  )
  for (const { step, run, ok } of results) {
    console.log(
      `   ${step.title.padEnd(62)} ${String(run.code).padEnd(5)} ${(run.outputs.status ?? '').padEnd(11)} ${(run.outputs.changed ?? '').padEnd(8)} ${ok ? 'yes' : 'NO'}`
    )
  }
  const bad = results.filter(result => !result.ok).length
  if (bad > 0) {
    console.error(`\n${bad} step(s) did not end as expected`)
    process.exitCode = 1
  }
}

// Runs only when invoked directly, so other scripts can import the steps.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
