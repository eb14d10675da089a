// Every secret is masked the moment it is known, and every text built from a server answer is
// redacted before use, so no secret reaches a log line, an output, the summary or an error.

export const REDACTED = '***'

/**
 * The runner registers each line of a mask on its own, short ones included: a `}` line would
 * blank every `}` in the job's logs. So a multi-line secret is masked line by line, and only
 * its lines of at least this many characters.
 */
export const MIN_MASKED_LINE_LENGTH = 8

export class Secrets {
  /** Values given to add(), and what was masked, so nothing is done twice. */
  private readonly added = new Set<string>()
  private readonly masked = new Set<string>()
  /** What redact() replaces: every value, its long lines, and their encoded forms. */
  private readonly values = new Set<string>()
  /** `values` longest first, and as UTF-8 bytes: built once per add(), not on every check. */
  private longestFirst: string[] = []
  private asBytes: Buffer[] = []
  private readonly mask: (value: string) => void

  constructor(mask: (value: string) => void) {
    this.mask = mask
  }

  /** Masks `value` in the runner's logs and remembers it (and its encoded forms) for redact(). */
  add(value: string | undefined): void {
    if (!value || this.added.has(value)) return
    this.added.add(value)
    const lines = linesOf(value)
    for (const part of lines ?? [value]) {
      if (this.masked.has(part)) continue
      this.masked.add(part)
      this.mask(part)
    }
    for (const form of [value, ...(lines ?? [])].flatMap(encodedForms)) this.values.add(form)
    this.longestFirst = [...this.values].sort((a, b) => b.length - a.length)
    this.asBytes = this.longestFirst.map(form => Buffer.from(form, 'utf8'))
  }

  /** Replaces every known secret in `text`, longest first (one secret may contain another). */
  redact(text: string): string {
    let out = text
    for (const secret of this.longestFirst) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED)
    }
    return out
  }

  /** Whether any known secret (or encoded form) occurs in `bytes`, read as UTF-8. */
  foundIn(bytes: Buffer): boolean {
    for (const secret of this.asBytes) {
      if (bytes.includes(secret)) return true
    }
    return false
  }

  has(value: string): boolean {
    return this.values.has(value)
  }
}

/** The long lines of a multi-line value (trimmed, as the runner trims them); else undefined. */
function linesOf(value: string): string[] | undefined {
  if (!/[\r\n]/.test(value)) return undefined
  return [
    ...new Set(
      value
        .split(/\r?\n|\r/)
        .map(line => line.trim())
        .filter(line => line.length >= MIN_MASKED_LINE_LENGTH)
    )
  ]
}

function encodedForms(value: string): string[] {
  const forms = [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]
  return forms.filter(form => form.length > 0)
}
