// Quotes a short, non-secret input value for an error message: cut, one line, never huge.

const MAX_SHOWN = 40

/** `'value'`, at most 40 characters, control characters escaped. Only for non-secret inputs. */
export function showValue(raw: string): string {
  const cut = raw.length > MAX_SHOWN ? `${raw.slice(0, MAX_SHOWN)}…` : raw
  return `'${JSON.stringify(cut).slice(1, -1)}'`
}
