// Checks and slices JSON in its UTF-8 bytes without decoding them or building its values:
// JSON.parse of a 50 MB answer costs several times its size in memory, this walk costs only a
// stack as deep as the nesting. It accepts exactly the bytes whose UTF-8 decoding JSON.parse
// accepts, plus Python's bare NaN, Infinity and -Infinity, which Mage writes (see json.ts). No
// recursion, so a deeply nested answer cannot overflow the call stack.
//
// Working on bytes is exact because everything JSON gives meaning to (structure, whitespace,
// escapes, numbers, words) is ASCII, and a UTF-8 decoder never folds an ASCII byte into another
// character: valid multi-byte characters and invalid sequences (decoded as U+FFFD) are both made
// only of bytes >= 0x80. Such bytes are string content inside a string and an error outside one,
// just as their decoded characters are for JSON.parse.

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
/** 1 for the bytes that stand for themselves inside a string. */
const PLAIN = new Uint8Array(256).fill(1, SPACE)
PLAIN[QUOTE] = 0
PLAIN[BACKSLASH] = 0
/** `]` is `[` + 2 and `}` is `{` + 2. */
const CLOSER_OFFSET = 2

/** Index just after the JSON value that starts at `start` in `bytes` (leading whitespace allowed). Throws SyntaxError (message names the byte position) when the bytes there are not one valid JSON value. */
export function scanJsonValue(bytes: Uint8Array, start = 0): number {
  // The closing byte of every open container, innermost last.
  const closers: number[] = []
  let i = start
  for (;;) {
    i = skipSpace(bytes, i)
    const c = bytes[i]
    if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      const closer = c + CLOSER_OFFSET
      i = skipSpace(bytes, i + 1)
      if (bytes[i] !== closer) {
        closers.push(closer)
        if (c === OPEN_OBJECT) i = scanMemberName(bytes, i)
        continue
      }
      i++
    } else {
      i = scanScalar(bytes, i, c)
    }
    // A value ended at i: close containers until one expects a next element.
    for (;;) {
      const depth = closers.length
      if (depth === 0) return i
      i = skipSpace(bytes, i)
      const next = bytes[i]
      if (next === COMMA) {
        i = skipSpace(bytes, i + 1)
        if (closers[depth - 1] === CLOSE_OBJECT) i = scanMemberName(bytes, i)
        break
      }
      if (next !== closers[depth - 1]) throw unexpected(bytes, i)
      closers.pop()
      i++
    }
  }
}

/** True when all of `bytes` is exactly one JSON value (whitespace around allowed). Never throws. */
export function isValidJson(bytes: Uint8Array): boolean {
  try {
    return skipSpace(bytes, scanJsonValue(bytes)) === bytes.length
  } catch {
    return false
  }
}

/** isValidJson for a string: checks its UTF-8 encoding (lone surrogates become U+FFFD). */
export function isValidJsonText(text: string): boolean {
  return isValidJson(Buffer.from(text, 'utf8'))
}

/** When `bytes` is a single JSON object (whitespace around allowed): every top-level member's value byte range, keyed by the decoded member name; for duplicate names the last wins (as JSON.parse). undefined when the top-level value is valid JSON but not an object. Throws SyntaxError when the bytes are not valid JSON. */
export function topLevelMembers(
  bytes: Uint8Array
): Map<string, { start: number; end: number }> | undefined {
  let i = skipSpace(bytes, 0)
  if (bytes[i] !== OPEN_OBJECT) {
    expectEnd(bytes, scanJsonValue(bytes, i))
    return undefined
  }
  const members = new Map<string, { start: number; end: number }>()
  i = skipSpace(bytes, i + 1)
  if (bytes[i] !== CLOSE_OBJECT) {
    for (;;) {
      if (bytes[i] !== QUOTE) throw unexpected(bytes, i)
      const nameEnd = scanString(bytes, i)
      // Names are short; JSON.parse decodes their escapes exactly as it would.
      const name = JSON.parse(decode(bytes, i, nameEnd)) as string
      const start = scanColon(bytes, nameEnd)
      const end = scanJsonValue(bytes, start)
      members.set(name, { start, end })
      i = skipSpace(bytes, end)
      const next = bytes[i]
      if (next === CLOSE_OBJECT) break
      if (next !== COMMA) throw unexpected(bytes, i)
      i = skipSpace(bytes, i + 1)
    }
  }
  expectEnd(bytes, i + 1)
  return members
}

