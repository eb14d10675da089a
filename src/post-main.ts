// The post step: when the main step left a pipeline run id in its state, the job was cancelled
// or the step killed while it waited on that run. Log in again from the inputs and cancel the
// run, so no run outlives the workflow that started it unseen. Otherwise: nothing at all.
import * as fs from 'node:fs'
import { ClusterClient } from './cluster/cluster-client.js'
import { FINAL_RUN_STATUSES } from './cluster/pipeline-runs.js'
import { waitedRunOf } from './cluster/post-state.js'
import { readGitHubContext } from './config/github-context.js'
import { readConfig } from './config/parse-config.js'
import { coreIO, rawInput } from './core-io.js'
import { errorMessage } from './errors.js'
import { MageHttp } from './http/request.js'
import { NodeTransport, type Transport } from './http/transport.js'
import { maskSecretInputs } from './mask-inputs.js'
import { type ActionIO, type Clock, Deadline, systemClock } from './runtime.js'
import { Secrets } from './secrets.js'
import { USER_AGENT } from './version.js'

/** The post step's own bound: a cancelled job should not wait long on an unhealthy cluster. */
const POST_TIMEOUT_MS = 60_000

export interface PostDeps {
  io: ActionIO
  clock: Clock
  transport: Transport
  input: (name: string) => string
  env: Readonly<Record<string, string | undefined>>
}

const defaultDeps = (): PostDeps => ({
  io: coreIO,
  clock: systemClock,
  transport: new NodeTransport(USER_AGENT),
  input: rawInput,
  env: process.env
})

export async function runPost(deps: PostDeps = defaultDeps()): Promise<void> {
  const { io, clock, env } = deps
  const waited = waitedRunOf(io)
  if (!waited) return
  const secrets = new Secrets(value => io.setSecret(value))
  const { clusterUrl, runId } = waited
  try {
    maskSecretInputs(deps.input, env, secrets)
    const config = await readConfig({
      input: deps.input,
      env,
      github: readGitHubContext(env, (path: string) => fs.readFileSync(path, 'utf8'))
    })
    for (const secret of config.secrets) secrets.add(secret)
    if (config.operation !== 'run-pipeline') return
    io.info(`The main step stopped while waiting on pipeline run ${runId}: cancelling it`)
    const http = new MageHttp({
      api: 'cluster',
      transport: deps.transport,
      clock,
      deadline: new Deadline(clock, POST_TIMEOUT_MS),
      io,
      secrets,
      userAgent: USER_AGENT
    })
    const client = new ClusterClient(http, clusterUrl, config.cluster)
    const run = await client.getPipelineRun(runId, { log: 'info' })
    if (FINAL_RUN_STATUSES.has(run.status)) {
      io.info(`Pipeline run ${runId} has already ended: ${run.status}`)
      return
    }
    const after = await client.cancelPipelineRun(runId)
    io.info(`Pipeline run ${runId}: ${after.status}`)
  } catch (error) {
    io.warning(
      `Could not cancel pipeline run ${runId} at ${clusterUrl}; it may still be running: ` +
        secrets.redact(errorMessage(error))
    )
  }
}
