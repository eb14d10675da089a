// Runs the built dist/index.js (or dist/post/index.js) exactly as the runner does: INPUT_*
// variables, the GITHUB_* command files, RUNNER_TEMP, and no NODE_OPTIONS from the caller.
// Shared by the end-to-end tests, the demo and the benchmarks.
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..')
export const DIST_MAIN = path.join(REPO_ROOT, 'dist', 'index.js')
export const DIST_POST = path.join(REPO_ROOT, 'dist', 'post', 'index.js')

export function inputEnvName(name) {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Parses the `name<<delimiter … delimiter` blocks that @actions/core writes. */
export function parseCommandFile(text) {
  const result = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const [, name, delimiter] = match
    const body = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) body.push(lines[i])
    result[name] = body.join('\n')
  }
  return result
}

/** The caller's environment minus anything that would leak into the action under test. */
function baseEnv() {
  const env = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key === 'NODE_OPTIONS' || key.startsWith('INPUT_')) continue
    if (key.startsWith('MAGE_') || key.startsWith('GITHUB_') || key.startsWith('RUNNER_')) continue
    if (key.startsWith('STATE_') || /^(https?|no)_proxy$/i.test(key)) continue
    env[key] = value
  }
  return env
}

export async function runDist(options) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mage-action-run-'))
  const files = {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_PATH: path.join(dir, 'path')
  }
  for (const file of Object.values(files)) fs.writeFileSync(file, '')
  const runnerTemp = path.join(dir, 'runner-temp')
  fs.mkdirSync(runnerTemp)

  const env = { ...baseEnv(), ...files, RUNNER_TEMP: runnerTemp, GITHUB_ACTIONS: 'true' }
  for (const [name, value] of Object.entries(options.inputs)) {
    if (value !== undefined) env[inputEnvName(name)] = value
  }
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key]
    else env[key] = value
  }

  // logsToFile: the step writes its log to files, as to a runner reading it in another process,
  // so that this process (the emulator's, in the benchmark) is not the one reading every line.
  const logFiles = options.logsToFile
    ? [path.join(dir, 'stdout'), path.join(dir, 'stderr')].map(file => [
        file,
        fs.openSync(file, 'w')
      ])
    : undefined
  const started = Date.now()
  const script = options.main ?? (options.post ? DIST_POST : DIST_MAIN)
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script], {
    env,
    cwd: dir,
    stdio: ['ignore', ...(logFiles ? logFiles.map(([, fd]) => fd) : ['pipe', 'pipe'])]
  })
  let stdout = ''
  let stderr = ''
  if (logFiles) {
    for (const [, fd] of logFiles) fs.closeSync(fd)
  } else {
    child.stdout.on('data', chunk => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', chunk => (stderr += chunk.toString('utf8')))
  }
  const timers = []
  if (options.killAfterMs !== undefined) {
    timers.push(setTimeout(() => child.kill(options.killSignal ?? 'SIGTERM'), options.killAfterMs))
  }
  timers.push(setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 55_000))
  const [code, signal] = await new Promise(resolve => child.on('close', (c, s) => resolve([c, s])))
  const closedAt = performance.now()
  for (const timer of timers) clearTimeout(timer)

  const ended = Date.now()
  const read = file => fs.readFileSync(file, 'utf8')
  if (logFiles) [stdout, stderr] = logFiles.map(([file]) => read(file))
  const commandFiles = Object.fromEntries(
    Object.entries(files).map(([name, file]) => [name, read(file)])
  )
  const tempFiles = listFiles(runnerTemp).map(file => ({ path: file, text: read(file) }))
  const result = {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseCommandFile(commandFiles.GITHUB_OUTPUT),
    summary: commandFiles.GITHUB_STEP_SUMMARY,
    stateFile: commandFiles.GITHUB_STATE,
    state: parseCommandFile(commandFiles.GITHUB_STATE),
    startedAt: started,
    endedAt: ended,
    durationMs: ended - started,
    closedAt,
    commandFiles,
    tempFiles,
    everything: [
      stdout,
      stderr,
      commandFiles.GITHUB_OUTPUT,
      commandFiles.GITHUB_STATE,
      commandFiles.GITHUB_STEP_SUMMARY,
      commandFiles.GITHUB_ENV,
      ...tempFiles.map(file => file.text)
    ].join('\n'),
    runnerTemp
  }
  if (!options.keepFiles) fs.rmSync(dir, { recursive: true, force: true })
  return result
}

function listFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(entry =>
      entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]
    )
}
