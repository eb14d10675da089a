// Serialises JSON the way the cluster's Python (simplejson.dumps, ignore_nan=True) writes it:
// ", " and ": " separators, non-ASCII escaped as \uXXXX, NaN/Infinity as null. Clients
// that compare bytes or parse with a strict parser then see what a real server sends.

export function pyJson(value) {
  if (value === null || value === undefined) return 'null'
  switch (typeof value) {
    case 'string':
      return pyString(value)
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null'
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object':
      if (Array.isArray(value)) return `[${value.map(pyJson).join(', ')}]`
      if (value instanceof Date) return pyString(value.toISOString())
      return `{${Object.entries(value)
        .filter(([, inner]) => inner !== undefined)
        .map(([key, inner]) => `${pyString(key)}: ${pyJson(inner)}`)
        .join(', ')}}`
    default:
      return 'null'
  }
}

export function pyString(text) {
  return JSON.stringify(text).replace(
    /[\u007f-\uffff]/g,
    char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

export function pyJsonResponse(status, value, headers = {}) {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: pyJson(value)
  }
}
