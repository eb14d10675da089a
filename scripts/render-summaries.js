#!/usr/bin/env node
// Renders the job summary of every `npm run demo` step as GitHub would show it and screenshots
// it, so a person can look at them: screenshots/NN-<operation>.png (and -open.png with the
// <details> expanded), beside the HTML pages. Needs, outside the project's dependencies:
//
//   npm i --prefix /tmp/render marked github-markdown-css   (or set RENDER_DEPS_DIR)
//   apt-get install -y chromium                             (or set CHROMIUM_BIN)
//
// Exits non-zero when a demo step misbehaved or a page could not be rendered.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { checkChromium, screenshot } from './lib/chromium-shot.js'
import { runDemoSteps } from './lib/demo-steps.js'
import { REPO_ROOT } from './lib/run-dist.js'
import { DEFAULT_DEPS_DIR, loadRenderer, summaryPage } from './lib/summary-page.js'

const OUT_DIR = path.join(REPO_ROOT, 'screenshots')

async function main() {
  // Check the tools before spending time on the demo.
  const renderer = await loadRenderer(process.env.RENDER_DEPS_DIR || DEFAULT_DEPS_DIR)
  checkChromium()
  fs.mkdirSync(OUT_DIR, { recursive: true })

  const results = await runDemoSteps((step, run) => {
    console.log(`ran  ${step.inputs.operation.padEnd(15)} exit ${run.code}  ${step.title}`)
  })
  for (const [index, { step, run }] of results.entries()) {
    const name = `${String(index + 1).padStart(2, '0')}-${step.inputs.operation}`
    const title = `${step.title} (${step.inputs.operation}) summary`
    const variants = run.summary.includes('<details>') ? [false, true] : [false]
    for (const open of variants) {
      const base = path.join(OUT_DIR, open ? `${name}-open` : name)
      fs.writeFileSync(
        `${base}.html`,
        summaryPage(renderer, { title, markdown: run.summary, open })
      )
      await screenshot(`${base}.html`, `${base}.png`)
      console.log(`shot ${path.relative(REPO_ROOT, `${base}.png`)}`)
    }
  }
  const bad = results.filter(result => !result.ok)
  for (const { step } of bad) console.error(`step did not end as expected: ${step.title}`)
  if (bad.length > 0) process.exitCode = 1
}

try {
  await main()
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
}
