import { describe, expect, it } from '@jest/globals'
import {
  OUTPUT_BUDGET_CHARS,
  composeOutput,
  fullOutputPieces,
  redactRaw
} from '../../src/cluster/run-output.js'
import { parseLenientJson } from '../../src/http/json.js'
import { Secrets } from '../../src/secrets.js'

/** Values arrive as the bytes the server sent. */
const bytes = (text: string): Buffer => Buffer.from(text, 'utf8')

describe('composeOutput (budget of SPEC §6)', () => {
  it('keeps one block value as the server wrote it, NaN included', () => {
    const raw = '{"output": [{"ratio": NaN}]}'
    expect(composeOutput([{ block: 'b', raw: bytes(raw) }], false)).toEqual({
      text: raw,
      truncated: false
    })
  })

  it('turns one value that does not fit into null', () => {
    const raw = bytes(`"${'x'.repeat(OUTPUT_BUDGET_CHARS)}"`)
    expect(composeOutput([{ block: 'b', raw }], false)).toEqual({ text: 'null', truncated: true })
  })

  it('fits a value of exactly the budget', () => {
    const raw = bytes(`"${'x'.repeat(OUTPUT_BUDGET_CHARS - 2)}"`)
    expect(composeOutput([{ block: 'b', raw }], false).truncated).toBe(false)
  })

  it('counts the budget in characters, not bytes: a multi-byte value that fits is kept', () => {
    const text = `"${'é'.repeat(OUTPUT_BUDGET_CHARS - 2)}"`
    expect(composeOutput([{ block: 'b', raw: bytes(text) }], false)).toEqual({
      text,
      truncated: false
    })
    const over = bytes(`"${'é'.repeat(OUTPUT_BUDGET_CHARS - 1)}"`)
    expect(composeOutput([{ block: 'b', raw: over }], false).truncated).toBe(true)
  })

  it('gives null, not truncated, for a failed single block', () => {
    expect(composeOutput([{ block: 'b' }], false)).toEqual({ text: 'null', truncated: false })
  })

  it('keys a smoke run by block, failed blocks null', () => {
    const out = composeOutput(
      [
        { block: 'load', raw: bytes('{"output": [1]}') },
        { block: 'raise', raw: undefined },
        { block: 'he said "hi"', raw: bytes('[]') }
      ],
      true
    )
    expect(out.truncated).toBe(false)
    expect(out.text).toBe('{"load":{"output": [1]},"raise":null,"he said \\"hi\\"":[]}')
    expect(JSON.parse(out.text)).toEqual({ load: { output: [1] }, raise: null, 'he said "hi"': [] })
  })

  it('keeps blocks in order while they fit and makes the rest null', () => {
    const budget = 100
    const out = composeOutput(
      [
        { block: 'a', raw: bytes('"' + 'a'.repeat(30) + '"') },
        { block: 'b', raw: bytes('"' + 'b'.repeat(60) + '"') },
        { block: 'c', raw: bytes('1') }
      ],
      true,
      budget
    )
    expect(out.truncated).toBe(true)
    expect(JSON.parse(out.text)).toEqual({ a: 'a'.repeat(30), b: null, c: null })
    expect(out.text.length).toBeLessThanOrEqual(budget)
  })

  it('stays within the budget and valid JSON for any mix of sizes', () => {
    const sizes = [10, 5000, 120_000, 3, 130_000, 7, 90_000]
    const values = sizes.map((size, i) => ({ block: `b${i}`, raw: bytes(`"${'v'.repeat(size)}"`) }))
    const out = composeOutput(values, true)
    expect(out.text.length).toBeLessThanOrEqual(OUTPUT_BUDGET_CHARS)
    const parsed = JSON.parse(out.text) as Record<string, unknown>
    expect(Object.keys(parsed)).toEqual(values.map(v => v.block))
    expect(parsed.b0).toBe('v'.repeat(10))
    expect(parsed.b4).toBeNull()
    expect(out.truncated).toBe(true)
  })

  it('keeps NaN in a smoke run and the lenient parser reads it', () => {
    const out = composeOutput([{ block: 'n', raw: bytes('{"x": NaN}') }], true)
    expect(out.text).toBe('{"n":{"x": NaN}}')
    expect(parseLenientJson(out.text)).toEqual({ n: { x: null } })
  })
})

describe('fullOutputPieces', () => {
  const joined = (pieces: (string | Buffer)[]): string =>
    Buffer.concat(
      pieces.map(piece => (typeof piece === 'string' ? bytes(piece) : piece))
    ).toString()

  it('holds everything, never cut, the values as the very bytes given', () => {
    const raw = bytes(`"${'x'.repeat(3_000_000)}"`)
    expect(fullOutputPieces([{ block: 'b', raw }], false)).toEqual([raw])
    expect(fullOutputPieces([{ block: 'b', raw }], false)[0]).toBe(raw)
    const keyed = fullOutputPieces([{ block: 'b', raw }, { block: 'c' }], true)
    expect(joined(keyed)).toBe(`{"b":${raw.toString()},"c":null}`)
    expect(keyed).toContain(raw)
  })
})

describe('redactRaw', () => {
  const secrets = (...values: string[]): Secrets => {
    const known = new Secrets(() => undefined)
    for (const value of values) known.add(value)
    return known
  }

  it('leaves a value without secrets untouched: the same bytes', () => {
    const raw = bytes('{"a": NaN, "ü": "😀"}')
    expect(redactRaw(raw, secrets('s3cr3t-t0ken'))).toBe(raw)
  })

  it('masks a secret inside a string, also beside multi-byte characters', () => {
    const raw = bytes('{"token": "é s3cr3t-t0ken 😀"}')
    expect(redactRaw(raw, secrets('s3cr3t-t0ken')).toString()).toBe('{"token": "é *** 😀"}')
  })

  it('gives null when masking would break the JSON', () => {
    expect(redactRaw(bytes('{"n": 12345678}'), secrets('12345678')).toString()).toBe('null')
  })
})
