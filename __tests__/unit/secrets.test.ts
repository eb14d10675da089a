import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { REDACTED, Secrets } from '../../src/secrets.js'

function recording(): { secrets: Secrets; masked: string[] } {
  const masked: string[] = []
  return { secrets: new Secrets(value => masked.push(value)), masked }
}

describe('Secrets', () => {
  it('finds a secret, or an encoded form of it, in bytes read as UTF-8', () => {
    const secrets = new Secrets(() => undefined)
    secrets.add('pässwörd-1234')
    expect(secrets.foundIn(Buffer.from('{"p": "x pässwörd-1234 y"}'))).toBe(true)
    expect(secrets.foundIn(Buffer.from(`{"p": "${encodeURIComponent('pässwörd-1234')}"}`))).toBe(
      true
    )
    expect(secrets.foundIn(Buffer.from('{"p": "pässwörd-123"}'))).toBe(false)
    expect(secrets.foundIn(Buffer.alloc(0))).toBe(false)
  })

  it('masks a single-line secret whole, whatever its length, once', () => {
    const { secrets, masked } = recording()
    secrets.add('pw')
    secrets.add('pw')
    secrets.add('a-longer-secret')
    expect(masked).toEqual(['pw', 'a-longer-secret'])
  })

  // The runner registers each line of a mask on its own: `}` would blank every `}` in the logs.
  it('masks a multi-line secret line by line, never a short line', () => {
    const { secrets, masked } = recording()
    secrets.add('{\n  "key": "a-long-secret-value"\r\n}\n-----END KEY-----')
    expect(masked).toEqual(['"key": "a-long-secret-value"', '-----END KEY-----'])
    expect(masked.every(value => !/[\r\n]/.test(value))).toBe(true)
  })

  it('redacts the whole value and each long line of it', () => {
    const { secrets } = recording()
    const value = 'first-line-secret\nsecond-line-secret'
    secrets.add(value)
    expect(secrets.redact(`a ${value} b`)).toBe(`a ${REDACTED} b`)
    expect(secrets.redact('only second-line-secret here')).toBe(`only ${REDACTED} here`)
  })

  // A value equal to the encoded form of an earlier one is a secret of its own.
  it('masks a value that equals the encoded form of another', () => {
    const { secrets, masked } = recording()
    secrets.add('pass word 1')
    secrets.add('pass%20word%201')
    expect(masked).toEqual(['pass word 1', 'pass%20word%201'])
  })

  it('redacts JSON-escaped and URL-encoded forms', () => {
    const { secrets } = recording()
    secrets.add('a "quoted" & spaced secret')
    expect(secrets.redact('{"v":"a \\"quoted\\" & spaced secret"}')).toBe(`{"v":"${REDACTED}"}`)
    expect(secrets.redact('/x?q=a%20%22quoted%22%20%26%20spaced%20secret')).toBe(`/x?q=${REDACTED}`)
  })

  it('never leaves a long secret in redacted text', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 8, maxLength: 40 }).filter(s => !s.includes(REDACTED)),
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        (secret, before, after) => {
          const { secrets } = recording()
          secrets.add(secret)
          return !secrets.redact(`${before}${secret}${after}`).includes(secret)
        }
      )
    )
  })
})
