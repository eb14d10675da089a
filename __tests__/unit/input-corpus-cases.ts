// The bad-input corpus (issue 4 §3) as a table: every input of action.yml, by the kind of value
// it takes, in an operation that uses it, against every malformed form. Each cell says whether
// the input is accepted (as SPEC §6 documents) or rejected with a message naming it. This table
// is the documentation of what each input accepts.
import type { Operation } from '../../src/config/types.js'

export type Kind =
  | 'operation'
  | 'duration'
  | 'boolean'
  /** Free text sent in a JSON body (emails, uuids, branches, messages): anything non-blank. */
  | 'text'
  | 'secret'
  /** Sent in a header (API keys, trigger token): one token of printable ASCII. */
  | 'token'
  | 'url'
  /** One URL path segment (team, cluster, deployment setting). */
  | 'id'
  | 'env'
  | 'names'
  | 'integer'
  /** One item a line (block). */
  | 'lines'
  | 'variables'
  | 'sha'
  | 'environment'

export interface InputCase {
  readonly kind: Kind
  readonly operation: Operation
  /** The other inputs the operation needs. */
  readonly base: Record<string, string>
  /** A good value of this input. */
  readonly valid: string
  /** Empty (or blank) is an error: required here, with no default. */
  readonly required: boolean
}

const CLOUD = {
  'cloud-email': 'ops@example.com',
  'cloud-password': 'cloud-pw-1',
  'team-id': 'team-1',
  'cluster-id': 'cluster-1'
}
const LOGIN = { 'cluster-email': 'bot@example.com', 'cluster-password': 'cluster-pw-1' }
const URL = { 'cluster-url': 'https://mage.example.com' }
const RUN_BLOCK = { ...URL, 'trigger-token': 'f'.repeat(32), pipeline: 'etl_demo', block: 'load' }
const SKIP_IF_BUSY = { ...CLOUD, ...URL, ...LOGIN, 'skip-if-busy': 'true' }
const DEPLOYMENTS = { ...URL, ...LOGIN, 'deployment-setting': 'git-deploy', 'deploy-branch': 'd' }

const c = (
  kind: Kind,
  operation: Operation,
  base: Record<string, string>,
  valid: string,
  required = false
): InputCase => ({ kind, operation, base, valid, required })

export const INPUT_CASES: Record<string, InputCase> = {
  operation: c('operation', 'start-cluster', CLOUD, 'start-cluster', true),
  timeout: c('duration', 'start-cluster', CLOUD, '10m'),
  wait: c('boolean', 'start-cluster', CLOUD, 'true'),
  'poll-interval': c('duration', 'start-cluster', CLOUD, '5s'),
  'fail-on-error': c('boolean', 'start-cluster', CLOUD, 'false'),
  'dry-run': c('boolean', 'start-cluster', CLOUD, 'true'),
  'cloud-email': c('text', 'start-cluster', CLOUD, 'ops@example.com', true),
  'cloud-password': c('secret', 'start-cluster', CLOUD, 'cloud-pw-1', true),
  'cloud-api-key': c('token', 'start-cluster', CLOUD, 'abcDEF123'),
  'cloud-api-url': c('url', 'start-cluster', CLOUD, 'https://cloud.example.com/api/v1'),
  'team-id': c('id', 'start-cluster', CLOUD, 'team-1', true),
  'cluster-id': c('id', 'start-cluster', CLOUD, 'cluster-1', true),
  env: c('env', 'set-env', CLOUD, 'A=1\nB=two', true),
  'unset-env': c('names', 'set-env', { ...CLOUD, env: 'Z=1' }, 'A\nB'),
  replicas: c('integer', 'start-cluster', CLOUD, '2'),
  'skip-if-busy': c('boolean', 'stop-cluster', { ...CLOUD, ...URL, ...LOGIN }, 'true'),
  'busy-max-age': c('duration', 'stop-cluster', SKIP_IF_BUSY, '2h'),
  'cluster-url': c('url', 'run-block', RUN_BLOCK, 'https://mage.example.com', true),
  'trigger-token': c('token', 'run-block', RUN_BLOCK, 'f'.repeat(32), true),
  'cluster-email': c('text', 'deploy-git', { ...URL, ...LOGIN }, 'bot@example.com', true),
  'cluster-password': c('secret', 'deploy-git', { ...URL, ...LOGIN }, 'cluster-pw-1', true),
  'cluster-api-key': c('token', 'deploy-git', { ...URL, ...LOGIN }, 'abcDEF123'),
  pipeline: c('text', 'run-block', RUN_BLOCK, 'etl_demo', true),
  block: c('lines', 'run-block', RUN_BLOCK, 'load_data\ntransform', true),
  variables: c('variables', 'run-block', RUN_BLOCK, 'a: 1\nb: two'),
  'run-upstream-blocks': c('boolean', 'run-block', RUN_BLOCK, 'true'),
  'incomplete-only': c('boolean', 'run-block', RUN_BLOCK, 'true'),
  record: c('boolean', 'run-block', RUN_BLOCK, 'false'),
  'store-variables': c('boolean', 'run-block', RUN_BLOCK, 'false'),
  project: c('text', 'run-block', RUN_BLOCK, 'sub_project'),
  'schedule-id': c('integer', 'run-pipeline', { ...URL, 'trigger-token': 'tok-1' }, '7', true),
  'deployment-setting': c('id', 'deploy-git', DEPLOYMENTS, 'git-deploy'),
  'git-sha': c('sha', 'deploy-git', DEPLOYMENTS, 'a'.repeat(40)),
  'git-branch': c('text', 'deploy-git', DEPLOYMENTS, 'main'),
  'commit-message': c('text', 'deploy-git', DEPLOYMENTS, 'Add feature X'),
  'deploy-branch': c('text', 'deploy-git', DEPLOYMENTS, 'deploy-main', true),
  environment: c('environment', 'deploy-git', DEPLOYMENTS, 'staging'),
  'target-directory': c('text', 'deploy-git', DEPLOYMENTS, 'stage/dir')
}

