// Writes a file made of pieces: text, gathered and encoded through one reused buffer, and bytes
// (a block's 50 MB output), written as they are. No copy of the whole is ever made.
import { type FileHandle, open } from 'node:fs/promises'

/** Characters encoded per write at most. */
export const SLICE_CHARS = 1 << 20
/** UTF-8 takes at most 3 bytes per UTF-16 code unit. */
const BYTES_PER_CHAR = 3

export async function writeTextPieces(
  file: string,
  pieces: readonly (string | Uint8Array)[],
  sliceChars = SLICE_CHARS
): Promise<void> {
  const texts = pieces.filter(piece => typeof piece === 'string')
  const total = texts.reduce((sum, piece) => sum + piece.length, 0)
  // +1: a slice may take a surrogate pair's second half along.
  const buffer = Buffer.allocUnsafe(BYTES_PER_CHAR * (Math.min(total, sliceChars) + 1))
  let used = 0
  const handle = await open(file, 'w')
  const flush = async (): Promise<void> => {
    if (used > 0) await handle.write(buffer, 0, used)
    used = 0
  }
  try {
    for (const piece of pieces) {
      if (typeof piece !== 'string') {
        await flush()
        await writeAll(handle, piece)
        continue
      }
      for (let start = 0; start < piece.length;) {
        const end = sliceEnd(piece, start, sliceChars)
        if (buffer.length - used < BYTES_PER_CHAR * (end - start)) await flush()
        used += buffer.write(piece.slice(start, end), used, 'utf8')
        start = end
      }
    }
    await flush()
  } finally {
    await handle.close()
  }
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let done = 0; done < bytes.length;) {
    done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten
  }
}

/** Never between the two halves of a surrogate pair: each half alone would be written as U+FFFD. */
function sliceEnd(text: string, start: number, sliceChars: number): number {
  const end = Math.min(text.length, start + sliceChars)
  const last = text.charCodeAt(end - 1)
  if (end === text.length || last < 0xd800 || last > 0xdbff) return end
  // A high surrogate last: leave it for the next slice, or take its pair along when alone.
  return end - 1 > start ? end - 1 : end + 1
}
