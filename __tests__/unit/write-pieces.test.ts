import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { writeAll, writeTextPieces } from '../../src/report/write-pieces.js'

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

  it('writes more pieces than one writev takes (a 1,500-block smoke run), in order', async () => {
    const pieces: (string | Buffer)[] = ['{']
    for (let i = 0; i < 1500; i++) {
      pieces.push(`${i === 0 ? '' : ','}"b${i}":`, Buffer.from(`{"n":${i}}`))
    }
    pieces.push('}')
    const bytes = await written(pieces)
    const expected = Buffer.concat(pieces.map(p => (typeof p === 'string' ? Buffer.from(p) : p)))
    expect(bytes.equals(expected)).toBe(true)
    const parsed = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>
    expect(Object.keys(parsed)).toHaveLength(1500)
  })
})

describe('writeAll', () => {
  it('writes what a short writev left, from where it stopped', async () => {
    const out: Buffer[] = []
    const handle = {
      // Takes the first 7 bytes only, as a write interrupted by a signal would.
      writev: (buffers: Uint8Array[]) => {
        out.push(Buffer.concat(buffers).subarray(0, 7))
        return Promise.resolve({ bytesWritten: 7, buffers })
      },
      // Takes at most 3 bytes a call.
      write: (buffer: Uint8Array, offset: number, length: number) => {
        const taken = Math.min(3, length)
        out.push(Buffer.from(buffer.subarray(offset, offset + taken)))
        return Promise.resolve({ bytesWritten: taken, buffer })
      }
    }
    const buffers = [Buffer.from('abcd'), Buffer.from('efghij'), Buffer.from('klmnopq')]
    await writeAll(handle as never, buffers)
    expect(Buffer.concat(out).toString()).toBe('abcdefghijklmnopq')
  })
})
