// The job summary of one operation, for a glance: a title line with the verdict, the error
// right under it, a small table, links to Mage, then the operation's own sections. Every text
// is redacted before it is escaped (an escaped secret would no longer match), and cut in bytes,
// so the summary stays under 64 KiB whatever the server or the inputs hold.
import type { Secrets } from '../secrets.js'
import {
  byteLength,
  cell,
  cutToFit,
  escapeInline,
  formatDuration,
  link,
  table
} from './markdown.js'
import type { Report } from './report.js'

export const SUMMARY_MAX_BYTES = 64 * 1024 - 1024

const TITLE_PART_MAX_BYTES = 120
const ERROR_MAX_LINES = 6
const ERROR_LINE_MAX_BYTES = 400
/** How failure messages end when a hint applies (src/main.ts, run-block). */
const HINT_START = ' (likely cause: '
const ROW_VALUE_MAX_BYTES = 600
const MAX_ROWS = 30
const MAX_LINKS = 5
const URL_MAX_CHARS = 2_000
const LEFT_OUT_NOTE_BYTES = 200

export interface SummaryInput {
  operation: string
  target?: string
  dryRun?: boolean
  report: Report
  durationMs: number
  /** The failure message, when the operation failed. */
  error?: string
}

export function buildSummary(input: SummaryInput, secrets: Secrets): string {
  const redact = (text: string): string => secrets.redact(text)
  const { report } = input
  const status = redact(report.status ?? (input.error ? 'failed' : 'done'))
  const parts = [title(input, status)]
  if (input.error !== undefined) parts.push('', errorLine(redact(input.error)))
  parts.push('', factsTable(input, status, redact))
  const links = linkLine(input, redact)
  if (links) parts.push('', links)
  return fitSections(parts.join('\n'), report.sections.map(redact))
}

function title(input: SummaryInput, status: string): string {
  const icon = input.error !== undefined ? '❌' : '✅'
  // cell(): one line, escaped — a line break in a bad `operation` input must not end the title.
  const operation = cell(cutToFit(input.operation, TITLE_PART_MAX_BYTES, cell))
  const shown = cell(cutToFit(status, TITLE_PART_MAX_BYTES, cell))
  return `### ${icon} Mage ${operation}: ${shown}${input.dryRun ? ' (dry run)' : ''}`
}

/**
 * One paragraph on one source line (a line of the message can't start a heading or a list): the
 * first lines of the message, each cut, and the likely cause at its end kept whatever is cut.
 */
function errorLine(error: string): string {
  const hintAt = error.lastIndexOf(HINT_START)
  const hasHint = hintAt !== -1 && error.endsWith(')')
  const body = hasHint ? error.slice(0, hintAt) : error
  const lines = body
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line !== '')
  const shown = lines.slice(0, ERROR_MAX_LINES).map(line => cutToFit(line, ERROR_LINE_MAX_BYTES))
  if (lines.length > shown.length) shown.push(`… ${lines.length - shown.length} more line(s)`)
  if (hasHint) shown.push(cutToFit(error.slice(hintAt).trim(), ERROR_LINE_MAX_BYTES))
  return `**Error:** ${shown.map(escapeInline).join('<br>')}`
}

function factsTable(input: SummaryInput, status: string, redact: (text: string) => string): string {
  const { report } = input
  const rows: [string, string][] = [
    ...(input.target ? [['Target', redact(input.target)] as [string, string]] : []),
    ['Status', status],
    ['Changed', report.changed ? 'yes' : 'no'],
    ['Duration', formatDuration(input.durationMs)],
    ...report.rows.map(([label, value]): [string, string] => [redact(label), redact(value)])
  ]
  const shown = rows
    .slice(0, MAX_ROWS)
    .map(([label, value]) => [
      cutToFit(label, TITLE_PART_MAX_BYTES, cell),
      cutValue(value, ROW_VALUE_MAX_BYTES)
    ])
  // The operation heads the table: a header row of its own would be empty.
  return table(['Operation', cutToFit(input.operation, TITLE_PART_MAX_BYTES, cell)], shown)
}

/** A long list (`a, b, c, …`) is cut between items and says how many there are in all. */
function cutValue(value: string, maxBytes: number): string {
  if (byteLength(cell(value)) <= maxBytes) return value
  const items = value.split(', ')
  if (items.length < 3) return cutToFit(value, maxBytes, cell)
  const kept: string[] = []
  const tail = (): string => `, … (${items.length} in all)`
  for (const item of items) {
    if (byteLength(cell([...kept, item].join(', ') + tail())) > maxBytes) break
    kept.push(item)
  }
  return kept.length > 0 ? kept.join(', ') + tail() : cutToFit(value, maxBytes, cell)
}

function linkLine(input: SummaryInput, redact: (text: string) => string): string {
  return input.report.links
    .filter(known => known.url.length <= URL_MAX_CHARS)
    .slice(0, MAX_LINKS)
    .map(known => link(cutToFit(known.label, TITLE_PART_MAX_BYTES), redact(known.url)))
    .join(' · ')
}

/** Adds whole sections while they fit (a cut one would break its Markdown); says what was left. */
function fitSections(head: string, sections: readonly string[]): string {
  let out = head
  let left = 0
  for (const section of sections) {
    const next = `${out}\n\n${section}`
    if (byteLength(next) + LEFT_OUT_NOTE_BYTES > SUMMARY_MAX_BYTES) left++
    else out = next
  }
  if (left > 0) {
    out += `\n\n_${left} section(s) left out to keep the summary under 64 KiB: see the step log._`
  }
  return `${out}\n`
}
