// The secrets audit every end-to-end run goes through (issue 4 §5): no known secret anywhere the
// action writes — stdout, stderr, the GITHUB_* command files, files under RUNNER_TEMP — except in
// an ::add-mask:: command issued before its first use; none in a request URL; and no mask
// command the runner would split into short, log-blanking lines. Problems name the secret's
// kind and where it was found, never its value.
import type { RecordedRequest } from '../../emulator/index.js'
import type { ActionRun } from '../../scripts/lib/run-dist.js'
import { type KnownSecret, MIN_ENV_VALUE } from './known-secrets.js'

/** Shorter secrets are not searched for: they would match by chance. */
const MIN_SEARCH = 6
const MASK = '::add-mask::'
const REQUEST_LINE = /^(?:::debug::)?(?:GET|POST|PUT|DELETE) \/\S* → /
const LOGIN_LINE = /^(?:::debug::)?POST \/\S*\/sessions → 2\d\d /

export interface AuditInput {
  readonly run: ActionRun
  readonly secrets: readonly KnownSecret[]
  /** Requests the emulators in play received while the run lasted. */
  readonly requests: readonly RecordedRequest[]
  /** No other run was in flight: every session token used in `requests` was this run's. */
  readonly solo: boolean
}

export function auditRun(input: AuditInput): string[] {
  const problems = [
    ...leaks(input),
    ...maskDuties(input),
    ...multiLineMasks(input.run),
    ...secretsInUrls(input)
  ]
  return [...new Set(problems)]
}

/** The forms a secret takes in text: as is, JSON-escaped, URL-encoded, in a command, by line. */
export function formsOf(value: string): string[] {
  const forms = new Set([
    value,
    JSON.stringify(value).slice(1, -1),
    encodeURIComponent(value),
    commandEscaped(value)
  ])
  for (const line of linesOf(value)) forms.add(line)
  return [...forms].filter(form => form.length >= MIN_SEARCH)
}

/** The lines of a multi-line value long enough to be masked on their own. */
function linesOf(value: string): string[] {
  if (!/[\r\n]/.test(value)) return []
  return value
    .split(/\r?\n|\r/)
    .map(line => line.trim())
    .filter(line => line.length >= MIN_ENV_VALUE)
}

// @actions/core escapes command data this way.
function commandEscaped(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function commandUnescaped(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

interface Source {
  readonly where: string
  readonly text: string
}

function sourcesOf(run: ActionRun): Source[] {
  const stdout = run.stdout
    .split('\n')
    .map(line => (line.startsWith(MASK) ? '' : line))
    .join('\n')
  return [
    { where: 'stdout', text: stdout },
    { where: 'stderr', text: run.stderr },
    ...Object.entries(run.commandFiles).map(([where, text]) => ({ where, text })),
    ...run.tempFiles.map(file => ({ where: 'a file under RUNNER_TEMP', text: file.text }))
  ]
}

/** What the blocks of a run-block returned: `output`, and the `output-file` that holds it all. */
function blockData(run: ActionRun): string {
  const file = run.tempFiles.find(entry => entry.path === run.outputs['output-file'])
  return `${run.outputs.output ?? ''}\n${file?.text ?? ''}`
}

/**
 * A secret the action knows must never appear: it redacts them, from block output too. A value
 * only the server holds (an env value, another pipeline's trigger token) is data when a block
 * returned it — `output` holds the value verbatim by design, and the log and summary may show it
 * as data — and must appear nowhere otherwise.
 */
function leaks({ run, secrets }: AuditInput): string[] {
  const data = blockData(run)
  const problems: string[] = []
  for (const secret of secrets) {
    const forms = formsOf(secret.value)
    if (secret.serverHeld && forms.some(form => data.includes(form))) continue
    for (const source of sourcesOf(run)) {
      const line = lineOf(source.text, forms)
      if (line !== undefined) problems.push(`${secret.kind} in ${source.where} (line ${line})`)
    }
  }
  return problems
}

function lineOf(text: string, forms: readonly string[]): number | undefined {
  const at = Math.min(...forms.map(form => text.indexOf(form)).filter(index => index !== -1))
  return Number.isFinite(at) ? text.slice(0, at).split('\n').length : undefined
}

interface StdoutIndex {
  /** First line index of each mask command's data (unescaped). */
  readonly masks: Map<string, number>
  readonly requests: number[]
  readonly lines: string[]
}

function indexStdout(stdout: string): StdoutIndex {
  const lines = stdout.split('\n')
  const masks = new Map<string, number>()
  const requests: number[] = []
  lines.forEach((line, index) => {
    if (line.startsWith(MASK)) {
      const data = commandUnescaped(line.slice(MASK.length))
      if (!masks.has(data)) masks.set(data, index)
    } else if (REQUEST_LINE.test(line)) {
      requests.push(index)
    }
  })
  return { masks, requests, lines }
}

/** What the action must mask: a multi-line value line by line, anything else whole. */
function maskedForms(value: string): string[] {
  return /[\r\n]/.test(value) ? linesOf(value) : [value]
}

/**
 * Mask first, then use: a secret the action was given is masked before its first request; a
 * session token it used, right after the login that returned it, before any other request.
 */
function maskDuties({ run, secrets, requests, solo }: AuditInput): string[] {
  const index = indexStdout(run.stdout)
  const firstRequest = index.requests[0]
  const problems: string[] = []
  for (const secret of secrets) {
    if (secret.duty === 'before-requests' && firstRequest !== undefined) {
      for (const form of maskedForms(secret.value)) {
        const at = index.masks.get(form)
        if (at === undefined) problems.push(`${secret.kind} was never masked`)
        else if (at > firstRequest) problems.push(`${secret.kind} was masked after a request`)
      }
    }
    if (secret.duty === 'after-login' && solo && usedIn(requests, secret.value)) {
      const at = index.masks.get(secret.value)
      if (at === undefined) problems.push(`${secret.kind} was used but never masked`)
      else if (!rightAfterLogin(index, at)) {
        problems.push(`${secret.kind} was not masked right after the login that returned it`)
      }
    }
  }
  return problems
}

function usedIn(requests: readonly RecordedRequest[], value: string): boolean {
  return requests.some(request =>
    `${request.path} ${JSON.stringify(request.headers)} ${request.body}`.includes(value)
  )
}

/** The request line nearest before the mask command is a successful login. */
function rightAfterLogin(index: StdoutIndex, maskAt: number): boolean {
  const before = index.requests.filter(line => line < maskAt)
  const last = before[before.length - 1]
  return last !== undefined && LOGIN_LINE.test(index.lines[last])
}

/** The runner registers each line of a mask on its own: a `}` line would blank every `}`. */
function multiLineMasks(run: ActionRun): string[] {
  const split = run.stdout
    .split('\n')
    .filter(line => line.startsWith(MASK) && /%0[AD]/.test(line.slice(MASK.length)))
  return split.length > 0 ? [`${split.length} ::add-mask:: command(s) hold several lines`] : []
}

/** Tokens never travel in URLs: not in a path, not in a query. */
function secretsInUrls({ secrets, requests }: AuditInput): string[] {
  const problems = new Set<string>()
  for (const request of requests) {
    for (const secret of secrets) {
      if (formsOf(secret.value).some(form => request.path.includes(form))) {
        problems.add(
          `${secret.kind} in the URL of a ${request.method} to the ${request.server} API`
        )
      }
    }
  }
  return [...problems]
}
