import { describe, expect, it } from '@jest/globals'
import { asOutcomeUnknown } from '../../src/cluster/exactly-once.js'
import { describeRunFailure } from '../../src/cluster/run-failure.js'
import {
  DeadlineError,
  MageApiError,
  type MageApiErrorFields,
  NetworkError,
  OutcomeUnknownError,
  RequestTimeoutError
} from '../../src/errors.js'

const apiError = (fields: Partial<MageApiErrorFields>): MageApiError =>
  new MageApiError({
    api: 'cluster',
    kind: 'http_status',
    method: 'POST',
    path: '/api/runs',
    httpStatus: 200,
    detail: 'HTTP 200',
    ...fields
  })

describe('describeRunFailure: every failure form of /api/runs', () => {
  it('reports the exception text of the 200 + 500 envelope, with its traceback apart', () => {
    const failure = describeRunFailure(
      apiError({
        kind: 'envelope',
        code: 500,
        exception: 'boom from raising block',
        traceback: 'Traceback (most recent call last):\n  ValueError: boom',
        detail: 'HTTP 200, Mage error 500: boom from raising block'
      }),
      'block'
    )
    expect(failure).toEqual({
      text: 'boom from raising block',
      hint: 'the block raised: see its logs in Mage',
      traceback: 'Traceback (most recent call last):\n  ValueError: boom',
      mayHaveRun: true
    })
  })

  it.each([
    [
      'empty 200',
      { kind: 'empty' as const },
      /empty body/,
      /the block raised, or the trigger token/
    ],
    [
      'Mage Pro 401',
      { httpStatus: 401, detail: 'HTTP 401: Unauthenticated' },
      /HTTP 401/,
      /check trigger-token/
    ],
    ['HTTP 403', { httpStatus: 403, detail: 'HTTP 403' }, /HTTP 403/, /check trigger-token/],
    [
      'Mage Pro 404',
      { httpStatus: 404, detail: 'HTTP 404: Resource Not Found' },
      /HTTP 404/,
      /pipeline and block uuids \(case-sensitive\)/
    ],
    ['405 (no /api/runs)', { httpStatus: 405, detail: 'HTTP 405' }, /405/, /0\.9\.70/],
    [
      'not JSON',
      { kind: 'not_json' as const, detail: 'HTTP 200, not JSON: <html>' },
      /not JSON/,
      /check cluster-url/
    ],
    [
      'no run key',
      { kind: 'unexpected_shape' as const, detail: 'HTTP 200, HTTP 200 without a `run` key' },
      /run/,
      /Mage Pro/
    ],
    [
      '404 envelope',
      {
        kind: 'envelope' as const,
        code: 404,
        type: 'record_not_found',
        detail: 'HTTP 200, Mage error 404 record_not_found: Resource Not Found'
      },
      /record_not_found/,
      /uuids/
    ]
  ])('recognises %s', (_, fields, text, hint) => {
    const failure = describeRunFailure(apiError(fields), 'block')
    expect(failure?.text).toMatch(text)
    expect(failure?.hint).toMatch(hint)
  })

  it('names the schedule for a trigger 404', () => {
    expect(describeRunFailure(apiError({ httpStatus: 404 }), 'trigger')?.hint).toMatch(
      /schedule-id/
    )
  })

  it('reports an outcome unknown as possibly run', () => {
    const unknown = new OutcomeUnknownError('the run', new Error('HTTP 502'))
    expect(describeRunFailure(unknown, 'block')).toMatchObject({ mayHaveRun: true })
  })

  it.each([
    ['a refused connection', new NetworkError('POST', '/api/runs', false, 'ECONNREFUSED')],
    ['the deadline', new DeadlineError('the timeout was reached')],
    ['a plain error', new Error('bug')]
  ])('leaves %s to stop the operation', (_, error) => {
    expect(describeRunFailure(error, 'block')).toBeUndefined()
  })
})

describe('asOutcomeUnknown', () => {
  it.each([
    ['a 502', apiError({ httpStatus: 502 }), true],
    ['a 500 envelope under HTTP 500', apiError({ kind: 'envelope', httpStatus: 500 }), true],
    ['a drop after sending', new NetworkError('POST', '/x', true, 'ECONNRESET'), true],
    ['a timeout after sending', new RequestTimeoutError('POST', '/x', 1000, true), true],
    ['a refused connection', new NetworkError('POST', '/x', false, 'ECONNREFUSED'), false],
    ['a timeout before sending', new RequestTimeoutError('POST', '/x', 1000, false), false],
    ['the 200 + 500 envelope (an answer)', apiError({ kind: 'envelope', code: 500 }), false],
    ['a 401', apiError({ httpStatus: 401 }), false]
  ])('%s → outcome unknown: %s', (_, error, unknown) => {
    expect(asOutcomeUnknown('the run', error) instanceof OutcomeUnknownError).toBe(unknown)
  })
})
