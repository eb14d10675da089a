import { beforeAll, describe, expect, it } from '@jest/globals'
import type { GitHubContext } from '../../src/config/github-context.js'
import {
  DEFAULT_CLOUD_API_KEY,
  DEFAULT_CLOUD_API_URL,
  DEFAULT_CLUSTER_API_KEY,
  INPUTS
} from '../../src/config/inputs.js'
import { CONFIG_DEFAULTS, parseConfig, type InputSource } from '../../src/config/parse-config.js'
import type { Config, Operation } from '../../src/config/types.js'
import { loadYamlParser } from '../../src/config/yaml-parser.js'
import { expectConfigError } from './config-expect-error.js'

// parseConfig is synchronous: the steps' readConfig loads the parser first; so do these tests.
beforeAll(async () => {
  await loadYamlParser()
})

type Inputs = Record<string, string>
type Env = Record<string, string | undefined>

const SHA = 'a'.repeat(40)
const PUSH: GitHubContext = {
  eventName: 'push',
  sha: SHA,
  refName: 'main',
  headRef: '',
  payload: { head_commit: { message: 'Add feature X' } }
}

function source(inputs: Inputs, env: Env = {}, github: GitHubContext = PUSH): InputSource {
  return { input: name => inputs[name] ?? '', env, github }
}

function parse(inputs: Inputs, env: Env = {}, github: GitHubContext = PUSH): Config {
  return parseConfig(source(inputs, env, github))
}

/** The config of one operation, narrowed, so its fields can be read. */
function parseAs<O extends Operation>(
  operation: O,
  inputs: Inputs,
  env: Env = {},
  github: GitHubContext = PUSH
): Extract<Config, { operation: O }> {
  const config = parse({ operation, ...inputs }, env, github)
  expect(config.operation).toBe(operation)
  return config as Extract<Config, { operation: O }>
}

const CLOUD: Inputs = {
  'cloud-email': 'ops@example.com',
  'cloud-password': 'cloud-pw',
  'team-id': 'team-1',
  'cluster-id': 'cluster-1'
}
const CLUSTER_URL: Inputs = { 'cluster-url': 'https://mage.example.com/' }
const CLUSTER_LOGIN: Inputs = {
  'cluster-email': 'bot@example.com',
  'cluster-password': 'cluster-pw'
}
const MINIMAL: Record<Operation, Inputs> = {
  'start-cluster': CLOUD,
  'stop-cluster': CLOUD,
  'set-env': { ...CLOUD, env: 'A=1' },
  'cluster-status': CLOUD,
  'run-block': { ...CLUSTER_URL, 'trigger-token': 'trigger-tok', pipeline: 'etl', block: 'load' },
  'deploy-git': { ...CLUSTER_URL, ...CLUSTER_LOGIN },
  'run-pipeline': { ...CLUSTER_URL, 'trigger-token': 'trigger-tok', 'schedule-id': '7' }
}
const OPERATIONS = Object.keys(MINIMAL) as Operation[]

const COMMON = {
  timeoutMs: 15 * 60_000,
  wait: true,
  pollIntervalMs: 5000,
  failOnError: true,
  dryRun: false
}
const CLOUD_SETTINGS = {
  email: 'ops@example.com',
  password: 'cloud-pw',
  teamId: 'team-1',
  clusterId: 'cluster-1',
  apiUrl: DEFAULT_CLOUD_API_URL,
  apiKey: DEFAULT_CLOUD_API_KEY
}
const CLUSTER_CREDENTIALS = {
  email: 'bot@example.com',
  password: 'cluster-pw',
  apiKey: DEFAULT_CLUSTER_API_KEY
}

