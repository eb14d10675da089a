// Structural checks of a job summary's Markdown, shared by the unit and end-to-end tests: what
// GitHub would render it as, without a renderer. Each check returns readable problems, [] when
// the summary is sound.

/** GitHub refuses a step summary of 1 MiB; the action promises 64 KiB per operation. */
export const SUMMARY_LIMIT_BYTES = 64 * 1024
/** The only HTML the summaries use, always without attributes. */
export const ALLOWED_TAGS = new Set(['details', 'summary', 'code', 'pre', 'br', 'sub'])
const VOID_TAGS = new Set(['br'])

export function summaryProblems(markdown: string, secrets: readonly string[] = []): string[] {
  return [
    ...sizeProblems(markdown),
    ...htmlProblems(markdown),
    ...tableProblems(markdown),
    ...secretProblems(markdown, secrets)
  ]
}

function sizeProblems(markdown: string): string[] {
  const bytes = Buffer.byteLength(markdown, 'utf8')
  return bytes < SUMMARY_LIMIT_BYTES ? [] : [`summary is ${bytes} bytes, not under 64 KiB`]
}

/** Every `<` opens or closes an allowed tag with no attribute; tags nest properly. */
export function htmlProblems(markdown: string): string[] {
  const problems: string[] = []
  const open: string[] = []
  for (let at = markdown.indexOf('<'); at !== -1; at = markdown.indexOf('<', at + 1)) {
    const text = markdown.slice(at, at + 30)
    const tag = /^<(\/?)([a-z]+)>/.exec(text)
    if (!tag || !ALLOWED_TAGS.has(tag[2])) {
      problems.push(`HTML not allowed: ${JSON.stringify(text)}`)
      continue
    }
    const [, closing, name] = tag
    if (VOID_TAGS.has(name)) {
      if (closing) problems.push(`</${name}> closes a void tag`)
    } else if (!closing) {
      open.push(name)
    } else if (open.at(-1) === name) {
      open.pop()
    } else {
      problems.push(`</${name}> closes <${open.at(-1) ?? 'nothing'}>`)
    }
  }
  if (open.length > 0) problems.push(`unclosed: ${open.map(name => `<${name}>`).join(' ')}`)
  for (const [index, line] of markdown.split('\n').entries()) {
    // Headings: the title, and the operations' own `####` sections; any other is injected text.
    if (/^ {0,3}#{1,6}(\s|$)/.test(line) && !(index === 0 ? /^### / : /^#### /).test(line)) {
      problems.push(`unexpected heading at line ${index + 1}: ${line.slice(0, 60)}`)
    }
    // A <details> or <pre> must start its line to be an HTML block (else it is inline text).
    if (/.<(details|pre)>/.test(line) && !/^<(details|pre)>/.test(line)) {
      problems.push(`<details>/<pre> not at the start of a line: ${line.slice(0, 60)}`)
    }
  }
  return problems
}

/** The cells of a table line: split at pipes not escaped by a backslash. */
export function cellsOf(line: string): string[] | undefined {
  const cells: string[] = []
  let current = ''
  let backslashes = 0
  for (const char of line) {
    if (char === '|' && backslashes % 2 === 0) {
      cells.push(current)
      current = ''
    } else {
      current += char
    }
    backslashes = char === '\\' ? backslashes + 1 : 0
  }
  cells.push(current)
  // `| a | b |` splits into ['', ' a ', ' b ', '']: both outer pipes must be there.
  if (cells.length < 3 || cells[0].trim() !== '' || cells.at(-1)?.trim() !== '') return undefined
  return cells.slice(1, -1).map(text => text.trim())
}

/**
 * GFM tables well formed: a header, a separator of as many `---` cells, rows of as many cells,
 * a blank line before and after; and no `|` line outside a table (it would render as text).
 */
export function tableProblems(markdown: string): string[] {
  const problems: string[] = []
  const lines = markdown.split('\n')
  let inPre = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (inPre || line.startsWith('<pre>')) {
      inPre = !line.includes('</pre>')
      continue
    }
    if (!line.startsWith('|')) continue
    const header = cellsOf(line)
    const separator = cellsOf(lines[i + 1] ?? '')
    if (!header || !separator || !separator.every(text => /^:?-{3,}:?$/.test(text))) {
      problems.push(`line ${i + 1} starts with | but begins no table: ${line.slice(0, 60)}`)
      continue
    }
    if ((lines[i - 1] ?? '') !== '') problems.push(`table at line ${i + 1}: no blank line before`)
    if (separator.length !== header.length) {
      problems.push(`table at line ${i + 1}: separator has ${separator.length} cells`)
    }
    let row = i + 2
    for (; row < lines.length && lines[row].startsWith('|'); row++) {
      const cells = cellsOf(lines[row])
      if (cells?.length !== header.length) {
        problems.push(
          `table at line ${i + 1}, row ${row + 1}: ${cells?.length ?? 'no'} cells, header has ${header.length}`
        )
      }
    }
    if (row < lines.length && lines[row] !== '') {
      problems.push(`table at line ${i + 1}: no blank line after it (line ${row + 1})`)
    }
    i = row - 1
  }
  return problems
}

/** The summary as a reader sees the text: Markdown backslash escapes and entities undone. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

function secretProblems(markdown: string, secrets: readonly string[]): string[] {
  const plain = plainText(markdown)
  return secrets
    .filter(secret => secret !== '' && (markdown.includes(secret) || plain.includes(secret)))
    .map(secret => `secret in the summary: ${secret.slice(0, 4)}…`)
}

/** The title line: `### <icon> Mage <operation>: <status>`. */
export function titleOf(markdown: string): string {
  return markdown.split('\n')[0]
}

/** The first table's rows as label → value (the facts table). */
export function factsOf(markdown: string): Record<string, string> {
  const lines = markdown.split('\n')
  const start = lines.findIndex(line => line.startsWith('|'))
  if (start === -1) return {}
  const facts: Record<string, string> = {}
  const header = cellsOf(lines[start]) ?? []
  facts[header[0] ?? ''] = header[1] ?? ''
  for (let i = start + 2; i < lines.length && lines[i].startsWith('|'); i++) {
    const [label, value] = cellsOf(lines[i]) ?? []
    facts[label] = value
  }
  return facts
}
