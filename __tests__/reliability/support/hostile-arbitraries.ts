// fast-check generators of what a hostile or broken server (or a proxy in front of it) can send:
// odd status codes, headers of the wrong shape, bodies that are not JSON, JSON of the wrong
// shape, text meant to look like workflow commands or stack traces, and transport failures of
// every kind, including values that are not Errors at all.
import fc from 'fast-check'
import { NetworkError, RequestTimeoutError } from '../../../src/errors.js'
import type { RawResponse } from '../../../src/http/transport.js'

/** Text a server could send hoping the runner obeys it or the user is misled. */
export const NASTY_STRINGS = [
  '',
  ' ',
  'Active\n::set-output name=status::Stopped INJECTED',
  '::error::INJECTED annotation',
  '\r\n::add-mask::INJECTED\r\n',
  'x\n  ::endgroup::INJECTED',
  '%0A::warning::INJECTED encoded',
  'line one\nline two',
  '    at evil (/srv/app.js:1:2)',
  '\u0000\u0007\u001b[31mred',
  '\ud800 lone surrogate',
  '<script>alert(1)</script>',
  '${{ secrets.GITHUB_TOKEN }}',
  'x'.repeat(5000),
  'NaN',
  'Stopped',
  'Active',
  'completed',
  'failed'
]

const nasty = fc.constantFrom(...NASTY_STRINGS)
const text = fc.oneof(
  nasty,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 })
)
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: text },
  { weight: 1, arbitrary: fc.constantFrom(-1, 0, 1e308, -0.5, 2 ** 53 + 1) }
)

/** A field the clients read: mostly hostile text, sometimes any JSON value. */
const field: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 1, arbitrary: value }
)
const id: fc.Arbitrary<unknown> = fc.oneof(fc.nat(), nasty, value)

/** Objects shaped like Mage answers, with wrong values in the places the clients read. */
const mageShaped: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ cluster: fc.oneof(value, fc.record({ status: field, config: value, name: field })) }),
  fc.record({
    cluster: fc.record({
      status: field,
      config: fc.record({ replicaCount: value, extraEnvs: value }),
      name: field
    })
  }),
  fc.record({ session: fc.oneof(value, fc.record({ token: field })) }),
  fc.record({ run: value }),
  fc.record({
    pipeline_run: fc.oneof(
      value,
      fc.record({
        id,
        status: field,
        pipeline_uuid: field,
        block_runs: fc.oneof(value, fc.array(fc.record({ block_uuid: field, status: field })))
      })
    )
  }),
  fc.record({
    deployment: fc.oneof(
      value,
      fc.record({ id, status: field, error: field, source: fc.record({ version: field }) })
    )
  }),
  fc.record({ sync: fc.record({ status: field, error: field, branch: field, commit: field }) }),
  fc.record({
    statuses: fc.oneof(value, fc.array(fc.record({ require_user_authentication: value })))
  }),
  fc.record({ pipeline_runs: value, metadata: value }),
  fc.record(
    {
      error: fc.oneof(
        value,
        fc.record({ code: value, type: field, message: field, exception: field, errors: value })
      ),
      url_parameters: value
    },
    { requiredKeys: ['error'] }
  )
)

const body: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: mageShaped.map(v => JSON.stringify(v)) },
  { weight: 2, arbitrary: fc.jsonValue().map(v => JSON.stringify(v)) },
  { weight: 2, arbitrary: text },
  {
    weight: 1,
    arbitrary: mageShaped.chain(v => {
      const full = JSON.stringify(v)
      return fc.nat({ max: full.length }).map(n => full.slice(0, n))
    })
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<html><body><h1>502 Bad Gateway</h1></body></html>',
      '{"run": {"output": [NaN, Infinity, -Infinity]}}',
      '['.repeat(20_000),
      '{"a":'.repeat(5_000),
      '{"cluster": {"status": "Active", "config": {"replicaCount": "1e999"}}}',
      '{"__proto__": {"polluted": true}, "cluster": {"constructor": {"prototype": {}}}}',
      `{"x": "${'y'.repeat(200_000)}"}`
    )
  }
)

const STATUSES = [0, 100, 101, 199, 200, 201, 204, 299, 301, 302, 303, 304, 307, 308, 400, 401]
const MORE_STATUSES = [403, 404, 405, 408, 409, 412, 418, 429, 500, 502, 503, 504, 599, 600, 999]

const headers: fc.Arbitrary<RawResponse['headers']> = fc.record(
  {
    'retry-after': fc.oneof(
      text,
      fc.constantFrom('1', '0', '-5', '1.5', '99999999999', 'Wed, 21 Oct 2099 07:28:00 GMT')
    ),
    location: fc.oneof(
      text,
      fc.constantFrom('http://evil.test/steal', '//evil.test', 'javascript:alert(1)', '/relative')
    ),
    'content-type': fc.constantFrom('application/json', 'text/html', 'text/plain'),
    etag: text
  },
  { requiredKeys: [] }
)

const response: fc.Arbitrary<RawResponse> = fc.record({
  status: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(200, 200, 401, 500, 502) },
    { weight: 3, arbitrary: fc.constantFrom(...STATUSES, ...MORE_STATUSES) },
    { weight: 1, arbitrary: fc.integer({ min: -1, max: 1000 }) }
  ),
  headers,
  body
})

/** What a failed exchange can reject with, Errors or not. */
const thrown: fc.Arbitrary<unknown> = fc.oneof(
  fc.boolean().map(sent => new NetworkError('GET', '/x', sent, 'ECONNRESET')),
  fc.boolean().map(sent => new RequestTimeoutError('GET', '/x', 30_000, sent)),
  fc.constantFrom<unknown>(
    new Error('boom\n    at handler (/srv/app.js:10:5)'),
    new TypeError('Cannot read properties of undefined'),
    'a plain string',
    undefined,
    null,
    42,
    { message: 'an object, not an Error' }
  )
)

export type Step =
  /** Answer as a working Mage would. */
  | { kind: 'valid' }
  /** A working Mage's answer with one of its values (the `leaf`-th, cycling) replaced. */
  | { kind: 'tampered'; leaf: number; value: unknown }
  | { kind: 'response'; response: RawResponse }
  | { kind: 'throw'; value: unknown }

export const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Step>({ kind: 'valid' }) },
  {
    weight: 3,
    arbitrary: fc
      .record({ leaf: fc.nat(), value: field })
      .map<Step>(t => ({ kind: 'tampered', ...t }))
  },
  { weight: 5, arbitrary: response.map<Step>(r => ({ kind: 'response', response: r })) },
  { weight: 1, arbitrary: thrown.map<Step>(v => ({ kind: 'throw', value: v })) }
)

/** The answers to a whole run, used in turn (and again from the start when they run out). */
export const script = fc.array(step, { minLength: 1, maxLength: 12 })
