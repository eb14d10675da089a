// hintFor: the "likely cause" a failure message ends with.
import { describe, expect, it } from '@jest/globals'
import { NetworkError, OutcomeUnknownError, RedirectError } from '../../src/errors.js'
import { hintFor } from '../../src/report/hints.js'

describe('hintFor', () => {
  it('tells what to do when a write cannot be known to have taken', () => {
    const lost = new OutcomeUnknownError('the cluster write', new Error('HTTP 502'), 'why')
    expect(hintFor(lost)).toMatch(/check in Mage whether the change took/)
  })

  it('names the URL input for a redirect and the network for a dropped connection', () => {
    expect(hintFor(new RedirectError('GET', '/x', 302, 'evil.test'))).toMatch(/URL input/)
    expect(hintFor(new NetworkError('GET', '/x', true, 'ECONNRESET'))).toMatch(/HTTPS_PROXY/)
  })
})
