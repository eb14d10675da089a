// Checks and slices JSON without building its values: JSON.parse of a 50 MB answer costs several
// times its size in memory, this walk costs only a stack as deep as the nesting. It accepts what
// JSON.parse accepts plus Python's bare NaN, Infinity and -Infinity, which Mage writes (see
// json.ts). No recursion, so a deeply nested answer cannot overflow the call stack.

const TAB = 0x09
const LF = 0x0a
const CR = 0x0d
const SPACE = 0x20
const QUOTE = 0x22
const PLUS = 0x2b
const COMMA = 0x2c
const MINUS = 0x2d
const DOT = 0x2e
const ZERO = 0x30
const NINE = 0x39
const COLON = 0x3a
const OPEN_ARRAY = 0x5b
const BACKSLASH = 0x5c
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
/** `]` is `[` + 2 and `}` is `{` + 2. */
const CLOSER_OFFSET = 2

/** Index just after the JSON value that starts at `start` (leading whitespace allowed). Throws SyntaxError (message names the position) when the text there is not one valid JSON value. */
export function scanJsonValue(text: string, start = 0): number {
  // The closing character of every open container, innermost last.
  const closers: number[] = []
  let i = start
  for (;;) {
    i = skipSpace(text, i)
    const c = text.charCodeAt(i)
    if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      const closer = c + CLOSER_OFFSET
      i = skipSpace(text, i + 1)
      if (text.charCodeAt(i) !== closer) {
        closers.push(closer)
        if (c === OPEN_OBJECT) i = scanMemberName(text, i)
        continue
      }
      i++
    } else {
      i = scanScalar(text, i, c)
    }
    // A value ended at i: close containers until one expects a next element.
    for (;;) {
      const depth = closers.length
      if (depth === 0) return i
      i = skipSpace(text, i)
      const next = text.charCodeAt(i)
      if (next === COMMA) {
        i = skipSpace(text, i + 1)
        if (closers[depth - 1] === CLOSE_OBJECT) i = scanMemberName(text, i)
        break
      }
      if (next !== closers[depth - 1]) throw unexpected(text, i)
      closers.pop()
      i++
    }
  }
}

/** True when the whole text is exactly one JSON value (whitespace around allowed). Never throws. */
export function isValidJson(text: string): boolean {
  try {
    return skipSpace(text, scanJsonValue(text)) === text.length
  } catch {
    return false
  }
}

/** When `text` is a single JSON object (whitespace around allowed): every top-level member's value range, keyed by the decoded member name; for duplicate names the last wins (as JSON.parse). undefined when the top-level value is valid JSON but not an object. Throws SyntaxError when the text is not valid JSON. */
export function topLevelMembers(
  text: string
): Map<string, { start: number; end: number }> | undefined {
  let i = skipSpace(text, 0)
  if (text.charCodeAt(i) !== OPEN_OBJECT) {
    expectEnd(text, scanJsonValue(text, i))
    return undefined
  }
  const members = new Map<string, { start: number; end: number }>()
  i = skipSpace(text, i + 1)
  if (text.charCodeAt(i) !== CLOSE_OBJECT) {
    for (;;) {
      if (text.charCodeAt(i) !== QUOTE) throw unexpected(text, i)
      const nameEnd = scanString(text, i)
      // Names are short; JSON.parse decodes their escapes exactly as it would.
      const name = JSON.parse(text.slice(i, nameEnd)) as string
      const start = scanColon(text, nameEnd)
      const end = scanJsonValue(text, start)
      members.set(name, { start, end })
      i = skipSpace(text, end)
      const next = text.charCodeAt(i)
      if (next === CLOSE_OBJECT) break
      if (next !== COMMA) throw unexpected(text, i)
      i = skipSpace(text, i + 1)
    }
  }
  expectEnd(text, i + 1)
  return members
}

/** Scans `"name" :` from `i`; returns where the member's value starts (after its whitespace). */
function scanMemberName(text: string, i: number): number {
  if (text.charCodeAt(i) !== QUOTE) throw unexpected(text, i)
  return scanColon(text, scanString(text, i))
}