describe('parseConfig: each operation with its minimal inputs', () => {
  it.each<[Operation, Record<string, unknown>]>([
    [
      'start-cluster',
      { cloud: CLOUD_SETTINGS, clusterUrl: undefined, replicas: 1, secrets: ['cloud-pw'] }
    ],
    ['stop-cluster', { cloud: CLOUD_SETTINGS, secrets: ['cloud-pw'] }],
    [
      'set-env',
      {
        cloud: CLOUD_SETTINGS,
        clusterUrl: undefined,
        env: [{ name: 'A', value: '1' }],
        unset: [],
        secrets: ['cloud-pw']
      }
    ],
    ['cluster-status', { cloud: CLOUD_SETTINGS, secrets: ['cloud-pw'] }],
    [
      'run-block',
      {
        clusterUrl: 'https://mage.example.com',
        triggerToken: 'trigger-tok',
        pipeline: 'etl',
        blocks: ['load'],
        variables: {},
        runUpstreamBlocks: false,
        incompleteOnly: false,
        record: true,
        storeVariables: true,
        project: undefined,
        secrets: ['trigger-tok']
      }
    ],
    [
      'deploy-git',
      {
        clusterUrl: 'https://mage.example.com',
        cluster: CLUSTER_CREDENTIALS,
        source: { sha: SHA, branch: 'main', commitMessage: 'Add feature X' },
        environment: 'production',
        targetDirectory: undefined,
        deploymentInputsGiven: [],
        secrets: ['cluster-pw']
      }
    ],
    [
      'run-pipeline',
      {
        clusterUrl: 'https://mage.example.com',
        triggerToken: 'trigger-tok',
        scheduleId: 7,
        variables: {},
        cluster: CLUSTER_CREDENTIALS,
        secrets: ['trigger-tok', 'cluster-pw']
      }
    ]
  ])('%s', (operation, expected) => {
    const inputs =
      operation === 'run-pipeline'
        ? { ...MINIMAL[operation], ...CLUSTER_LOGIN }
        : MINIMAL[operation]
    expect(parse({ operation, ...inputs })).toEqual({
      operation,
      common: COMMON,
      unusedInputs: [],
      ...expected
    })
  })
})

describe('parseConfig: operation', () => {
  it.each([
    [
      '',
      'is required: one of start-cluster, stop-cluster, set-env, cluster-status, run-block, deploy-git, run-pipeline'
    ],
    ['   ', 'is required'],
    [
      'restart-cluster',
      "'restart-cluster' is not an operation: use one of start-cluster, stop-cluster"
    ],
    ['Start-Cluster', 'is not an operation'],
    ['start_cluster', 'is not an operation']
  ])('%j is an error listing the operations', (operation, fragment) => {
    expectConfigError(() => parse({ ...CLOUD, operation }), 'operation', fragment)
  })

  it('is trimmed', () => {
    expect(parse({ ...CLOUD, operation: '  cluster-status\n' }).operation).toBe('cluster-status')
  })
})

// Every input each operation requires, and the words of its error.
const REQUIRED: [Operation, string, string][] = [
  ...(['start-cluster', 'stop-cluster', 'set-env', 'cluster-status'] as const).flatMap(op =>
    (
      [
        ['cloud-email', 'MAGE_CLOUD_EMAIL'],
        ['cloud-password', 'MAGE_CLOUD_PASSWORD'],
        ['team-id', 'MAGE_TEAM_ID'],
        ['cluster-id', 'MAGE_CLUSTER_ID']
      ] as const
    ).map(([input, env]): [Operation, string, string] => [
      op,
      input,
      `is required for ${op} (or set ${env})`
    ])
  ),
  ['run-block', 'cluster-url', 'is required for run-block (or set MAGE_CLUSTER_URL)'],
  ['run-block', 'trigger-token', 'is required for run-block (or set MAGE_TRIGGER_TOKEN)'],
  ['run-block', 'pipeline', 'is required for run-block'],
  ['run-block', 'block', 'is required for run-block'],
  ['deploy-git', 'cluster-url', 'is required for deploy-git (or set MAGE_CLUSTER_URL)'],
  ['deploy-git', 'cluster-email', 'is required for deploy-git (or set MAGE_CLUSTER_EMAIL)'],
  ['deploy-git', 'cluster-password', 'is required for deploy-git (or set MAGE_CLUSTER_PASSWORD)'],
  ['run-pipeline', 'cluster-url', 'is required for run-pipeline (or set MAGE_CLUSTER_URL)'],
  ['run-pipeline', 'trigger-token', 'is required for run-pipeline (or set MAGE_TRIGGER_TOKEN)'],
  ['run-pipeline', 'schedule-id', 'is required for run-pipeline']
]

