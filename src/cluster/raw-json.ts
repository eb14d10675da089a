// Finds a top-level member of a JSON object in the raw text and returns its value's text as the
// server wrote it. Re-serialising would turn Python's NaN/Infinity into null and reformat
// numbers; the `output` of run-block must stay what Mage sent.

/** The raw text of `key`'s value in the top-level object `text`; undefined when absent. */
export function rawMemberText(text: string, key: string): string | undefined {
  let i = skipSpace(text, 0)
  if (text[i] !== '{') return undefined
  i = skipSpace(text, i + 1)
  if (text[i] === '}') return undefined
  let found: string | undefined
  for (;;) {
    if (text[i] !== '"') return undefined
    const keyEnd = endOfString(text, i)
    if (keyEnd < 0) return undefined
    const name = decodeKey(text.slice(i, keyEnd))
    i = skipSpace(text, keyEnd)
    if (text[i] !== ':') return undefined
    i = skipSpace(text, i + 1)
    const valueEnd = endOfValue(text, i)
    if (valueEnd <= i) return undefined
    // JSON.parse keeps the last of duplicate keys; so does this.
    if (name === key) found = text.slice(i, valueEnd)
    i = skipSpace(text, valueEnd)
    if (text[i] === '}') return found
    if (text[i] !== ',') return undefined
    i = skipSpace(text, i + 1)
  }
}

function decodeKey(quoted: string): string | undefined {
  try {
    return JSON.parse(quoted) as string
  } catch {
    return undefined
  }
}

function skipSpace(text: string, from: number): number {
  let i = from
  while (i < text.length && ' \t\n\r'.includes(text[i])) i++
  return i
}

/** Index just after the string that opens at `start`, or -1 when it never closes. */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i]
    if (ch === '\\') i++
    else if (ch === '"') return i + 1
  }
  return -1
}

/** Index just after the value that starts at `start` (-1 or `start` when there is none). */
function endOfValue(text: string, start: number): number {
  const first = text[start]
  if (first === '"') return endOfString(text, start)
  if (first === '{' || first === '[') return endOfContainer(text, start)
  // A scalar: number, true/false/null, or Python's NaN / Infinity / -Infinity.
  let i = start
  while (i < text.length && !',}] \t\n\r'.includes(text[i])) i++
  return i
}

function endOfContainer(text: string, start: number): number {
  let depth = 0
  for (let i = start; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') {
      const end = endOfString(text, i)
      if (end < 0) return -1
      i = end - 1
    } else if (ch === '{' || ch === '[') {
      depth++
    } else if (ch === '}' || ch === ']') {
      depth--
      if (depth === 0) return i + 1
    }
  }
  return -1
}
