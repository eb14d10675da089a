// Session tokens and the secrets derived from them. A Mage session token is a JWT whose payload
// holds the raw database token; both (and the JWT's parts) are masked the moment they arrive.
import type { Secrets } from './secrets.js'
import { isRecord } from './http/json.js'

/** Masks a session token and, when it is a JWT, its payload and the raw token inside it. */
export function maskSessionToken(secrets: Secrets, token: string): void {
  secrets.add(token)
  const parts = token.split('.')
  if (parts.length !== 3) return
  for (const part of parts.slice(1)) secrets.add(part)
  const raw = rawTokenOf(token)
  if (raw) secrets.add(raw)
}

/** The `.token` field of a JWT's payload (read without verifying, as Mage's own UI does). */
export function rawTokenOf(jwt: string): string | undefined {
  const payload = jwt.split('.')[1]
  if (!payload) return undefined
  try {
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown
    return isRecord(decoded) && typeof decoded.token === 'string' ? decoded.token : undefined
  } catch {
    return undefined
  }
}