/** Scans the `:` after a member name; returns where the value starts (after its whitespace). */
function scanColon(text: string, from: number): number {
  const colon = skipSpace(text, from)
  if (text.charCodeAt(colon) !== COLON) throw unexpected(text, colon)
  return skipSpace(text, colon + 1)
}

function scanScalar(text: string, i: number, c: number): number {
  switch (c) {
    case QUOTE:
      return scanString(text, i)
    case 0x74: // t
      return scanWord(text, i, 'true')
    case 0x66: // f
      return scanWord(text, i, 'false')
    case 0x6e: // n
      return scanWord(text, i, 'null')
    case 0x4e: // N
      return scanWord(text, i, 'NaN')
    case 0x49: // I
      return scanWord(text, i, 'Infinity')
    default:
      return scanNumber(text, i)
  }
}

function scanWord(text: string, i: number, word: string): number {
  if (!text.startsWith(word, i)) throw unexpected(text, firstDifference(text, i, word))
  return i + word.length
}

/** Scans the string whose opening quote is at `start`; returns the index after its closing quote. */
function scanString(text: string, start: number): number {
  let i = start + 1
  for (;;) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) return i + 1
    if (c === BACKSLASH) {
      i = scanEscape(text, i + 1)
    } else if (c >= SPACE) {
      i++
    } else {
      // A raw control character, or NaN past the end of the text.
      throw unexpected(text, i)
    }
  }
}

/** Scans the escape whose letter is at `i` (just after the backslash). */
function scanEscape(text: string, i: number): number {
  switch (text.charCodeAt(i)) {
    case QUOTE:
    case BACKSLASH:
    case 0x2f: // /
    case 0x62: // b
    case 0x66: // f
    case 0x6e: // n
    case 0x72: // r
    case 0x74: // t
      return i + 1
    case 0x75: // u
      for (let k = i + 1; k < i + 5; k++) {
        if (!isHexDigit(text.charCodeAt(k))) throw unexpected(text, k)
      }
      return i + 5
    default:
      throw unexpected(text, i)
  }
}

/** -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?, or Python's -Infinity. */
function scanNumber(text: string, start: number): number {
  let i = start
  if (text.charCodeAt(i) === MINUS) {
    i++
    if (text.charCodeAt(i) === 0x49) return scanWord(text, i, 'Infinity')
  }
  const first = text.charCodeAt(i)
  if (first === ZERO) i++
  else if (first > ZERO && first <= NINE) i = skipDigits(text, i + 1)
  else throw unexpected(text, i)
  if (text.charCodeAt(i) === DOT) i = scanDigits(text, i + 1)
  const e = text.charCodeAt(i)
  if (e === 0x65 || e === 0x45) {
    i++
    const sign = text.charCodeAt(i)
    if (sign === PLUS || sign === MINUS) i++
    i = scanDigits(text, i)
  }
  return i
}

/** One or more digits from `i`. */
function scanDigits(text: string, i: number): number {
  if (!isDigit(text.charCodeAt(i))) throw unexpected(text, i)
  return skipDigits(text, i + 1)
}

function skipDigits(text: string, from: number): number {
  let i = from
  while (isDigit(text.charCodeAt(i))) i++
  return i
}

function skipSpace(text: string, from: number): number {
  let i = from
  for (;;) {
    const c = text.charCodeAt(i)
    if (c !== SPACE && c !== LF && c !== CR && c !== TAB) return i
    i++
  }
}

function expectEnd(text: string, from: number): void {
  const end = skipSpace(text, from)
  if (end !== text.length) throw unexpected(text, end)
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
}

function firstDifference(text: string, i: number, word: string): number {
  let k = 0
  while (k < word.length && text.charCodeAt(i + k) === word.charCodeAt(k)) k++
  return i + k
}

function unexpected(text: string, i: number): SyntaxError {
  if (i >= text.length) return new SyntaxError(`Unexpected end of JSON input at position ${i}`)
  return new SyntaxError(`Unexpected ${JSON.stringify(text[i])} in JSON at position ${i}`)
}
