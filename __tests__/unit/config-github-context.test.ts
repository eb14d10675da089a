import { describe, expect, it } from '@jest/globals'
import {
  defaultGitSource,
  readGitHubContext,
  type GitHubContext
} from '../../src/config/github-context.js'

const files: Record<string, string> = {
  '/event/push.json': JSON.stringify({ head_commit: { message: 'Add feature X\n\nBody' } }),
  '/event/pr.json': JSON.stringify({ pull_request: { head: { sha: 'b'.repeat(40) } } }),
  '/event/broken.json': '{not json',
  '/event/array.json': '[1, 2]'
}
const readFile = (path: string): string => {
  const text = files[path]
  if (text === undefined) throw new Error(`ENOENT: ${path}`)
  return text
}

describe('readGitHubContext', () => {
  it('reads the runner variables and the event payload', () => {
    const ctx = readGitHubContext(
      {
        GITHUB_EVENT_NAME: 'push',
        GITHUB_SHA: 'a'.repeat(40),
        GITHUB_REF_NAME: 'main',
        GITHUB_HEAD_REF: '',
        GITHUB_EVENT_PATH: '/event/push.json'
      },
      readFile
    )
    expect(ctx).toEqual({
      eventName: 'push',
      sha: 'a'.repeat(40),
      refName: 'main',
      headRef: '',
      payload: { head_commit: { message: 'Add feature X\n\nBody' } }
    })
  })

  it.each([
    ['unset', undefined],
    ['empty', ''],
    ['missing', '/event/missing.json'],
    ['not JSON', '/event/broken.json'],
    ['not an object', '/event/array.json']
  ])('an event path that is %s gives an empty payload', (_, path) => {
    const ctx = readGitHubContext({ GITHUB_EVENT_PATH: path }, readFile)
    expect(ctx).toEqual({ eventName: '', sha: '', refName: '', headRef: '', payload: {} })
  })
})

const base: GitHubContext = {
  eventName: 'push',
  sha: 'a'.repeat(40),
  refName: 'main',
  headRef: '',
  payload: {}
}

describe('defaultGitSource', () => {
  it.each<[string, GitHubContext, { sha: string; branch: string; commitMessage: string }]>([
    [
      'push: GITHUB_SHA, ref name, head commit message',
      { ...base, payload: { head_commit: { message: 'Fix it' } } },
      { sha: 'a'.repeat(40), branch: 'main', commitMessage: 'Fix it' }
    ],
    [
      'push without a head commit: message is the sha',
      base,
      { sha: 'a'.repeat(40), branch: 'main', commitMessage: 'a'.repeat(40) }
    ],
    [
      'pull_request: the head sha, never the merge commit, and the head branch',
      {
        ...base,
        eventName: 'pull_request',
        refName: '12/merge',
        headRef: 'feature',
        payload: { pull_request: { head: { sha: 'b'.repeat(40) } } }
      },
      { sha: 'b'.repeat(40), branch: 'feature', commitMessage: 'b'.repeat(40) }
    ],
    [
      'pull_request_target: the head sha and the head branch',
      {
        ...base,
        eventName: 'pull_request_target',
        headRef: 'feature',
        payload: { pull_request: { head: { sha: 'c'.repeat(40) } } }
      },
      { sha: 'c'.repeat(40), branch: 'feature', commitMessage: 'c'.repeat(40) }
    ],
    [
      'pull_request without a payload: GITHUB_SHA',
      { ...base, eventName: 'pull_request', headRef: 'feature' },
      { sha: 'a'.repeat(40), branch: 'feature', commitMessage: 'a'.repeat(40) }
    ],
    [
      'workflow_dispatch: head_commit is not read',
      { ...base, eventName: 'workflow_dispatch', payload: { head_commit: { message: 'x' } } },
      { sha: 'a'.repeat(40), branch: 'main', commitMessage: 'a'.repeat(40) }
    ],
    [
      'a head sha of the wrong type is ignored',
      { ...base, eventName: 'pull_request', payload: { pull_request: { head: { sha: 42 } } } },
      { sha: 'a'.repeat(40), branch: 'main', commitMessage: 'a'.repeat(40) }
    ],
    [
      'nothing known: all empty',
      { eventName: '', sha: '', refName: '', headRef: '', payload: {} },
      { sha: '', branch: '', commitMessage: '' }
    ]
  ])('%s', (_, ctx, source) => {
    expect(defaultGitSource(ctx)).toEqual(source)
  })
})
