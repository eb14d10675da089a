// run-block's part of the job summary: one row per block (status, output size, duration, error)
// and a collapsed, cut preview of each output. Both are bounded in bytes, whatever the outputs,
// so that the whole summary stays under 64 KiB (src/report/summary.ts has the rest).
import { previewJson } from '../report/json-preview.js'
import {
  byteLength,
  cell,
  cutToFit,
  escapeHtml,
  formatDuration,
  formatSize,
  table,
  tableRow
} from '../report/markdown.js'
import type { BlockResult, BlockStatus } from './block-results.js'

export { formatSize } from '../report/markdown.js'

const TABLE_MAX_BYTES = 18_000
const BLOCK_CELL_MAX_BYTES = 120
const ERROR_CELL_MAX_BYTES = 300
const PREVIEWS_MAX_BYTES = 24_000
const PREVIEW_MAX_BYTES = 4_000
const PREVIEW_MIN_BYTES = 150
/** Bytes of a value read for a preview, per byte shown: laying out drops whitespace. */
const PREVIEW_SOURCE_FACTOR = 4
/** What a preview's `<details>` lines take besides its text and block name. */
const PREVIEW_WRAPPER_BYTES = 120

const STATUS_ICONS: Record<BlockStatus, string> = {
  completed: '✅',
  failed: '❌',
  'not run': '⏭️'
}

export function blockTable(results: readonly BlockResult[]): string {
  const header = ['Block', 'Status', 'Output size', 'Duration', 'Error']
  const head = table(header, [])
  const lines: string[] = []
  let used = byteLength(head)
  for (const result of results) {
    const line = tableRow([
      cutToFit(result.block, BLOCK_CELL_MAX_BYTES, cell),
      // A no-break space: the icon never wraps away from its word in a narrow column.
      `${STATUS_ICONS[result.status]}\u00a0${result.status}`,
      result.raw === undefined ? '—' : formatSize(result.raw.length),
      result.durationMs === undefined ? '—' : formatDuration(result.durationMs),
      result.failure ? cutToFit(result.failure.text, ERROR_CELL_MAX_BYTES, cell) : ''
    ])
    const size = byteLength(line) + 1
    if (used + size > TABLE_MAX_BYTES) break
    used += size
    lines.push(line)
  }
  const parts = ['#### Blocks', '', [head, ...lines].join('\n')]
  if (lines.length < results.length) {
    parts.push('', `_${results.length - lines.length} more block(s) not shown: see the step log._`)
  }
  return parts.join('\n')
}

/** A `<details>` preview per block that gave an output; undefined when none did. */
export function outputPreviews(results: readonly BlockResult[]): string | undefined {
  const withOutput = results.filter(result => result.raw !== undefined)
  if (withOutput.length === 0) return undefined
  const share = Math.floor(PREVIEWS_MAX_BYTES / withOutput.length) - PREVIEW_WRAPPER_BYTES
  const each = Math.max(PREVIEW_MIN_BYTES, Math.min(PREVIEW_MAX_BYTES, share))
  const parts: string[] = []
  let used = 0
  for (const result of withOutput) {
    const part = preview(result.block, result.raw ?? Buffer.alloc(0), each)
    if (used + byteLength(part) > PREVIEWS_MAX_BYTES) {
      const left = withOutput.length - parts.length
      parts.push('', `_Previews of ${left} more block(s) left out: see \`output-file\`._`)
      break
    }
    used += byteLength(part) + 1
    parts.push(part)
  }
  return parts.join('\n')
}

/** Collapsed: the summary line says the output's size and whether the preview is cut. */
function preview(block: string, raw: Buffer, maxBytes: number): string {
  const text = cutToFit(previewJson(startOf(raw, maxBytes), maxBytes), maxBytes)
  const cutNote = text.endsWith('…') ? ', start shown' : ''
  const name = escapeHtml(cutToFit(block, BLOCK_CELL_MAX_BYTES))
  return [
    `<details><summary>Output of <code>${name}</code> (${formatSize(raw.length)}${cutNote})</summary>`,
    '',
    `<pre>${escapeHtml(text)}</pre>`,
    '',
    '</details>'
  ].join('\n')
}

/**
 * The value's start, decoded: enough for a preview of `maxBytes` (whitespace the preview drops
 * aside), ending in `…` when the value goes on. A 50 MB output is never decoded whole.
 */
function startOf(raw: Buffer, maxBytes: number): string {
  const take = PREVIEW_SOURCE_FACTOR * maxBytes
  if (raw.length <= take) return raw.toString('utf8')
  // A character cut at the end decodes as U+FFFD: dropped.
  return `${raw.toString('utf8', 0, take).replace(/\uFFFD+$/, '')}…`
}