describe('parseConfig: required inputs', () => {
  it.each(REQUIRED)('%s without %s is an error: %s', (operation, input, fragment) => {
    const inputs = { operation, ...MINIMAL[operation], [input]: '' }
    expectConfigError(() => parse(inputs), input, fragment)
  })

  it.each(REQUIRED)('%s without %s: a blank value counts as missing', (operation, input) => {
    expectConfigError(() => parse({ operation, ...MINIMAL[operation], [input]: ' \n ' }), input)
  })

  it('takes credentials from their env fallbacks, which count as given but not as unused', () => {
    const config = parseAs(
      'cluster-status',
      {},
      {
        MAGE_CLOUD_EMAIL: ' env@example.com ',
        MAGE_CLOUD_PASSWORD: 'env-pw',
        MAGE_CLOUD_API_KEY: 'own-key',
        MAGE_CLOUD_API_URL: 'http://127.0.0.1:8080/api/v1/',
        MAGE_TEAM_ID: 't',
        MAGE_CLUSTER_ID: 'c',
        MAGE_TRIGGER_TOKEN: 'unused-token',
        MAGE_CLUSTER_URL: 'http://not-validated-here'
      }
    )
    expect(config.cloud).toEqual({
      email: 'env@example.com',
      password: 'env-pw',
      teamId: 't',
      clusterId: 'c',
      apiUrl: 'http://127.0.0.1:8080/api/v1',
      apiKey: 'own-key'
    })
    expect(config.unusedInputs).toEqual([])
    expect(config.secrets).toEqual(['env-pw', 'own-key', 'unused-token'])
  })

  it('prefers the input to its env fallback', () => {
    const config = parseAs('cluster-status', CLOUD, { MAGE_CLOUD_EMAIL: 'env@example.com' })
    expect(config.cloud.email).toBe('ops@example.com')
  })

  it('trims single-line inputs', () => {
    const config = parseAs('cluster-status', { ...CLOUD, 'team-id': '  team-1 \r\n' })
    expect(config.cloud.teamId).toBe('team-1')
  })

  it.each([
    ['team-id', 'team/1'],
    ['cluster-id', 'c 1'],
    ['cluster-id', 'c?x']
  ])('%s %j (a URL path segment) is an error', (input, value) => {
    expectConfigError(
      () => parse({ operation: 'start-cluster', ...CLOUD, [input]: value }),
      input,
      'must be a single id'
    )
  })
})

describe('parseConfig: dry-run', () => {
  it.each(['start-cluster', 'stop-cluster', 'set-env', 'deploy-git'] as const)(
    '%s has a dry run',
    operation => {
      const config = parse({ operation, ...MINIMAL[operation], 'dry-run': 'true' })
      expect(config.common.dryRun).toBe(true)
    }
  )

  it.each(['run-block', 'run-pipeline', 'cluster-status'] as const)(
    'dry-run: true on %s is an error',
    operation => {
      expectConfigError(
        () => parse({ operation, ...MINIMAL[operation], 'dry-run': 'TRUE' }),
        'dry-run',
        `${operation} has no dry run (only start-cluster, stop-cluster, set-env, deploy-git have one)`
      )
    }
  )

  it('dry-run: false (its default, as the runner fills it in) on run-block is fine', () => {
    const config = parse({ operation: 'run-block', ...MINIMAL['run-block'], 'dry-run': 'false' })
    expect(config.common.dryRun).toBe(false)
    expect(config.unusedInputs).toEqual([])
  })

  it.each(['run-block', 'start-cluster'] as const)('dry-run: yes on %s is an error', operation => {
    expectConfigError(
      () => parse({ operation, ...MINIMAL[operation], 'dry-run': 'yes' }),
      'dry-run',
      'must be true or false'
    )
  })
})

