// Writes a file made of pieces: runs of text (block names, punctuation) joined and encoded, and
// bytes (a block's output, up to 50 MB) as they are, never copied. Everything goes out in one
// writev where the system allows: a write per piece cost a 100-block smoke run 200 writes.
import { type FileHandle, open } from 'node:fs/promises'

/** writev takes at most IOV_MAX buffers per call: 1024 on Linux and macOS. */
const MAX_BUFFERS_PER_WRITE = 1024

export async function writeTextPieces(
  file: string,
  pieces: readonly (string | Uint8Array)[]
): Promise<void> {
  const buffers = asBuffers(pieces)
  const handle = await open(file, 'w')
  try {
    for (let from = 0; from < buffers.length; from += MAX_BUFFERS_PER_WRITE) {
      await writeAll(handle, buffers.slice(from, from + MAX_BUFFERS_PER_WRITE))
    }
  } finally {
    await handle.close()
  }
}

function asBuffers(pieces: readonly (string | Uint8Array)[]): Uint8Array[] {
  const buffers: Uint8Array[] = []
  let text = ''
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      text += piece
      continue
    }
    if (text !== '') buffers.push(Buffer.from(text, 'utf8'))
    text = ''
    if (piece.length > 0) buffers.push(piece)
  }
  if (text !== '') buffers.push(Buffer.from(text, 'utf8'))
  return buffers
}

/** writev may write less than asked (a signal, a nearly full disk): the rest follows. */
export async function writeAll(
  handle: Pick<FileHandle, 'write' | 'writev'>,
  buffers: readonly Uint8Array[]
): Promise<void> {
  let written = (await handle.writev([...buffers])).bytesWritten
  for (const buffer of buffers) {
    if (written >= buffer.length) {
      written -= buffer.length
      continue
    }
    for (let done = written; done < buffer.length;) {
      done += (await handle.write(buffer, done, buffer.length - done)).bytesWritten
    }
    written = 0
  }
}
