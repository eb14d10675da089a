// A readable preview of the start of a JSON text (a block's raw output): one member per line,
// indented, long lines wrapped. Only whitespace changes, so numbers, NaN and the server's own
// spelling stay as sent, and a prefix of a 3 MB output can be shown without parsing it all.

const INDENT = '  '
const WRAP_AT = 100
/** An object or array this short stays on one line. */
const INLINE_MAX = 72
const WRAP_PIECE = new RegExp(`[\\s\\S]{1,${WRAP_AT}}`, 'gu')

/** At most `maxChars` characters of `text` laid out for reading; `…` marks a cut. */
export function previewJson(text: string, maxChars: number): string {
  const laidOut = wrapLines(indentJson(text, maxChars + 1))
  return laidOut.length <= maxChars ? laidOut : `${laidOut.slice(0, Math.max(0, maxChars - 1))}…`
}

/** Re-indents JSON text, stopping once `limit` characters are written. */
function indentJson(text: string, limit: number): string {
  let out = ''
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length && out.length < limit; i++) {
    const char = text[i]
    if (inString) {
      out += char
      if (char === '\\') out += text[++i] ?? ''
      else if (char === '"') inString = false
      continue
    }
    if (char === '"') {
      inString = true
      out += char
    } else if (char === '{' || char === '[') {
      const close = closingWithin(text, i, INLINE_MAX)
      if (close !== -1) {
        // Short enough for one line: kept exactly as sent.
        out += text.slice(i, close + 1)
        i = close
      } else {
        depth++
        out += `${char}\n${INDENT.repeat(depth)}`
      }
    } else if (char === '}' || char === ']') {
      depth = Math.max(0, depth - 1)
      out += `\n${INDENT.repeat(depth)}${char}`
    } else if (char === ',') {
      out += `,\n${INDENT.repeat(depth)}`
    } else if (char === ':') {
      out += ': '
    } else if (!/\s/.test(char)) {
      out += char
    }
  }
  return out
}

/** The index of the bracket closing the one at `open`, if it comes within `max` characters. */
function closingWithin(text: string, open: number, max: number): number {
  let depth = 0
  let inString = false
  const end = Math.min(text.length, open + max)
  for (let i = open; i < end; i++) {
    const char = text[i]
    if (inString) {
      if (char === '\\') i++
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{' || char === '[') depth++
    else if ((char === '}' || char === ']') && --depth === 0) return i
  }
  return -1
}

/** A long string value would need a horizontal scroll in the summary: wrap it. */
function wrapLines(text: string): string {
  return text
    .split('\n')
    .flatMap(line => {
      if (line.length <= WRAP_AT) return [line]
      // By code points: a piece never ends inside a surrogate pair.
      return line.match(WRAP_PIECE) ?? [line]
    })
    .join('\n')
}
