import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { writeTextPieces } from '../../src/report/write-pieces.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-pieces-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function written(pieces: (string | Buffer)[]): Promise<Buffer> {
  const file = path.join(dir, 'out.json')
  await writeTextPieces(file, pieces)
  return fs.readFileSync(file)
}

describe('writeTextPieces', () => {
  it('writes exactly the UTF-8 bytes of the joined pieces', async () => {
    const pieces = ['{', '"b":', '"héllo 😀 wörld ✓ 😀😀"', ',"c":', 'null', '}', '']
    const expected = Buffer.from(pieces.join(''), 'utf8')
    expect((await written(pieces)).equals(expected)).toBe(true)
  })

  it('writes a large text byte for byte', async () => {
    const big = '😀'.repeat(300_000) + 'x'.repeat(1_500_000)
    const bytes = await written(['[', big, ']'])
    expect(bytes.equals(Buffer.from(`[${big}]`, 'utf8'))).toBe(true)
  })

  it('writes byte pieces exactly as given, between text pieces', async () => {
    // Not valid UTF-8 on purpose: the bytes the server sent are kept, never decoded.
    const value = Buffer.from([0x22, 0xff, 0xfe, 0xc3, 0xa9, 0x22])
    const bytes = await written(['{"b":', value, ',"c":', Buffer.from('[1]'), '}'])
    const expected = Buffer.concat([Buffer.from('{"b":'), value, Buffer.from(',"c":[1]}')])
    expect(bytes.equals(expected)).toBe(true)
  })

  it('replaces what the file held before', async () => {
    await written(['a much longer first text'])
    expect((await written(['short'])).toString('utf8')).toBe('short')
  })
})
