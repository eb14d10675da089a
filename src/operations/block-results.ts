// What run-block learned about each block, and how it reaches the outputs: `output` within the
// budget, `output-truncated`, and `output-file` holding everything. Published once when the run
// ends, failed half way or not, with the outputs of the blocks that ran.
import { randomUUID } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import * as path from 'node:path'
import type { RunFailure } from '../cluster/run-failure.js'
import { type BlockValue, composeOutput, fullOutputPieces } from '../cluster/run-output.js'
import type { Report } from '../report/report.js'
import { writeTextPieces } from '../report/write-pieces.js'

export type BlockStatus = 'completed' | 'failed' | 'not run'

export interface BlockResult {
  readonly block: string
  readonly status: BlockStatus
  /** The redacted `run` value of a completed block: the bytes the server sent. */
  readonly raw?: Buffer
  readonly failure?: RunFailure
  /** How long its request took (the block's run, as the runner saw it). */
  readonly durationMs?: number
}

export class BlockOutputs {
  private readonly report: Report
  private readonly keyed: boolean
  private readonly file: string

  constructor(report: Report, tempDir: string, keyed: boolean) {
    this.report = report
    this.keyed = keyed
    // Unique per step: two run-block steps of one job must not share the file.
    this.file = path.join(tempDir, `mage-run-block-${randomUUID()}.json`)
  }

  /** Writes `output`, `output-truncated` and `output-file` for the blocks that ran so far. */
  async publish(results: readonly BlockResult[]): Promise<void> {
    const values: BlockValue[] = results
      .filter(result => result.status !== 'not run')
      .map(result => ({ block: result.block, raw: result.raw }))
    if (values.length === 0) return
    const { text, truncated } = composeOutput(values, this.keyed)
    this.report.set('output', text)
    this.report.set('output-truncated', String(truncated))
    await mkdir(path.dirname(this.file), { recursive: true })
    await writeTextPieces(this.file, fullOutputPieces(values, this.keyed))
    this.report.set('output-file', this.file)
  }
}
