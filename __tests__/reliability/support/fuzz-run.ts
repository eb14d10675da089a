// One in-process run of the action against a fake transport that plays a script of hostile
// answers, and the problems seen from outside run(): a crash, a multi-line or empty reason,
// outputs missing, a smuggled workflow command, a secret shown.
import { run } from '../../../src/main.js'
import type { RawRequest, RawResponse, Transport } from '../../../src/http/transport.js'
import { fakeClock, recordingIO } from '../../helpers/fakes.js'
import type { Step } from './hostile-arbitraries.js'
import { FUZZ_ENV, FUZZ_INPUTS, FUZZ_SECRETS } from './fuzz-inputs.js'
import { MageModel } from './mage-model.js'
import type { Operation } from './matrix-targets.js'
import { reasonProblems, smuggledCommands } from './output-checks.js'

export interface FuzzOutcome {
  problems: string[]
  failed: boolean
  requests: number
  hostile: number
}

/** Secrets the model hands out: masked on arrival, never shown. */
const SESSION_SECRETS = ['cloud-token-1234', 'raw-session-token']

function scriptedTransport(
  steps: readonly Step[]
): Transport & { requests: number; hostile: number } {
  const model = new MageModel()
  const transport = {
    requests: 0,
    hostile: 0,
    send(request: RawRequest): Promise<RawResponse> {
      const step = steps[transport.requests++ % steps.length]
      if (step.kind === 'valid') return Promise.resolve(model.answer(request))
      transport.hostile++
      if (step.kind === 'tampered') return Promise.resolve(tamper(model.answer(request), step))
      if (step.kind === 'response') return Promise.resolve(step.response)
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the point: a rejection that is not an Error
      return Promise.reject(step.value)
    }
  }
  return transport
}

/** Replaces one leaf value (string, number or boolean) of a JSON answer. */
function tamper(response: RawResponse, step: { leaf: number; value: unknown }): RawResponse {
  const root: unknown = JSON.parse(response.body)
  const leaves: [Record<string, unknown> | unknown[], string | number][] = []
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return
    for (const [key, child] of Object.entries(node)) {
      if (child !== null && typeof child === 'object') walk(child)
      else leaves.push([node as Record<string, unknown>, key])
    }
  }
  walk(root)
  if (leaves.length === 0) return response
  const [parent, key] = leaves[step.leaf % leaves.length]
  ;(parent as Record<string, unknown>)[key] = step.value
  return { ...response, body: JSON.stringify(root) }
}

export async function fuzzRun(operation: Operation, steps: readonly Step[]): Promise<FuzzOutcome> {
  const io = recordingIO()
  const transport = scriptedTransport(steps)
  const inputs: Record<string, string> = { operation, timeout: '60s', ...FUZZ_INPUTS[operation] }
  await run({ io, clock: fakeClock(), transport, input: name => inputs[name] ?? '', env: FUZZ_ENV })

  const problems: string[] = []
  const status = io.outputs.get('status')
  const error = io.outputs.get('error')
  if (status === undefined || error === undefined) problems.push('status/error outputs not set')
  if (io.failed !== undefined) {
    if (!io.failed.startsWith(`${operation} failed: `)) problems.push(`setFailed: ${io.failed}`)
    problems.push(...reasonProblems(io.failed).map(p => `setFailed: ${p}`))
    problems.push(...reasonProblems(error ?? '').map(p => `error output: ${p}`))
    if (!status) problems.push('no status output on failure')
  } else if (error !== '') {
    problems.push(`succeeded with an error output: ${error}`)
  }
  if (io.summaries.length !== 1) problems.push(`${io.summaries.length} summaries written`)
  const infoText = io.lines
    .filter(line => line.startsWith('info: '))
    .map(line => line.slice('info: '.length))
    .join('\n')
  problems.push(...smuggledCommands(infoText).map(line => `smuggled command: ${line}`))
  const shown = [...io.lines, ...io.outputs.values(), ...io.summaries, io.failed ?? ''].join('\n')
  for (const secret of [...FUZZ_SECRETS, ...SESSION_SECRETS]) {
    if (shown.includes(secret)) problems.push(`secret shown: ${secret.slice(0, 4)}…`)
  }
  return {
    problems,
    failed: io.failed !== undefined,
    requests: transport.requests,
    hostile: transport.hostile
  }
}
