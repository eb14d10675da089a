import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { writeTextPieces } from '../../src/report/write-pieces.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-pieces-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function written(pieces: string[], sliceChars?: number): Promise<Buffer> {
  const file = path.join(dir, 'out.json')
  await writeTextPieces(file, pieces, sliceChars)
  return fs.readFileSync(file)
}

describe('writeTextPieces', () => {
  it('writes exactly the UTF-8 bytes of the joined pieces, whatever the slice size', async () => {
    const pieces = ['{', '"b":', '"héllo 😀 wörld ✓ 😀😀"', ',"c":', 'null', '}', '']
    const expected = Buffer.from(pieces.join(''), 'utf8')
    // Small slices cut everywhere, also between the halves of a surrogate pair.
    for (const sliceChars of [1, 2, 3, 4, 5, 7, 1 << 20]) {
      expect((await written(pieces, sliceChars)).equals(expected)).toBe(true)
    }
  })

  it('writes a value larger than a slice in several writes, byte for byte', async () => {
    const big = '😀'.repeat(300_000) + 'x'.repeat(1_500_000)
    const bytes = await written(['[', big, ']'])
    expect(bytes.equals(Buffer.from(`[${big}]`, 'utf8'))).toBe(true)
  })

  it('replaces what the file held before', async () => {
    await written(['a much longer first text'])
    expect((await written(['short'])).toString('utf8')).toBe('short')
  })
})
