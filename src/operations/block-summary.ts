// run-block's part of the job summary: one row per block (status, output size, error) and a
// collapsed, cut preview of each output. Bounded so the whole summary stays under 64 KiB.
import { cut, escapeHtml, table } from '../report/markdown.js'
import type { BlockResult } from './block-results.js'

/** Room for all previews together; the table and the rest of the summary need the remainder. */
const PREVIEWS_MAX_CHARS = 32_000
const PREVIEW_MAX_CHARS = 2_000
const ERRORS_MAX_CHARS = 16_000
const ERROR_MAX_CHARS = 300
const MAX_ROWS = 200

export function blockTable(results: readonly BlockResult[]): string {
  const shown = results.slice(0, MAX_ROWS)
  const errorChars = Math.max(60, Math.min(ERROR_MAX_CHARS, ERRORS_MAX_CHARS / shown.length))
  const rows = shown.map(result => [
    result.block,
    result.status,
    result.raw === undefined ? '—' : formatSize(Buffer.byteLength(result.raw)),
    result.failure ? cut(result.failure.text, errorChars) : ''
  ])
  const lines = ['#### Blocks', '', table(['Block', 'Status', 'Output size', 'Error'], rows)]
  if (results.length > shown.length) {
    lines.push('', `_${results.length - shown.length} more block(s) not shown; see the step log._`)
  }
  return lines.join('\n')
}

/** A `<details>` preview per completed block; undefined when no block has an output. */
export function outputPreviews(results: readonly BlockResult[]): string | undefined {
  const withOutput = results.filter(result => result.raw !== undefined)
  if (withOutput.length === 0) return undefined
  const each = Math.max(200, Math.min(PREVIEW_MAX_CHARS, PREVIEWS_MAX_CHARS / withOutput.length))
  const parts: string[] = []
  let used = 0
  for (const result of withOutput) {
    const preview = cut(result.raw ?? '', each)
    const part = [
      `<details><summary>Output of <code>${escapeHtml(result.block)}</code></summary>`,
      '',
      `<pre>${escapeHtml(preview)}</pre>`,
      '',
      '</details>'
    ].join('\n')
    if (used + part.length > PREVIEWS_MAX_CHARS) {
      parts.push(`_Previews of ${withOutput.length - parts.length} more block(s) left out._`)
      break
    }
    used += part.length
    parts.push(part)
  }
  return parts.join('\n')
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}