describe('parseConfig: common settings', () => {
  it('reads every common input', () => {
    const config = parse({
      operation: 'start-cluster',
      ...CLOUD,
      timeout: '1h30m',
      wait: 'false',
      'poll-interval': '10s',
      'fail-on-error': 'False'
    })
    expect(config.common).toEqual({
      timeoutMs: 90 * 60_000,
      wait: false,
      pollIntervalMs: 10_000,
      failOnError: false,
      dryRun: false
    })
  })

  it.each([
    ['timeout', '0', 'must be more than 0s'],
    ['timeout', '0s', 'must be more than 0s'],
    ['timeout', '1d', "'1d' is not a duration"],
    ['timeout', '-5m', 'is not a duration'],
    ['timeout', '200h', 'at most 120h'],
    ['poll-interval', '100ms', 'must be between 1s and 5m'],
    ['poll-interval', '10m', 'must be between 1s and 5m'],
    ['poll-interval', 'often', 'is not a duration'],
    ['wait', 'yes', 'must be true or false'],
    ['fail-on-error', 'no', 'must be true or false'],
    ['replicas', '0', 'must be a positive integer'],
    ['replicas', '1.5', 'must be a positive integer'],
    ['cloud-api-url', 'http://cloud.mage.ai/api/v1', 'must start with https://'],
    ['cloud-api-url', 'https://u:p@cloud.mage.ai/api/v1', 'contains credentials'],
    ['cloud-api-url', 'https://cloud.mage.ai/api/v1?x=1', 'must not contain a query'],
    ['cluster-url', 'http://mage.example.com', 'must start with https://'],
    ['cluster-url', 'https://mage.example.com/#x', 'must not contain a fragment']
  ])('start-cluster with %s %j is an error: %s', (input, value, fragment) => {
    expectConfigError(
      () => parse({ operation: 'start-cluster', ...CLOUD, [input]: value }),
      input,
      fragment
    )
  })

  it('does not validate inputs the operation does not use, but lists them as unused', () => {
    const config = parse({
      operation: 'run-block',
      ...MINIMAL['run-block'],
      wait: 'yes',
      'poll-interval': 'often',
      replicas: 'many',
      'cloud-api-url': 'ftp://x',
      environment: 'prod'
    })
    expect(config.common.wait).toBe(true)
    expect(config.common.pollIntervalMs).toBe(5000)
    expect(config.unusedInputs).toEqual([
      'wait',
      'poll-interval',
      'cloud-api-url',
      'replicas',
      'environment'
    ])
  })

  it('validates an env fallback the operation uses', () => {
    expectConfigError(
      () =>
        parse(
          { operation: 'start-cluster', ...CLOUD },
          { MAGE_CLUSTER_URL: 'http://mage.example.com' }
        ),
      'cluster-url',
      'must start with https://'
    )
  })

  it('ignores an env fallback the operation does not use, without a warning', () => {
    const config = parse({ operation: 'cluster-status', ...CLOUD }, { MAGE_CLUSTER_URL: 'bad' })
    expect(config.unusedInputs).toEqual([])
  })
})

describe('parseConfig: start-cluster', () => {
  it('takes replicas and a cluster URL for readiness, /api stripped', () => {
    const config = parseAs('start-cluster', {
      ...CLOUD,
      replicas: '3',
      'cluster-url': 'https://mage.example.com/mage/api/'
    })
    expect(config.replicas).toBe(3)
    expect(config.clusterUrl).toBe('https://mage.example.com/mage')
  })
})

describe('parseConfig: stop-cluster and skip-if-busy', () => {
  const busy = { ...CLOUD, 'skip-if-busy': 'true', ...CLUSTER_URL, ...CLUSTER_LOGIN }

  it('builds the skip-if-busy settings, busy-max-age 24h by default', () => {
    expect(parseAs('stop-cluster', busy).skipIfBusy).toEqual({
      clusterUrl: 'https://mage.example.com',
      cluster: CLUSTER_CREDENTIALS,
      busyMaxAgeMs: 24 * 3_600_000
    })
  })

  it('reads busy-max-age', () => {
    const config = parseAs('stop-cluster', { ...busy, 'busy-max-age': '90m' })
    expect(config.skipIfBusy?.busyMaxAgeMs).toBe(90 * 60_000)
  })

  it.each([
    [
      'cluster-url',
      'is required for stop-cluster with skip-if-busy: true (or set MAGE_CLUSTER_URL)'
    ],
    [
      'cluster-email',
      'is required for stop-cluster with skip-if-busy: true (or set MAGE_CLUSTER_EMAIL)'
    ],
    [
      'cluster-password',
      'is required for stop-cluster with skip-if-busy: true (or set MAGE_CLUSTER_PASSWORD)'
    ]
  ])('skip-if-busy without %s is an error', (input, fragment) => {
    expectConfigError(
      () => parse({ operation: 'stop-cluster', ...busy, [input]: '' }),
      input,
      fragment
    )
  })

  it.each([
    ['busy-max-age', '59s', 'must be at least 1m'],
    ['busy-max-age', '1 day', 'is not a duration'],
    ['skip-if-busy', 'yes', 'must be true or false']
  ])('%s %j is an error', (input, value, fragment) => {
    expectConfigError(
      () => parse({ operation: 'stop-cluster', ...busy, [input]: value }),
      input,
      fragment
    )
  })

  it('without skip-if-busy the cluster inputs are unused, not validated', () => {
    const config = parseAs('stop-cluster', {
      ...CLOUD,
      'cluster-url': 'http://not-loopback',
      ...CLUSTER_LOGIN,
      'busy-max-age': '1s'
    })
    expect(config.skipIfBusy).toBeUndefined()
    expect(config.unusedInputs).toEqual([
      'busy-max-age',
      'cluster-url',
      'cluster-email',
      'cluster-password'
    ])
  })
})

