// run-block: POST /api/runs for one block, or several in order (a smoke run). Each block is sent
// once; its `run` value goes to `output` as the server wrote it. A smoke run stops at the first
// failed block unless fail-on-error is false; `error` lists every failure as `uuid: exception`.
import { describeRunFailure } from '../cluster/run-failure.js'
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
  try {
    for (const [index, block] of config.blocks.entries()) {
      const mustStop = stopper !== undefined || (hasFailure(results) && context.common.failOnError)
      if (mustStop) {
        results.push({ block, status: 'not run' })
        continue
      }
      io.info(`Running block '${block}' of pipeline '${config.pipeline}'`)
      const started = context.clock.now()
      const took = (): number => context.clock.now() - started
      try {
        const preconnect = index < config.blocks.length - 1
        const { raw } = await trigger.runBlock({ ...config, block, preconnect })
        report.changed = true
        const safe = redactRaw(raw, secrets)
        results.push({ block, status: 'completed', raw: safe, durationMs: took() })
        io.info(`Block '${block}' completed: output ${formatSize(safe.length)}`)
      } catch (error) {
        const failure = describeRunFailure(error, 'block')
        if (!failure) {
          stopper = error
          results.push({ block, status: 'not run' })
          continue
        }
        if (failure.mayHaveRun) report.changed = true
        results.push({ block, status: 'failed', failure, durationMs: took() })
        io.info(`Block '${block}' failed: ${failure.text}`)
        if (failure.traceback) {
          await printUntrusted(io, `Traceback of block '${block}'`, failure.traceback)
        }
      }
    }
  } finally {
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

function hasFailure(results: readonly BlockResult[]): boolean {
  return results.some(result => result.status === 'failed')
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