export const BIG = 'a'.repeat(100 * 1024)
export const SHELL = '$(rm -rf /); `id` | cat > x && echo "$HOME" \'q\' *?[a] ~ !! %PATH%'

export interface MalformedClass {
  readonly name: string
  /** The malformed value, shaped for the kind where that is more telling than plain junk. */
  readonly value: (kind: Kind, valid: string) => string
  /** Kinds that accept it; every other kind rejects it. Empty and blank follow `required`. */
  readonly accepts: readonly Kind[] | 'unless-required'
}

const FREE: Kind[] = ['text', 'secret', 'lines']
const ALL: Kind[] = [
  ...FREE,
  ...(['operation', 'duration', 'boolean', 'token', 'url', 'id', 'env', 'names'] as const),
  ...(['integer', 'variables', 'sha', 'environment'] as const)
]

export const CLASSES: readonly MalformedClass[] = [
  { name: 'empty', value: () => '', accepts: 'unless-required' },
  { name: 'whitespace only', value: () => ' \t\r\n ', accepts: 'unless-required' },
  { name: 'the wrong type (a JSON array)', value: () => '[1, 2]', accepts: FREE },
  {
    name: '100 KiB',
    value: kind =>
      kind === 'env'
        ? `BIG=${BIG}`
        : kind === 'variables'
          ? JSON.stringify({ big: BIG })
          : kind === 'url'
            ? `https://host.example.com/${BIG}`
            : BIG,
    accepts: [...FREE, 'token', 'url', 'id', 'env', 'names', 'variables']
  },
  {
    name: 'unicode',
    value: (kind, valid) =>
      ({
        env: 'A=héllo wörld 🚀 日本',
        names: 'NAMÉ',
        url: 'https://bücher.example/ü',
        variables: 'clé: 🚀 日本'
      })[kind as string] ?? `${valid}-héllo-🚀-日本`,
    accepts: [...FREE, 'id', 'env', 'url', 'variables']
  },
  {
    name: 'shell metacharacters',
    value: kind =>
      kind === 'env' ? `A=${SHELL}` : kind === 'variables' ? JSON.stringify({ cmd: SHELL }) : SHELL,
    accepts: [...FREE, 'env', 'variables']
  },
  {
    name: 'CRLF line ends',
    value: (kind, valid) => `${valid.replace(/\n/g, '\r\n')}\r\n`,
    accepts: ALL
  },
  { name: 'JSON with a duplicate key', value: () => '{"A": "1", "A": "2"}', accepts: FREE },
  {
    name: 'YAML anchors and aliases',
    value: () => 'base: &b {x: 1}\nuse: *b',
    accepts: [...FREE, 'variables']
  },
  { name: 'a YAML custom tag', value: () => 'a: !custom x', accepts: FREE },
  { name: 'an env name with a space', value: () => 'BAD NAME=x', accepts: FREE },
  {
    name: "an env name with '='",
    value: kind => (kind === 'env' ? '{"A=B": "x"}' : 'A=B'),
    accepts: [...FREE, 'token', 'id']
  },
  {
    name: 'a value with a line break',
    value: (kind, valid) =>
      ({ env: 'A="one\\ntwo"\nB=x', names: 'A\nB', variables: 'a: |\n  one\n  two' })[
        kind as string
      ] ?? `${valid}\nsecond line`,
    accepts: [...FREE, 'env', 'names', 'variables']
  },
  {
    name: 'a URL with credentials',
    value: () => 'https://user:url-pass-1@host.example.com',
    accepts: [...FREE, 'token']
  },
  {
    name: 'a URL with a fragment',
    value: () => 'https://host.example.com/#frag',
    accepts: [...FREE, 'token']
  },
  {
    name: 'a URL already ending in /api',
    value: () => 'https://host.example.com/api',
    accepts: [...FREE, 'token', 'url']
  }
]

export function accepted(cls: MalformedClass, input: InputCase): boolean {
  return cls.accepts === 'unless-required' ? !input.required : cls.accepts.includes(input.kind)
}
