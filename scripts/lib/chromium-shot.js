// Screenshots a local HTML file with Debian's headless Chromium (not needed by the project's
// CI: only scripts/render-summaries.js uses it). Each run gets its own profile directory and
// its whole process group is ended if it hangs, so no browser is left behind.
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'

export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium'
const TIMEOUT_MS = 30_000

export function checkChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found. Install Debian's Chromium (apt-get install -y chromium), or set ` +
        'CHROMIUM_BIN to a Chromium binary.'
    )
  }
}

export async function screenshot(htmlFile, pngFile, { width = 1000, height = 1400 } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'render-summaries-chromium-'))
  // The background-networking flags keep Chromium from calling home on a closed network.
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    `--user-data-dir=${profile}`,
    `--screenshot=${pngFile}`,
    `--window-size=${width},${height}`,
    pathToFileURL(htmlFile).href
  ]
  const child = spawn(CHROMIUM, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true })
  let stderr = ''
  child.stderr.on('data', chunk => (stderr += chunk.toString('utf8')))
  const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), TIMEOUT_MS)
  try {
    const code = await new Promise((resolve, reject) => {
      child.on('error', reject)
      child.on('close', resolve)
    })
    if (code !== 0 || !fs.existsSync(pngFile)) {
      throw new Error(`chromium exited ${code} for ${htmlFile}:\n${stderr.slice(-2000)}`)
    }
  } finally {
    clearTimeout(timer)
    // Helpers Chromium forked may outlive it briefly: end the group it led.
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      // already gone
    }
    fs.rmSync(profile, { recursive: true, force: true })
  }
}
