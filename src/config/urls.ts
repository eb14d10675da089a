// Base URLs (`cluster-url`, `cloud-api-url`), normalised so paths can be appended.
// A URL may carry credentials, so no message here ever echoes it.
import { ConfigError } from '../errors.js'

export interface BaseUrlOptions {
  /** `cluster-url`: a trailing `/api` is removed too, since the client appends it. */
  readonly stripApiSuffix: boolean
}

const EXAMPLE = 'give one like https://host or https://host/base-path'
// `user:pass@host`, or a bare `@host`, in the authority (before the first `/`, `\`, `?`, `#`).
const AUTHORITY_WITH_AT = /^[A-Za-z][A-Za-z0-9+.-]*:[/\\]*[^/\\?#]*@/

/** `https://host[:port][/base-path]`, without a trailing `/` (nor, optionally, `/api`). */
export function parseBaseUrl(input: string, raw: string, options: BaseUrlOptions): string {
  const text = raw.trim()
  if (text === '') throw new ConfigError(input, `is empty: ${EXAMPLE}`)
  if (/\s/.test(text)) throw new ConfigError(input, 'must not contain spaces or line breaks')
  if (AUTHORITY_WITH_AT.test(text)) {
    throw new ConfigError(input, 'contains credentials (user:pass@): give them in their own inputs')
  }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new ConfigError(input, `is not a valid URL: ${EXAMPLE}`)
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError(input, 'contains credentials (user:pass@): give them in their own inputs')
  }
  const secure = url.protocol === 'https:'
  if (!secure && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new ConfigError(
      input,
      'must start with https:// (http:// is allowed only for localhost, 127.0.0.0/8 and ::1)'
    )
  }
  // `?` and `#` are checked in the text too: URL drops an empty query or fragment silently.
  if (url.search !== '' || text.includes('?')) {
    throw new ConfigError(input, `must not contain a query (?…): ${EXAMPLE}`)
  }
  if (url.hash !== '' || text.includes('#')) {
    throw new ConfigError(input, `must not contain a fragment (#…): ${EXAMPLE}`)
  }
  let path = url.pathname.replace(/\/+$/, '')
  if (options.stripApiSuffix && path.endsWith('/api')) path = path.slice(0, -4).replace(/\/+$/, '')
  return `${url.protocol}//${url.host}${path}`
}

/** SPEC §6: `localhost`, `127.0.0.0/8` and `::1`. URL has already normalised the hostname. */
export function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    hostname === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  )
}
