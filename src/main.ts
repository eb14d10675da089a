// The action: parse and validate every input, mask secrets, run the operation, then write the
// outputs and the job summary, success or failure, through one failure path.
import * as fs from 'node:fs'
import * as os from 'node:os'
import { describeConfig } from './config/describe-config.js'
import { readGitHubContext } from './config/github-context.js'
import { readConfig } from './config/parse-config.js'
import type { Config } from './config/types.js'
import { coreIO, rawInput } from './core-io.js'
import {
  ConfigError,
  MageApiError,
  OperationError,
  OutcomeUnknownError,
  errorMessage
} from './errors.js'
import { oneLine } from './http/one-line.js'
import { MageHttp } from './http/request.js'
import { NodeTransport, type Transport } from './http/transport.js'
import { maskSecretInputs } from './mask-inputs.js'
import { clusterUrlOf, runOperation, targetOf } from './operations/index.js'
import { printUntrusted } from './report/untrusted-log.js'
import { hintFor } from './report/hints.js'
import { writeOutputs } from './report/outputs.js'
import { Report } from './report/report.js'
import { buildSummary } from './report/summary.js'
import { type ActionIO, type Clock, Deadline, systemClock } from './runtime.js'
import { Secrets } from './secrets.js'
import { USER_AGENT } from './version.js'

export interface RunDeps {
  io: ActionIO
  clock: Clock
  transport: Transport
  input: (name: string) => string
  env: Readonly<Record<string, string | undefined>>
}

const defaultDeps = (): RunDeps => ({
  io: coreIO,
  clock: systemClock,
  transport: new NodeTransport(USER_AGENT),
  input: rawInput,
  env: process.env
})

export async function run(deps: RunDeps = defaultDeps()): Promise<void> {
  const { io, clock, env } = deps
  const started = clock.now()
  const secrets = new Secrets(value => io.setSecret(value))
  const report = new Report()
  let config: Config | undefined
  let failure: unknown
  try {
    maskSecretInputs(deps.input, env, secrets)
    const active: Config = await readConfig({
      input: deps.input,
      env,
      github: readGitHubContext(env, (path: string) => fs.readFileSync(path, 'utf8'))
    })
    config = active
    for (const secret of active.secrets) secrets.add(secret)
    io.debug(`Config: ${secrets.redact(describeConfig(active))}`)
    const clusterUrl = clusterUrlOf(active)
    if (clusterUrl) report.link('Cluster in Mage', clusterUrl)
    for (const name of active.unusedInputs) {
      io.warning(`Input '${name}' is not used by ${active.operation}; it is ignored`)
    }
    const context = {
      io,
      clock,
      secrets,
      report,
      common: active.common,
      deadline: new Deadline(clock, active.common.timeoutMs),
      tempDir: env.RUNNER_TEMP || os.tmpdir(),
      http: (api: 'cloud' | 'cluster') =>
        new MageHttp({
          api,
          transport: deps.transport,
          clock,
          deadline: context.deadline,
          io,
          secrets,
          userAgent: USER_AGENT
        })
    }
    await io.group(`Mage ${active.operation}`, () => runOperation(context, active))
  } catch (error) {
    failure = error
  }
  await finish(deps, { config, report, secrets, started, failure })
}

interface Finished {
  config?: Config
  report: Report
  secrets: Secrets
  started: number
  failure: unknown
}

/** Outputs first (an `if: failure()` step reads them), then the summary, then the verdict. */
async function finish(deps: RunDeps, done: Finished): Promise<void> {
  const { io } = deps
  const { config, report, secrets, failure } = done
  const operation = config?.operation ?? (deps.input('operation').trim() || 'unknown')
  const message = failure === undefined ? undefined : failureMessage(failure, secrets)
  if (failure instanceof OperationError && failure.status !== undefined) {
    report.status ??= failure.status
  }
  // A write whose answer was lost may have changed something: `changed` does not deny it.
  if (failure instanceof OutcomeUnknownError) report.changed = true
  if (failure instanceof MageApiError && failure.fields.traceback) {
    await printUntrusted(io, 'Server traceback', secrets.redact(failure.fields.traceback))
  }
  writeOutputs(io, report, secrets, message)
  try {
    const markdown = buildSummary(
      {
        operation,
        target: config ? targetOf(config) : undefined,
        dryRun: config?.common.dryRun,
        report,
        durationMs: deps.clock.now() - done.started,
        error: message
      },
      secrets
    )
    await io.appendSummary(markdown)
  } catch (error) {
    io.warning(`Could not write the job summary: ${secrets.redact(errorMessage(error))}`)
  }
  if (message === undefined) return
  const failStep = failure instanceof ConfigError || !config || config.common.failOnError
  if (failStep) io.setFailed(`${operation} failed: ${message}`)
  else io.warning(`${operation} failed (fail-on-error is false): ${message}`)
}

function failureMessage(failure: unknown, secrets: Secrets): string {
  const known =
    failure instanceof Error && (failure.name !== 'Error' || failure instanceof OperationError)
  const base = known ? errorMessage(failure) : `unexpected error: ${errorMessage(failure)}`
  const hint = hintFor(failure)
  const text = secrets.redact(hint ? `${base} (likely cause: ${hint})` : base)
  // One line, so no stack trace or server text can spread over the log; only an operation's
  // own list (a smoke run's failures, one a line) keeps its lines.
  return failure instanceof OperationError ? text : oneLine(text)
}
