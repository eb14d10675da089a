import { describe, expect, it } from '@jest/globals'
import { MageApiError } from '../../src/errors.js'
import { interpretResponse, interpretResponseKeeping } from '../../src/http/envelope.js'

const context = {
  api: 'cluster' as const,
  method: 'POST',
  logPath: '/api/runs',
  redact: (text: string) => text
}

function keep(body: string, status = 200): { body: unknown; run: string | undefined } {
  const kept = interpretResponseKeeping({ status, body, headers: {} }, context, ['run'])
  return { body: kept.body, run: kept.raw.get('run')?.toString('utf8') }
}

function failure(body: string, status = 200): MageApiError {
  try {
    keep(body, status)
  } catch (error) {
    if (error instanceof MageApiError) return error
    throw error
  }
  throw new Error('expected a MageApiError')
}

describe('interpretResponseKeeping: the `run` member as the server wrote it', () => {
  it.each([
    ['{"run": {"output": [1, 2]}}', '{"output": [1, 2]}'],
    [
      '{"run": {"output": [{"ratio": NaN, "max": Infinity, "min": -Infinity}]}}',
      '{"output": [{"ratio": NaN, "max": Infinity, "min": -Infinity}]}'
    ],
    ['  {\n "run" :\t[1,2.50,3e2] \n}  ', '[1,2.50,3e2]'],
    ['{"other": "x", "run": "text"}', '"text"'],
    ['{"run": null}', 'null'],
    ['{"run": -1.5e-3}', '-1.5e-3'],
    ['{"run": true, "metadata": null}', 'true'],
    // Strings hiding structure: braces, quotes, escapes.
    ['{"a": "}{\\"run\\": 1", "run": {"s": "]\\\\"}}', '{"s": "]\\\\"}'],
    ['{"\\u0072un": [1]}', '[1]'],
    ['{"run": [1], "run": [2]}', '[2]'],
    ['{"nested": {"run": 1}, "run": 2}', '2'],
    ['{"run": {"emoji": "😀 ü"}}', '{"emoji": "😀 ü"}']
  ])('keeps the raw value in %j', (text, expected) => {
    expect(keep(text).run).toBe(expected)
  })

  it('parses the other members as interpretResponse does, without the kept one', () => {
    const text = '{"run": {"x": NaN}, "metadata": {"ratio": NaN, "n": 2}, "__proto__": {"p": 1}}'
    const { body } = keep(text)
    const whole = interpretResponse({ status: 200, body: text, headers: {} }, context) as Record<
      string,
      unknown
    >
    delete whole.run
    expect(body).toEqual(whole)
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype)
    expect(Object.keys(body as object)).toEqual(['metadata', '__proto__'])
  })

  it.each([['{"output": [1]}'], ['{"nested": {"run": 1}}'], ['[{"run": 1}]'], ['{}'], ['"run"']])(
    'keeps nothing from %j',
    text => {
      expect(keep(text).run).toBeUndefined()
    }
  )

  it.each([['{"run": '], ['{"run": {"a": 1}'], ['{"run": "unterminated}'], ['{"run": 1} x']])(
    'refuses the invalid %j as not JSON, like interpretResponse',
    text => {
      expect(failure(text).fields.kind).toBe('not_json')
    }
  )

  it('still turns an error envelope into a MageApiError', () => {
    const error = failure('{"error": {"code": 500, "exception": "boom", "message": "tb"}}')
    expect(error.fields.kind).toBe('envelope')
    expect(error.fields.exception).toBe('boom')
  })

  it('keeps a 3 MB value without parsing it, in linear time', () => {
    const big = `[${Array.from({ length: 30_000 }, (_, i) => `{"id": ${i}, "p": "${'x'.repeat(90)}"}`).join(', ')}]`
    const started = Date.now()
    expect(keep(`{"run": ${big}}`).run).toBe(big)
    expect(Date.now() - started).toBeLessThan(2000)
  })
})
