// run-block: POST /api/runs for one block, or several in order (a smoke run). Each block is sent
// once; its `run` value goes to `output` as the server wrote it. A smoke run stops at the first
// failed block unless fail-on-error is false; `error` lists every failure as `uuid: exception`.
import { type RunFailure, describeRunFailure } from '../cluster/run-failure.js'
import { redactRaw } from '../cluster/run-output.js'
import { TriggerClient } from '../cluster/trigger-client.js'
import { printUntrusted } from '../report/untrusted-log.js'
import type { RunBlockConfig } from '../config/types.js'
import { OperationError, errorMessage } from '../errors.js'
import { hintFor } from '../report/hints.js'
import { BlockOutputs, type BlockResult } from './block-results.js'
import { blockTable, formatSize, outputPreviews } from './block-summary.js'
import type { OperationContext } from './context.js'

export async function runBlock(context: OperationContext, config: RunBlockConfig): Promise<void> {
  const { io, report, secrets } = context
  const trigger = new TriggerClient(context.http('cluster'), config.clusterUrl, config.triggerToken)
  const outputs = new BlockOutputs(report, context.tempDir, config.blocks.length > 1)
  const results: BlockResult[] = []
  report.row('Pipeline', config.pipeline)
  report.link(
    'Pipeline runs in Mage',
    `${config.clusterUrl}/pipelines/${encodeURIComponent(config.pipeline)}/runs`
  )
  // A failure that is not about one block (cluster unreachable, deadline): nothing more can run.
  let stopper: unknown
  const send = (index: number): SentBlock => {
    const block = config.blocks[index]
    const started = context.clock.now()
    const preconnect = index < config.blocks.length - 1
    const answer = trigger.runBlock({ ...config, block, preconnect }).then(
      ({ raw }): BlockAnswer => ({ raw, durationMs: context.clock.now() - started }),
      (error: unknown): BlockAnswer => ({ error, durationMs: context.clock.now() - started })
    )
    return { block, answer }
  }
  const announce = (sent: SentBlock): void =>
    io.info(`Running block '${sent.block}' of pipeline '${config.pipeline}'`)
  const record = async (
    block: string,
    answer: BlockAnswer,
    failure = failureOf(answer)
  ): Promise<void> => {
    if ('raw' in answer) {
      report.changed = true
      const safe = redactRaw(answer.raw, secrets)
      results.push({ block, status: 'completed', raw: safe, durationMs: answer.durationMs })
      io.info(`Block '${block}' completed: output ${formatSize(safe.length)}`)
      return
    }
    if (!failure) {
      stopper = answer.error
      results.push({ block, status: 'not run' })
      return
    }
    if (failure.mayHaveRun) report.changed = true
    results.push({ block, status: 'failed', failure, durationMs: answer.durationMs })
    io.info(`Block '${block}' failed: ${failure.text}`)
    if (failure.traceback) {
      await printUntrusted(io, `Traceback of block '${block}'`, failure.traceback)
    }
  }
  let next: SentBlock | undefined = send(0)
  announce(next)
  try {
    for (const [index, block] of config.blocks.entries()) {
      if (!next) {
        results.push({ block, status: 'not run' })
        continue
      }
      const answer = await next.answer
      next = undefined
      const failure = failureOf(answer)
      const goOn =
        ('raw' in answer || (failure !== undefined && !context.common.failOnError)) &&
        index < config.blocks.length - 1
      // The next block is sent before this one's result is recorded and logged: its request
      // goes out first, and that work is done while it runs.
      if (goOn) next = send(index + 1)
      await record(block, answer, failure)
      if (next) announce(next)
    }
  } finally {
    // A block already sent when something here threw still has its answer recorded.
    if (next) await record(next.block, await next.answer)
    // Once, whatever stopped the run: the outputs are written when the step ends anyway.
    await outputs.publish(results)
    report.status = results.every(result => result.status === 'completed') ? 'completed' : 'failed'
    report.row('Blocks', describeCounts(results))
    report.section(blockTable(results))
    const previews = outputPreviews(results)
    if (previews) report.section(previews)
  }
  throwIfFailed(results, stopper)
}

/** Why a block failed; undefined for a completed block and for an error that stops the run. */
function failureOf(answer: BlockAnswer): RunFailure | undefined {
  return 'error' in answer ? describeRunFailure(answer.error, 'block') : undefined
}

/** What came back for one block: its `run` value, or the error (never a rejection). */
type BlockAnswer =
  | { readonly raw: Buffer; readonly durationMs: number }
  | { readonly error: unknown; readonly durationMs: number }

/** A block whose request was handed to the transport. */
interface SentBlock {
  readonly block: string
  readonly answer: Promise<BlockAnswer>
}

function describeCounts(results: readonly BlockResult[]): string {
  const count = (status: BlockResult['status']): number =>
    results.filter(result => result.status === status).length
  const parts = [`${count('completed')} completed`, `${count('failed')} failed`]
  if (count('not run') > 0) parts.push(`${count('not run')} not run`)
  return parts.join(', ')
}

/** `uuid: exception (likely cause: …)` per failed block; the stopping error as it is when alone. */
function throwIfFailed(results: readonly BlockResult[], stopper: unknown): void {
  const lines = results.flatMap(({ block, failure }) =>
    failure
      ? [`${block}: ${failure.text}${failure.hint ? ` (likely cause: ${failure.hint})` : ''}`]
      : []
  )
  if (stopper !== undefined) {
    if (lines.length === 0)
      throw stopper instanceof Error ? stopper : new Error(errorMessage(stopper))
    const stoppedAt = results.find(result => result.status === 'not run')?.block ?? 'run'
    const hint = hintFor(stopper)
    lines.push(`${stoppedAt}: ${errorMessage(stopper)}${hint ? ` (likely cause: ${hint})` : ''}`)
  }
  if (lines.length > 0) throw new OperationError(lines.join('\n'), 'failed')
}
