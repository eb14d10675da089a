// Small Markdown helpers for the job summary: escaping, GFM tables, links, and cuts measured in
// bytes (GitHub limits a summary in bytes, and escaping and UTF-8 can multiply a text's size).

/** Text safe inside HTML (a `<pre>`, a `<summary>`): no tag, no entity can be formed. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

const NEEDS_INLINE_ESCAPE = /[&<>\\`*[\]~|_]/

/**
 * Text safe inline in Markdown: HTML escaped and the characters that would make a link, an
 * image, code, emphasis or strikethrough backslash-escaped. An `_` inside a word is left alone
 * (it is no emphasis there), so `load_data` stays readable as plain text.
 */
export function escapeInline(text: string): string {
  // Most cells (block names, statuses, sizes) have nothing to escape: skip the Unicode regex.
  if (!NEEDS_INLINE_ESCAPE.test(text)) return text
  return escapeHtml(text)
    .replace(/[\\`*[\]~|]/g, '\\$&')
    .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (match: string) =>
      match.replace('_', '\\_')
    )
}

/** A value safe inside a GFM table cell: one line, inline-escaped (pipes included). */
export function cell(text: string): string {
  return escapeInline(text.replace(/\s*\r?\n\s*/g, ' '))
}

/** A GFM table, every column left-aligned (a header is centred otherwise). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    tableRow(header),
    `| ${header.map(() => ':---').join(' | ')} |`,
    ...rows.map(tableRow)
  ].join('\n')
}

/** One line of a GFM table, its cells escaped: `table` is its header and these, joined by \n. */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`
}

/** A Markdown link on one line whose URL cannot end early or smuggle Markdown. */
export function link(label: string, url: string): string {
  const safeUrl = url.replace(
    /[\s()<>[\]"'`\\]/g,
    char => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  )
  return `[${cell(label)}](${safeUrl})`
}

/** Cuts text to `max` characters, marking the cut with `…`. */
export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/**
 * `text`, cut (with `…`) so that its `escape`d form takes at most `maxBytes` bytes of UTF-8.
 * Cut by characters, never inside one; the caller escapes the result.
 */
export function cutToFit(
  text: string,
  maxBytes: number,
  escape: (text: string) => string = escapeHtml
): string {
  if (byteLength(escape(text)) <= maxBytes) return text
  const room = maxBytes - byteLength('…')
  const chars: string[] = []
  let used = 0
  for (const char of text) {
    const size = byteLength(escape(char))
    if (used + size > room) break
    used += size
    chars.push(char)
  }
  // escapeInline's `_` rule looks at neighbours: drop characters until the whole fits.
  while (chars.length > 0 && byteLength(escape(`${chars.join('')}…`)) > maxBytes) chars.pop()
  return `${chars.join('')}…`
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  // Below 59.95 s: one decimal (59.96 would round to "60.0 s").
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)} s`
  const totalSeconds = Math.round(ms / 1000)
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min ${seconds} s`
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}
