// The job summary of one operation: a title line with the status, a small table, links, and
// the operation's own sections. Redacted as a whole and kept under 64 KiB.
import type { Secrets } from '../secrets.js'
import { escapeHtml, formatDuration, table } from './markdown.js'
import type { Report } from './report.js'

export const SUMMARY_MAX_BYTES = 64 * 1024 - 1024

export interface SummaryInput {
  operation: string
  target?: string
  report: Report
  durationMs: number
  /** The failure message, when the operation failed. */
  error?: string
}

export function buildSummary(input: SummaryInput, secrets: Secrets): string {
  const { operation, report, error } = input
  const status = report.status ?? (error ? 'failed' : 'done')
  const icon = error ? '❌' : '✅'
  const title = `### ${icon} Mage: \`${operation}\` — ${escapeHtml(status)}`
  const rows: string[][] = [
    ['Operation', operation],
    ...(input.target ? [['Target', input.target]] : []),
    ['Status', status],
    ['Changed', String(report.changed)],
    ['Duration', formatDuration(input.durationMs)],
    ...report.rows.map(([label, value]) => [label, value])
  ]
  const parts = [title, '', table(['', ''], rows)]
  if (error) parts.push('', `**Error:** ${escapeHtml(error)}`)
  if (report.links.length > 0) {
    parts.push('', report.links.map(link => `[${escapeHtml(link.label)}](${link.url})`).join(' · '))
  }
  const head = secrets.redact(parts.join('\n'))
  return fitSections(
    head,
    report.sections.map(section => secrets.redact(section))
  )
}

/** Adds sections while they fit; says so when some were left out. */
function fitSections(head: string, sections: string[]): string {
  let out = head
  let left = 0
  for (const section of sections) {
    const next = `${out}\n\n${section}`
    if (Buffer.byteLength(next) + 200 > SUMMARY_MAX_BYTES) left++
    else out = next
  }
  if (left > 0)
    out += `\n\n_${left} section(s) left out to keep the summary under 64 KiB; see the step log._`
  return `${out}\n`
}
