import { describe, expect, it } from '@jest/globals'
import { MageApiError, NetworkError, RequestTimeoutError } from '../../src/errors.js'
import {
  isRetryable,
  parseRetryAfter,
  retryDelayMs,
  type RetryPolicy
} from '../../src/http/retry.js'

function apiError(
  httpStatus: number,
  kind: 'http_status' | 'envelope' = 'http_status'
): MageApiError {
  return new MageApiError({
    api: 'cloud',
    kind,
    method: 'GET',
    path: '/x',
    httpStatus,
    detail: 'x'
  })
}

describe('isRetryable', () => {
  const cases: [string, unknown, RetryPolicy, boolean][] = [
    [
      'network error, idempotent',
      new NetworkError('GET', '/x', true, 'ECONNRESET'),
      'idempotent',
      true
    ],
    ['network error sent, once', new NetworkError('POST', '/x', true, 'ECONNRESET'), 'once', false],
    [
      'refused (never sent), once',
      new NetworkError('POST', '/x', false, 'ECONNREFUSED'),
      'once',
      true
    ],
    ['timeout, idempotent', new RequestTimeoutError('GET', '/x', 1000, true), 'idempotent', true],
    [
      'timeout after sending, once',
      new RequestTimeoutError('POST', '/x', 1000, true),
      'once',
      false
    ],
    ['408', apiError(408), 'idempotent', true],
    ['429', apiError(429), 'idempotent', true],
    ['500', apiError(500), 'idempotent', false],
    ['502', apiError(502), 'idempotent', true],
    ['503', apiError(503), 'idempotent', true],
    ['504', apiError(504), 'idempotent', true],
    ['502 on a POST that runs something', apiError(502), 'once', false],
    ['400', apiError(400), 'idempotent', false],
    ['401', apiError(401), 'idempotent', false],
    ['404', apiError(404), 'idempotent', false],
    ['envelope under 200', apiError(200, 'envelope'), 'idempotent', false],
    ['a plain Error', new Error('bug'), 'idempotent', false]
  ]
  it.each(cases)('%s', (_label, error, policy, expected) => {
    expect(isRetryable(error, policy)).toBe(expected)
  })
})

describe('retryDelayMs', () => {
  it.each([
    [1, 0, 500],
    [1, 0.999, 1000],
    [2, 0, 1000],
    [3, 0.5, 3000],
    [10, 1, 15000]
  ])('attempt %i with random %f waits %i ms (capped, jittered)', (attempt, random, expected) => {
    expect(retryDelayMs(attempt, undefined, random, 0)).toBeCloseTo(expected, -1)
  })

  it('honours Retry-After in seconds and as an HTTP date', () => {
    expect(retryDelayMs(1, '3', 0.5, 0)).toBe(3000)
    const now = Date.parse('2026-11-28T10:00:00Z')
    expect(retryDelayMs(1, 'Sat, 28 Nov 2026 10:00:07 GMT', 0.5, now)).toBe(7000)
  })

  it('refuses a Retry-After beyond two minutes', () => {
    expect(retryDelayMs(1, '600', 0.5, 0)).toBeUndefined()
  })

  it.each([[undefined], [''], ['soon'], ['-1']])('ignores an unreadable Retry-After %p', value => {
    expect(parseRetryAfter(value, 0)).toBeUndefined()
  })
})
