import { describe, expect, it } from '@jest/globals'
import { likelyCauseOf } from '../../src/cluster/hints.js'

describe('likelyCauseOf (SPEC §6 "Hints")', () => {
  it.each([
    // Exception texts a real Mage OSS 0.9.79 server sent (mage-real-observations.md §4, §5).
    ['No row was found when one was required', 'block', /trigger token is wrong or was rotated/],
    ['Invalid token.', 'block', /trigger token is wrong or was rotated/],
    ['Invalid token for pipeline schedule ID 1.', 'trigger', /trigger token .*schedule-id/],
    [
      'Pipeline nope_pipeline does not exist in repo_path /home/src/proj.',
      'block',
      /check the pipeline uuid \(case-sensitive\)/
    ],
    [
      "{'code': 404, 'message': 'Email/username and/or password invalid.', 'type': 'record_not_found'}",
      'block',
      /check the block uuid \(case-sensitive\)/
    ],
    [
      "{'code': 404, 'message': 'Record not found.', 'type': 'record_not_found'}",
      'trigger',
      /check schedule-id/
    ],
    ['boom from raising block', 'block', /the block raised: see its logs in Mage/],
    ["'bogus_key' is an invalid keyword argument for PipelineRun", 'trigger', /server raised/]
  ] as const)('%j (%s) → %p', (exception, subject, expected) => {
    expect(likelyCauseOf(exception, subject)).toMatch(expected)
  })

  it('does not let a stale login message inside an ApiError text pass as a credentials hint', () => {
    const stale =
      "{'code': 404, 'message': 'Email/username and/or password invalid.', 'type': 'record_not_found'}"
    expect(likelyCauseOf(stale, 'block')).not.toMatch(/password/)
  })
})
