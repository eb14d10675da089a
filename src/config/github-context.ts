// The workflow run's context, read from the runner's environment (no @actions/github: this
// stays a pure function of what it is given), and deploy-git's default git source from it.
import type { GitSource } from './types.js'

export interface GitHubContext {
  readonly eventName: string
  readonly sha: string
  readonly refName: string
  readonly headRef: string
  /** The webhook payload at `GITHUB_EVENT_PATH`; `{}` when absent or unreadable. */
  readonly payload: Record<string, unknown>
}

export function readGitHubContext(
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => string
): GitHubContext {
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    refName: env.GITHUB_REF_NAME ?? '',
    headRef: env.GITHUB_HEAD_REF ?? '',
    payload: readPayload(env.GITHUB_EVENT_PATH, readFile)
  }
}

// A missing or broken event file only loses the defaults; the inputs can still name them.
function readPayload(
  path: string | undefined,
  readFile: (path: string) => string
): Record<string, unknown> {
  if (path === undefined || path === '') return {}
  try {
    const parsed: unknown = JSON.parse(readFile(path))
    return isRecord(parsed) ? parsed : {}
  } catch {
    return {}
  }
}

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target']

/**
 * SPEC §6 "deploy-git details": on pull requests the head commit (never the merge commit) and the
 * head branch; else `GITHUB_SHA` and `GITHUB_REF_NAME`. The message is the push's head commit
 * message, else the sha.
 */
export function defaultGitSource(ctx: GitHubContext): GitSource {
  const isPullRequest = PULL_REQUEST_EVENTS.includes(ctx.eventName)
  const headSha = isPullRequest ? stringAt(ctx.payload, 'pull_request', 'head', 'sha') : ''
  const sha = headSha !== '' ? headSha : ctx.sha
  const branch = isPullRequest && ctx.headRef !== '' ? ctx.headRef : ctx.refName
  const pushMessage =
    ctx.eventName === 'push' ? stringAt(ctx.payload, 'head_commit', 'message') : ''
  return { sha, branch, commitMessage: pushMessage !== '' ? pushMessage : sha }
}

function stringAt(value: unknown, ...path: string[]): string {
  let current = value
  for (const key of path) current = isRecord(current) ? current[key] : undefined
  return typeof current === 'string' ? current : ''
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
