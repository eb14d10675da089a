// One measured run of a bundle (wall time, or peak memory through the rss probe), and the bare
// script's POSTs, each as a fresh process the way the runner starts a step.
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runDist } from '../lib/run-dist.js'
import { postRun } from './post-run.js'

const PROBE = path.join(import.meta.dirname, 'rss-probe.js')
const BARE_POST = path.join(import.meta.dirname, 'bare-post.js')

/** Runs the step; throws unless it exits with `expect`. */
export async function runStep(step, options = {}) {
  const run = await runDist({
    main: step.main,
    inputs: step.inputs,
    // As on a runner, another process reads the log: not this one, which is the emulator's too.
    logsToFile: true,
    ...options
  })
  if (run.code !== (step.expect ?? 0)) {
    throw new Error(`${step.name}: exit ${run.code}, expected ${step.expect ?? 0}\n${run.stdout}`)
  }
  return run
}

export async function wallMs(step) {
  return (await runStep(step)).durationMs
}

/** The step's peak resident memory in bytes, the CPU time it used, and the run itself. */
export async function peakRss(step, options = {}) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mage-bench-rss-')), 'rss')
  try {
    const run = await runStep(step, {
      nodeArgs: ['--import', PROBE],
      env: { RSS_PROBE_FILE: file },
      ...options
    })
    const { peakRssBytes, cpuMs } = JSON.parse(fs.readFileSync(file, 'utf8'))
    return { bytes: peakRssBytes, cpuMs, run }
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true })
  }
}

/**
 * A fresh Node process sending these POSTs one after the other (bare-post.js): its wall time, and
 * when it had ended (performance.now()).
 */
export function barePost(url, token, bodies) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [BARE_POST, url, token, ...bodies], { stdio: 'ignore' })
    child.on('error', reject)
    child.on('close', code => {
      const closedAt = performance.now()
      if (code === 0) resolve({ wallMs: closedAt - started, closedAt })
      else reject(new Error(`bare POST: ${code}`))
    })
  })
}

/** One POST from this (warm) process on a fresh connection: the request alone. */
export async function inProcessPostMs(url, token, body) {
  const started = performance.now()
  await postRun(url, token, body)
  return performance.now() - started
}
