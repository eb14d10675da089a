// Writes text made of pieces (a block's 50 MB output among them) to a file through one reused
// buffer: small pieces are gathered into one write, big ones are encoded a slice at a time.
// No copy of the whole text is made, and no garbage per slice for the collector to catch up
// with while a big output is held.
import { open } from 'node:fs/promises'

/** Characters encoded per write at most. */
export const SLICE_CHARS = 1 << 20
/** UTF-8 takes at most 3 bytes per UTF-16 code unit. */
const BYTES_PER_CHAR = 3

export async function writeTextPieces(
  file: string,
  pieces: readonly string[],
  sliceChars = SLICE_CHARS
): Promise<void> {
  const total = pieces.reduce((sum, piece) => sum + piece.length, 0)
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

/** Never between the two halves of a surrogate pair: each half alone would be written as U+FFFD. */
function sliceEnd(text: string, start: number, sliceChars: number): number {
  const end = Math.min(text.length, start + sliceChars)
  const last = text.charCodeAt(end - 1)
  if (end === text.length || last < 0xd800 || last > 0xdbff) return end
  // A high surrogate last: leave it for the next slice, or take its pair along when alone.
  return end - 1 > start ? end - 1 : end + 1
}
