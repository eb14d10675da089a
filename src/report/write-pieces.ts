// Writes a file made of pieces: runs of text (block names, punctuation) joined and encoded in one
// write, and bytes (a block's output, up to 50 MB) written as they are, never copied.
import { type FileHandle, open } from 'node:fs/promises'

export async function writeTextPieces(
  file: string,
  pieces: readonly (string | Uint8Array)[]
): Promise<void> {
  const handle = await open(file, 'w')
  try {
    let text = ''
    for (const piece of pieces) {
      if (typeof piece === 'string') {
        text += piece
        continue
      }
      await writeAll(handle, Buffer.from(text, 'utf8'))
      text = ''
      await writeAll(handle, piece)
    }
    await writeAll(handle, Buffer.from(text, 'utf8'))
  } finally {
    await handle.close()
  }
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let done = 0; done < bytes.length;) {
    done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten
  }
}