describe('parseConfig: set-env', () => {
  const SECRET = 'v@lue-$(whoami)-🔑'

  it.each<[string, Inputs, { name: string; value: string }[], string[]]>([
    [
      'dotenv lines',
      { env: 'A=1\nexport B="two words"\n' },
      [
        { name: 'A', value: '1' },
        { name: 'B', value: 'two words' }
      ],
      []
    ],
    [
      'a JSON object',
      { env: '{"A": "1", "PORT": 8080}' },
      [
        { name: 'A', value: '1' },
        { name: 'PORT', value: '8080' }
      ],
      []
    ],
    ['only unset-env', { 'unset-env': 'OLD\r\nSTALE\r\n' }, [], ['OLD', 'STALE']],
    ['both', { env: 'A=1', 'unset-env': 'B' }, [{ name: 'A', value: '1' }], ['B']],
    ['a unicode value', { env: 'G=héllo 🚀' }, [{ name: 'G', value: 'héllo 🚀' }], []],
    ['shell metacharacters', { env: `CMD=${SECRET}` }, [{ name: 'CMD', value: SECRET }], []],
    [
      'CRLF and comments',
      { env: '# header\r\nA=1\r\n\r\nB=2\r\n' },
      [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' }
      ],
      []
    ]
  ])('%s', (_, inputs, env, unset) => {
    const config = parseAs('set-env', { ...CLOUD, ...inputs })
    expect(config.env).toEqual(env)
    expect(config.unset).toEqual(unset)
  })

  it('keeps a 100 KiB value', () => {
    const big = 'x'.repeat(100 * 1024)
    expect(parseAs('set-env', { ...CLOUD, env: `BIG=${big}` }).env).toEqual([
      { name: 'BIG', value: big }
    ])
  })

  it.each<[string, Inputs, string, string]>([
    ['neither env nor unset-env', {}, 'env', 'is required for set-env: give env'],
    ['env with only comments', { env: '# nothing\n' }, 'env', 'is required for set-env'],
    [
      'a name in env and unset-env',
      { env: `A=${SECRET}`, 'unset-env': 'A' },
      'unset-env',
      "'A' is also in env"
    ],
    ['env not dotenv', { env: `just a ${SECRET}` }, 'env', 'line 1 is not NAME=VALUE'],
    ['env not valid JSON', { env: `{"A": "${SECRET}"` }, 'env', 'is not valid JSON'],
    [
      'env JSON not flat',
      { env: `{"A": {"B": "${SECRET}"}}` },
      'env',
      "the value of 'A' is an object"
    ],
    ['a bad env name', { env: `MY-VAR=${SECRET}` }, 'env', "'MY-VAR' is not a valid env name"],
    ['a name with a space', { env: `MY VAR=${SECRET}` }, 'env', "'MY VAR' is not a valid env name"],
    ['a name with =', { env: `{"A=B": "${SECRET}"}` }, 'env', 'is not a valid env name'],
    ['a duplicate name', { env: `A=1\nA=${SECRET}` }, 'env', "'A' is given twice"],
    ['a duplicate JSON key', { env: `{"A": "1", "A": "${SECRET}"}` }, 'env', "'A' is given twice"],
    ['a bad unset name', { 'unset-env': '1A' }, 'unset-env', "'1A' is not a valid env name"],
    ['a duplicate unset name', { 'unset-env': 'A\nA' }, 'unset-env', "'A' is given twice"]
  ])('%s is an error', (_, inputs, input, fragment) => {
    const error = expectConfigError(
      () => parse({ operation: 'set-env', ...CLOUD, ...inputs }),
      input,
      fragment
    )
    expect(error.message).not.toContain(SECRET)
  })
})

