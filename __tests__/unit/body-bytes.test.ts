import { describe, expect, it } from '@jest/globals'
import { BodyBytes } from '../../src/http/body-bytes.js'

const MAX = 1024

function collect(announced: string | undefined, chunks: Buffer[]): string {
  const bytes = new BodyBytes(announced, MAX)
  for (const chunk of chunks) bytes.add(chunk)
  expect(bytes.length).toBe(chunks.reduce((sum, chunk) => sum + chunk.length, 0))
  return bytes.bytes().toString('utf8')
}

describe('BodyBytes', () => {
  const text = 'héllo wörld — ✓ 😀'
  const utf8 = Buffer.from(text, 'utf8')
  // Every split, also inside a multi-byte character: bytes are decoded only at the end.
  const splits = Array.from({ length: utf8.length + 1 }, (_, at) => [
    utf8.subarray(0, at),
    utf8.subarray(at)
  ])

  it('decodes the bytes whatever the chunking, with the length announced', () => {
    for (const chunks of splits) expect(collect(String(utf8.length), chunks)).toBe(text)
  })

  it('decodes the bytes without an announced length', () => {
    for (const chunks of splits) expect(collect(undefined, chunks)).toBe(text)
  })

  it('keeps every byte when the server sends more than it announced', () => {
    for (const chunks of splits) expect(collect('5', chunks)).toBe(text)
  })

  it('returns what arrived when less than announced came', () => {
    expect(collect('100', [Buffer.from('abc')])).toBe('abc')
  })

  it('gives the bytes whatever an odd or oversized announced length says', () => {
    for (const announced of ['', 'abc', '-5', '1.5', '1e3', String(MAX + 1)]) {
      expect(collect(announced, [Buffer.from('abc'), Buffer.from('def')])).toBe('abcdef')
    }
  })
})
