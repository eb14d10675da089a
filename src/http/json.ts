// Mage serialises with Python's json, which writes NaN, Infinity and -Infinity bare. Those are
// not JSON; for reading the answer they become null (the raw text stays what the server sent).

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

/** Parses JSON, accepting Python's bare NaN/Infinity/-Infinity as null. Throws SyntaxError. */
export function parseLenientJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    const patched = replacePythonConstants(text)
    if (patched === text) throw error
    return JSON.parse(patched) as unknown
  }
}

/** Replaces NaN / Infinity / -Infinity tokens outside strings by null. */
export function replacePythonConstants(text: string): string {
  let out = ''
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (inString) {
      out += ch
      if (ch === '\\') {
        out += text[i + 1] ?? ''
        i++
      } else if (ch === '"') {
        inString = false
      }
      continue
    }
    if (ch === '"') {
      inString = true
      out += ch
      continue
    }
    const token = ['-Infinity', 'Infinity', 'NaN'].find(t => text.startsWith(t, i))
    if (token) {
      out += 'null'
      i += token.length - 1
      continue
    }
    out += ch
  }
  return out
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