describe('parseConfig: run-block', () => {
  const run = MINIMAL['run-block']

  it('reads every run-block input', () => {
    const config = parseAs('run-block', {
      ...run,
      'cluster-url': 'http://localhost:6789/api',
      block: '\r\n load \r\ntransform\r\n\r\n',
      variables: '  env: prod\n  rows: 10\n',
      'run-upstream-blocks': 'true',
      'incomplete-only': 'True',
      record: 'false',
      'store-variables': 'FALSE',
      project: 'sub'
    })
    expect(config).toMatchObject({
      clusterUrl: 'http://localhost:6789',
      blocks: ['load', 'transform'],
      variables: { env: 'prod', rows: 10 },
      runUpstreamBlocks: true,
      incompleteOnly: true,
      record: false,
      storeVariables: false,
      project: 'sub'
    })
  })

  it('takes a 100 KiB variables value and unicode', () => {
    const big = 'é'.repeat(100 * 1024)
    const config = parseAs('run-block', { ...run, variables: JSON.stringify({ big, emoji: '🚀' }) })
    expect(config.variables).toEqual({ big, emoji: '🚀' })
  })

  it.each([
    ['block', 'load\nload', "'load' is given twice"],
    ['variables', '[1, 2]', 'must be an object (a mapping)'],
    ['variables', '{"a": ', 'is not valid YAML or JSON'],
    ['variables', 'a: 1\n b: 2: 3', 'is not valid YAML or JSON'],
    ['variables', 'a: !foo 1', 'custom tags are not allowed'],
    ['variables', '{"a": 1, "a": 2}', "has the key 'a' twice"],
    ['record', 'yes', 'must be true or false'],
    ['run-upstream-blocks', '1', 'must be true or false'],
    ['incomplete-only', 'y', 'must be true or false'],
    ['store-variables', 'off', 'must be true or false'],
    ['cluster-url', 'http://10.0.0.5:6789', 'must start with https://'],
    ['cluster-url', 'https://admin:pw@mage.example.com', 'contains credentials'],
    ['cluster-url', 'https://mage.example.com?x=1', 'must not contain a query'],
    ['cluster-url', 'not a url', 'must not contain spaces'],
    ['cluster-url', 'mage.example.com', 'is not a valid URL'],
    ['trigger-token', 'two words', 'must be one token']
  ])('%s %j is an error', (input, value, fragment) => {
    expectConfigError(
      () => parse({ operation: 'run-block', ...run, [input]: value }),
      input,
      fragment
    )
  })
})

describe('parseConfig: run-pipeline', () => {
  const run = MINIMAL['run-pipeline']

  it('has no cluster login without credentials', () => {
    expect(parseAs('run-pipeline', run).cluster).toBeUndefined()
  })

  it('takes cluster credentials from env fallbacks', () => {
    const config = parseAs('run-pipeline', run, {
      MAGE_CLUSTER_EMAIL: 'e@x.io',
      MAGE_CLUSTER_PASSWORD: 'pw',
      MAGE_CLUSTER_API_KEY: 'k'
    })
    expect(config.cluster).toEqual({ email: 'e@x.io', password: 'pw', apiKey: 'k' })
  })

  it.each([
    [
      { 'cluster-email': 'e@x.io' },
      'cluster-password',
      'is required for run-pipeline with cluster-email (or set MAGE_CLUSTER_PASSWORD)'
    ],
    [
      { 'cluster-password': 'pw' },
      'cluster-email',
      'is required for run-pipeline with cluster-password (or set MAGE_CLUSTER_EMAIL)'
    ]
  ])('half a login (%j) is an error naming the missing input', (inputs, input, fragment) => {
    expectConfigError(
      () => parse({ operation: 'run-pipeline', ...run, ...inputs }),
      input,
      fragment
    )
  })

  it.each([
    ['schedule-id', '0', 'must be a positive integer'],
    ['schedule-id', 'daily', 'must be a positive integer'],
    ['schedule-id', '-3', 'must be a positive integer'],
    ['variables', '"text"', 'must be an object (a mapping)'],
    ['variables', '{"id": 12345678901234567890}', 'too large to keep exactly']
  ])('%s %j is an error', (input, value, fragment) => {
    expectConfigError(
      () => parse({ operation: 'run-pipeline', ...run, [input]: value }),
      input,
      fragment
    )
  })

  it('reads schedule-id and variables', () => {
    const config = parseAs('run-pipeline', {
      ...run,
      'schedule-id': ' 42 ',
      variables: '{"d": "2024-01-01"}'
    })
    expect(config.scheduleId).toBe(42)
    expect(config.variables).toEqual({ d: '2024-01-01' })
  })
})

