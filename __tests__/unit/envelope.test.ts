import { describe, expect, it } from '@jest/globals'
import { MageApiError } from '../../src/errors.js'
import { interpretResponse } from '../../src/http/envelope.js'

const context = {
  api: 'cluster' as const,
  method: 'POST',
  logPath: '/api/runs',
  redact: (text: string) => text.split('s3cret-token').join('***')
}

function interpret(status: number, body: string, headers: Record<string, string> = {}): unknown {
  return interpretResponse({ status, body, headers }, context)
}

function failure(status: number, body: string, headers: Record<string, string> = {}): MageApiError {
  try {
    interpret(status, body, headers)
  } catch (error) {
    if (error instanceof MageApiError) return error
    throw error
  }
  throw new Error('expected a MageApiError')
}

describe('interpretResponse', () => {
  it('returns the parsed body of a 2xx JSON answer', () => {
    expect(interpret(200, '{"run":{"output":[1]}}')).toEqual({ run: { output: [1] } })
  })

  it('reads Python NaN and Infinity as null', () => {
    expect(interpret(200, '{"run":{"output":[NaN, Infinity, -Infinity, "NaN"]}}')).toEqual({
      run: { output: [null, null, null, 'NaN'] }
    })
  })

  it.each([
    [
      'HTTP 200 + 500 envelope',
      200,
      { code: 500, exception: 'boom from raising block', message: 'Traceback ...' },
      'envelope',
      500,
      undefined
    ],
    [
      'HTTP 401 + status 200 body',
      401,
      { code: 401, message: 'Invalid API key.', type: 'invalid_api_key' },
      'envelope',
      401,
      'invalid_api_key'
    ],
    [
      'HTTP 200 + 404 envelope',
      200,
      { code: 404, message: 'Record not found.', type: 'record_not_found' },
      'envelope',
      404,
      'record_not_found'
    ]
  ])('%s is a typed error', (_label, status, error, kind, code, type) => {
    const e = failure(status, JSON.stringify({ error, status: 200 }))
    expect(e.fields.kind).toBe(kind)
    expect(e.fields.code).toBe(code)
    expect(e.fields.type).toBe(type)
    expect(e.httpStatus).toBe(status)
  })

  it('keeps the exception text apart from the traceback and drops url_parameters', () => {
    const body = JSON.stringify({
      error: {
        code: 500,
        exception: 'Invalid token.',
        message: 'Traceback (most recent call last):\n  File "x"'
      },
      url_parameters: { token: 's3cret-token' }
    })
    const e = failure(200, body)
    expect(e.fields.exception).toBe('Invalid token.')
    expect(e.fields.traceback).toContain('Traceback')
    expect(e.message).toContain('Invalid token.')
    expect(e.message).not.toContain('Traceback')
    expect(e.message).not.toContain('s3cret-token')
  })

  it('treats an empty 200 as a server exception', () => {
    expect(failure(200, '').fields.kind).toBe('empty')
    expect(failure(200, '  \n').fields.kind).toBe('empty')
  })

  it('gives non-JSON a short, tag-free, secret-free excerpt', () => {
    const html = `<html><body><h1>502 Bad Gateway</h1>${'x'.repeat(5000)} s3cret-token</body></html>`
    const e = failure(502, html)
    expect(e.fields.kind).toBe('http_status')
    expect(e.fields.excerpt?.length).toBeLessThanOrEqual(200)
    expect(e.message).toContain('502 Bad Gateway')
    expect(e.message).not.toContain('<h1>')
    const ok = failure(200, '<html>proxy login</html>')
    expect(ok.fields.kind).toBe('not_json')
  })

  it('redacts a secret inside an excerpt', () => {
    expect(failure(500, 'error for s3cret-token').message).not.toContain('s3cret-token')
  })

  it('keeps Retry-After for the retry decision', () => {
    expect(failure(429, 'slow down', { 'retry-after': '2' }).fields.retryAfter).toBe('2')
  })

  it('names a non-2xx JSON body by its keys only (it may hold env values)', () => {
    const body = JSON.stringify({
      cluster: { config: { extraEnvs: [{ name: 'A', value: 'other-team-secret' }] } }
    })
    const e = failure(500, body)
    expect(e.message).toContain('keys cluster')
    expect(e.message).not.toContain('other-team-secret')
  })

  it('fails a non-2xx JSON answer without an envelope', () => {
    expect(failure(503, '{"message":"busy"}').fields.kind).toBe('http_status')
  })
})
