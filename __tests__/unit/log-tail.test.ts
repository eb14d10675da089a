import { describe, expect, it } from '@jest/globals'
import { tailLines } from '../../src/cluster/log-tail.js'

describe('tailLines', () => {
  it('keeps the last lines across files, blank lines dropped', () => {
    const limits = { lines: 3, lineChars: 100, totalChars: 1000 }
    expect(tailLines(['a\nb\n\n', 'c\r\nd\n'], limits)).toBe('b\nc\nd')
  })

  it('cuts long lines', () => {
    const limits = { lines: 5, lineChars: 5, totalChars: 1000 }
    expect(tailLines(['0123456789'], limits)).toBe('0123…')
  })

  it('bounds the total, keeping the newest lines', () => {
    const limits = { lines: 100, lineChars: 100, totalChars: 12 }
    expect(tailLines(['first\nsecond\nthird'], limits)).toBe('third')
  })

  it('bounds a flood with the defaults', () => {
    const flood = Array.from({ length: 10_000 }, (_, i) => `line ${i} ${'x'.repeat(1000)}`).join(
      '\n'
    )
    const tail = tailLines([flood])
    expect(tail.length).toBeLessThanOrEqual(4000)
    expect(tail.split('\n').length).toBeLessThanOrEqual(30)
    expect(tail).toContain('line 9999')
  })

  it('gives an empty text for no logs', () => {
    expect(tailLines([])).toBe('')
  })
})