/** Scans `"name" :` from `i`; returns where the member's value starts (after its whitespace). */
function scanMemberName(bytes: Uint8Array, i: number): number {
  if (bytes[i] !== QUOTE) throw unexpected(bytes, i)
  return scanColon(bytes, scanString(bytes, i))
}

/** Scans the `:` after a member name; returns where the value starts (after its whitespace). */
function scanColon(bytes: Uint8Array, from: number): number {
  const colon = skipSpace(bytes, from)
  if (bytes[colon] !== COLON) throw unexpected(bytes, colon)
  return skipSpace(bytes, colon + 1)
}

function scanScalar(bytes: Uint8Array, i: number, c: number): number {
  switch (c) {
    case QUOTE:
      return scanString(bytes, i)
    case 0x74: // t
      return scanWord(bytes, i, 'true')
    case 0x66: // f
      return scanWord(bytes, i, 'false')
    case 0x6e: // n
      return scanWord(bytes, i, 'null')
    case 0x4e: // N
      return scanWord(bytes, i, 'NaN')
    case 0x49: // I
      return scanWord(bytes, i, 'Infinity')
    default:
      return scanNumber(bytes, i)
  }
}

function scanWord(bytes: Uint8Array, i: number, word: string): number {
  const end = firstDifference(bytes, i, word)
  if (end !== i + word.length) throw unexpected(bytes, end)
  return end
}

/** Scans the string whose opening quote is at `start`; returns the index after its closing quote. */
function scanString(bytes: Uint8Array, start: number): number {
  let i = start + 1
  for (;;) {
    // Any byte from 0x20 but `"` and `\` is content: ASCII, part of a multi-byte character, or an
    // invalid sequence that decodes to U+FFFD. Past the end, PLAIN[undefined] stops the run.
    while (PLAIN[bytes[i]] === 1) i++
    const c = bytes[i]
    if (c === QUOTE) return i + 1
    // A raw control character, or the end of the bytes.
    if (c !== BACKSLASH) throw unexpected(bytes, i)
    i = scanEscape(bytes, i + 1)
  }
}

/** Scans the escape whose letter is at `i` (just after the backslash). */
function scanEscape(bytes: Uint8Array, i: number): number {
  switch (bytes[i]) {
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
        if (!isHexDigit(bytes[k])) throw unexpected(bytes, k)
      }
      return i + 5
    default:
      throw unexpected(bytes, i)
  }
}

/** -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?, or Python's -Infinity. */
function scanNumber(bytes: Uint8Array, start: number): number {
  let i = start
  if (bytes[i] === MINUS) {
    i++
    if (bytes[i] === 0x49) return scanWord(bytes, i, 'Infinity')
  }
  const first = bytes[i]
  if (first === ZERO) i++
  else if (first > ZERO && first <= NINE) i = skipDigits(bytes, i + 1)
  else throw unexpected(bytes, i)
  if (bytes[i] === DOT) i = scanDigits(bytes, i + 1)
  const e = bytes[i]
  if (e === 0x65 || e === 0x45) {
    i++
    const sign = bytes[i]
    if (sign === PLUS || sign === MINUS) i++
    i = scanDigits(bytes, i)
  }
  return i
}

/** One or more digits from `i`. */
function scanDigits(bytes: Uint8Array, i: number): number {
  if (!isDigit(bytes[i])) throw unexpected(bytes, i)
  return skipDigits(bytes, i + 1)
}

function skipDigits(bytes: Uint8Array, from: number): number {
  let i = from
  while (isDigit(bytes[i])) i++
  return i
}

function skipSpace(bytes: Uint8Array, from: number): number {
  let i = from
  for (;;) {
    const c = bytes[i]
    if (c !== SPACE && c !== LF && c !== CR && c !== TAB) return i
    i++
  }
}

function expectEnd(bytes: Uint8Array, from: number): void {
  const end = skipSpace(bytes, from)
  if (end !== bytes.length) throw unexpected(bytes, end)
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
}

function firstDifference(bytes: Uint8Array, i: number, word: string): number {
  let k = 0
  while (k < word.length && bytes[i + k] === word.charCodeAt(k)) k++
  return i + k
}

/** The UTF-8 decoding of `bytes` from `start` to `end`, without copying them first. */
function decode(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8')
}

function unexpected(bytes: Uint8Array, i: number): SyntaxError {
  if (i >= bytes.length) return new SyntaxError(`Unexpected end of JSON input at position ${i}`)
  const b = bytes[i]
  const what = b < 0x80 ? JSON.stringify(String.fromCharCode(b)) : `byte 0x${b.toString(16)}`
  return new SyntaxError(`Unexpected ${what} in JSON at position ${i}`)
}