describe('parseConfig: deploy-git', () => {
  const deploy = MINIMAL['deploy-git']
  const SETTING = { 'deployment-setting': 'prod-deploy', 'deploy-branch': 'deploy-main' }
  const PR: GitHubContext = {
    eventName: 'pull_request',
    sha: 'f'.repeat(40),
    refName: '12/merge',
    headRef: 'feature',
    payload: { pull_request: { head: { sha: 'b'.repeat(40) } } }
  }

  it('git sync: no deployment setting, defaults from the push', () => {
    const config = parseAs('deploy-git', deploy)
    expect(config.deploymentSetting).toBeUndefined()
    expect(config.deployBranch).toBeUndefined()
    expect(config.source).toEqual({ sha: SHA, branch: 'main', commitMessage: 'Add feature X' })
  })

  it('git sync: deployment-only inputs are listed, not validated', () => {
    const config = parseAs('deploy-git', {
      ...deploy,
      'git-sha': 'not-a-sha',
      'deploy-branch': 'x',
      'target-directory': '/srv'
    })
    expect(config.deploymentInputsGiven).toEqual(['git-sha', 'deploy-branch', 'target-directory'])
    expect(config.unusedInputs).toEqual([])
  })

  it('git sync works without any sha in the context', () => {
    const empty: GitHubContext = { eventName: '', sha: '', refName: '', headRef: '', payload: {} }
    expect(parseAs('deploy-git', deploy, {}, empty).source).toEqual({
      sha: '',
      branch: '',
      commitMessage: ''
    })
  })

  it('Deployments: the setting, the deploy branch, the environment and a target directory', () => {
    const config = parseAs('deploy-git', {
      ...deploy,
      ...SETTING,
      environment: 'staging',
      'target-directory': '/home/src/project'
    })
    expect(config).toMatchObject({
      deploymentSetting: 'prod-deploy',
      deployBranch: 'deploy-main',
      environment: 'staging',
      targetDirectory: '/home/src/project',
      source: { sha: SHA, branch: 'main', commitMessage: 'Add feature X' },
      deploymentInputsGiven: ['deploy-branch', 'environment', 'target-directory']
    })
  })

  it('on a pull request: the head sha (not the merge commit) and the head branch', () => {
    const config = parseAs('deploy-git', { ...deploy, ...SETTING }, {}, PR)
    expect(config.source).toEqual({
      sha: 'b'.repeat(40),
      branch: 'feature',
      commitMessage: 'b'.repeat(40)
    })
  })

  it.each<[string, Inputs, { sha: string; branch: string; commitMessage: string }]>([
    [
      'explicit inputs win',
      { 'git-sha': 'c'.repeat(40), 'git-branch': 'release', 'commit-message': 'Ship it' },
      { sha: 'c'.repeat(40), branch: 'release', commitMessage: 'Ship it' }
    ],
    [
      'another sha does not borrow the push message',
      { 'git-sha': 'abc1234' },
      { sha: 'abc1234', branch: 'main', commitMessage: 'abc1234' }
    ],
    [
      'the same sha keeps the push message',
      { 'git-sha': SHA },
      { sha: SHA, branch: 'main', commitMessage: 'Add feature X' }
    ],
    [
      'a unicode message with shell metacharacters, verbatim',
      { 'commit-message': 'Füge $(x) & `y` hinzu 🚀' },
      { sha: SHA, branch: 'main', commitMessage: 'Füge $(x) & `y` hinzu 🚀' }
    ]
  ])('source: %s', (_, inputs, expected) => {
    expect(parseAs('deploy-git', { ...deploy, ...SETTING, ...inputs }).source).toEqual(expected)
  })

  it.each<[string, Inputs, GitHubContext, string, string]>([
    [
      'no deploy-branch',
      { 'deploy-branch': '' },
      PUSH,
      'deploy-branch',
      'is required for deploy-git with deployment-setting'
    ],
    [
      'a bad environment',
      { environment: 'prod' },
      PUSH,
      'environment',
      'must be one of development, staging, production'
    ],
    ['a bad sha', { 'git-sha': 'main' }, PUSH, 'git-sha', 'must be a commit sha'],
    ['a short sha', { 'git-sha': 'abc12' }, PUSH, 'git-sha', 'must be a commit sha'],
    [
      'no sha anywhere',
      {},
      { ...PUSH, sha: '' },
      'git-sha',
      'is required for deploy-git with deployment-setting'
    ],
    [
      'no branch anywhere',
      {},
      { ...PUSH, refName: '' },
      'git-branch',
      'is required for deploy-git with deployment-setting'
    ],
    [
      'a setting with /',
      { 'deployment-setting': 'a/b' },
      PUSH,
      'deployment-setting',
      'must be a single id'
    ]
  ])('%s is an error', (_, inputs, github, input, fragment) => {
    expectConfigError(
      () => parse({ operation: 'deploy-git', ...deploy, ...SETTING, ...inputs }, {}, github),
      input,
      fragment
    )
  })

  it('checks environment in git-sync mode too', () => {
    expectConfigError(
      () => parse({ operation: 'deploy-git', ...deploy, environment: 'qa' }),
      'environment',
      'must be one of'
    )
  })
})

