// Collects an answer's bytes. When the server announces the length (Content-Length), into one
// buffer of that size: a 50 MB answer then takes 50 MB while it arrives, not 50 MB of chunks
// plus 50 MB more while they are joined.

export class BodyBytes {
  private readonly chunks: Buffer[] = []
  private buffer: Buffer | undefined
  private size = 0

  /** `announced`: the Content-Length header, if any; `max`: the largest answer taken. */
  constructor(announced: string | undefined, max: number) {
    const length = announced === undefined ? NaN : Number(announced)
    if (Number.isSafeInteger(length) && length > 0 && length <= max) {
      this.buffer = Buffer.allocUnsafe(length)
    }
  }

  get length(): number {
    return this.size
  }

  add(chunk: Buffer): void {
    if (this.buffer && this.size + chunk.length <= this.buffer.length) {
      chunk.copy(this.buffer, this.size)
    } else {
      // More than announced (a lying header): fall back to a list of chunks.
      if (this.buffer) this.chunks.push(this.buffer.subarray(0, this.size))
      this.buffer = undefined
      this.chunks.push(chunk)
    }
    this.size += chunk.length
  }

  bytes(): Buffer {
    if (this.buffer) return this.buffer.subarray(0, this.size)
    return Buffer.concat(this.chunks, this.size)
  }
}
