import { describe, expect, it } from '@jest/globals'
import {
  OUTPUT_BUDGET_CHARS,
  composeOutput,
  fullOutput,
  redactRaw
} from '../../src/cluster/run-output.js'
import { parseLenientJson } from '../../src/http/json.js'

describe('composeOutput (budget of SPEC §6)', () => {
  it('keeps one block value as the server wrote it, NaN included', () => {
    const raw = '{"output": [{"ratio": NaN}]}'
    expect(composeOutput([{ block: 'b', raw }], false)).toEqual({ text: raw, truncated: false })
  })

  it('turns one value that does not fit into null', () => {
    const raw = `"${'x'.repeat(OUTPUT_BUDGET_CHARS)}"`
    expect(composeOutput([{ block: 'b', raw }], false)).toEqual({ text: 'null', truncated: true })
  })

  it('fits a value of exactly the budget', () => {
    const raw = `"${'x'.repeat(OUTPUT_BUDGET_CHARS - 2)}"`
    expect(composeOutput([{ block: 'b', raw }], false).truncated).toBe(false)
  })

  it('gives null, not truncated, for a failed single block', () => {
    expect(composeOutput([{ block: 'b' }], false)).toEqual({ text: 'null', truncated: false })
  })

  it('keys a smoke run by block, failed blocks null', () => {
    const out = composeOutput(
      [
        { block: 'load', raw: '{"output": [1]}' },
        { block: 'raise', raw: undefined },
        { block: 'he said "hi"', raw: '[]' }
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
        { block: 'a', raw: '"' + 'a'.repeat(30) + '"' },
        { block: 'b', raw: '"' + 'b'.repeat(60) + '"' },
        { block: 'c', raw: '1' }
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
    const values = sizes.map((size, i) => ({ block: `b${i}`, raw: `"${'v'.repeat(size)}"` }))
    const out = composeOutput(values, true)
    expect(out.text.length).toBeLessThanOrEqual(OUTPUT_BUDGET_CHARS)
    const parsed = JSON.parse(out.text) as Record<string, unknown>
    expect(Object.keys(parsed)).toEqual(values.map(v => v.block))
    expect(parsed.b0).toBe('v'.repeat(10))
    expect(parsed.b4).toBeNull()
    expect(out.truncated).toBe(true)
  })

  it('keeps NaN in a smoke run and the lenient parser reads it', () => {
    const out = composeOutput([{ block: 'n', raw: '{"x": NaN}' }], true)
    expect(out.text).toBe('{"n":{"x": NaN}}')
    expect(parseLenientJson(out.text)).toEqual({ n: { x: null } })
  })
})

describe('fullOutput', () => {
  it('holds everything, never cut', () => {
    const raw = `"${'x'.repeat(3_000_000)}"`
    expect(fullOutput([{ block: 'b', raw }], false)).toBe(raw)
    expect(fullOutput([{ block: 'b', raw }, { block: 'c' }], true)).toBe(`{"b":${raw},"c":null}`)
  })
})

describe('redactRaw', () => {
  const redact = (text: string): string => text.split('s3cr3t-t0ken').join('***')

  it('leaves a value without secrets untouched', () => {
    expect(redactRaw('{"a": NaN}', redact)).toBe('{"a": NaN}')
  })

  it('masks a secret inside a string', () => {
    expect(redactRaw('{"token": "s3cr3t-t0ken"}', redact)).toBe('{"token": "***"}')
  })

  it('gives null when masking would break the JSON', () => {
    const digits = (text: string): string => text.split('12345').join('***')
    expect(redactRaw('{"n": 12345}', digits)).toBe('null')
  })
})