describe('parseConfig: secrets', () => {
  it('lists every secret value, not the public default keys', () => {
    const config = parse({
      operation: 'run-pipeline',
      ...MINIMAL['run-pipeline'],
      ...CLUSTER_LOGIN,
      'cloud-password': 'unused-cloud-pw'
    })
    expect(config.secrets).toEqual(['unused-cloud-pw', 'trigger-tok', 'cluster-pw'])
  })

  it('lists user-given API keys, once each', () => {
    const config = parse({
      operation: 'deploy-git',
      ...MINIMAL['deploy-git'],
      'cluster-api-key': 'own-cluster-key',
      'cloud-api-key': 'own-cluster-key'
    })
    expect(config.secrets).toEqual(['own-cluster-key', 'cluster-pw'])
  })

  it('treats a key equal to the public default as public', () => {
    const config = parse({
      operation: 'deploy-git',
      ...MINIMAL['deploy-git'],
      'cluster-api-key': DEFAULT_CLUSTER_API_KEY
    })
    expect(config.secrets).toEqual(['cluster-pw'])
  })
})

describe('parseConfig: unused inputs', () => {
  it.each<[Operation, Inputs, string[]]>([
    ['run-block', { replicas: '2', 'cloud-email': 'x' }, ['cloud-email', 'replicas']],
    ['cluster-status', { wait: 'false', 'cluster-url': 'https://x' }, ['wait', 'cluster-url']],
    ['start-cluster', { block: 'x', variables: '{"a": 1}' }, ['block', 'variables']],
    // The runner fills action.yml defaults in as inputs: a value equal to its default is not "given".
    ['cluster-status', { wait: 'true', variables: '{}', environment: 'production' }, []],
    ['set-env', { 'skip-if-busy': 'true' }, ['skip-if-busy']],
    ['run-pipeline', { pipeline: 'p', 'git-sha': SHA }, ['pipeline', 'git-sha']],
    ['deploy-git', { 'trigger-token': 't' }, ['trigger-token']]
  ])('%s lists %j as unused', (operation, extra, unused) => {
    expect(parse({ operation, ...MINIMAL[operation], ...extra }).unusedInputs).toEqual(unused)
  })

  it('a job-level env fallback is never "unused"', () => {
    const config = parse(
      { operation: 'run-block', ...MINIMAL['run-block'] },
      { MAGE_CLOUD_EMAIL: 'x', MAGE_CLOUD_PASSWORD: 'y', MAGE_TEAM_ID: 't' }
    )
    expect(config.unusedInputs).toEqual([])
  })
})

describe('CONFIG_DEFAULTS', () => {
  it('holds the default of every input that has one', () => {
    expect(CONFIG_DEFAULTS).toEqual({
      timeout: '15m',
      wait: 'true',
      'poll-interval': '5s',
      'fail-on-error': 'true',
      'dry-run': 'false',
      'cloud-api-key': DEFAULT_CLOUD_API_KEY,
      'cloud-api-url': DEFAULT_CLOUD_API_URL,
      replicas: '1',
      'skip-if-busy': 'false',
      'busy-max-age': '24h',
      'cluster-api-key': DEFAULT_CLUSTER_API_KEY,
      variables: '{}',
      'run-upstream-blocks': 'false',
      'incomplete-only': 'false',
      record: 'true',
      'store-variables': 'true',
      environment: 'production'
    })
  })

  it('every default parses for every operation', () => {
    for (const operation of OPERATIONS) {
      expect(() => parse({ operation, ...MINIMAL[operation] })).not.toThrow()
    }
    expect(INPUTS.filter(spec => spec.default !== undefined)).toHaveLength(
      Object.keys(CONFIG_DEFAULTS).length
    )
  })
})
