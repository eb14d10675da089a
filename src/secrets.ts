// Every secret is masked the moment it is known, and every text built from a server answer is
// redacted before use, so no secret reaches a log line, an output, the summary or an error.

export const REDACTED = '***'

export class Secrets {
  private readonly values = new Set<string>()
  private readonly mask: (value: string) => void

  constructor(mask: (value: string) => void) {
    this.mask = mask
  }

  /** Masks `value` in the runner's logs and remembers it (and its encoded forms) for redact(). */
  add(value: string | undefined): void {
    if (!value || this.values.has(value)) return
    this.mask(value)
    for (const form of encodedForms(value)) this.values.add(form)
  }

  /** Replaces every known secret in `text`, longest first (one secret may contain another). */
  redact(text: string): string {
    let out = text
    const known = [...this.values].sort((a, b) => b.length - a.length)
    for (const secret of known) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED)
    }
    return out
  }

  has(value: string): boolean {
    return this.values.has(value)
  }
}

function encodedForms(value: string): string[] {
  const forms = [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]
  return forms.filter(form => form.length > 0)
}
