// The emulator's default world: credentials, the Cloud cluster, pipelines, blocks and triggers.
// Tests and the README rely on these exact values; a scenario given to startEmulator is
// deep-merged over them (objects merge key by key, arrays and other values replace).

export const CLOUD_API_KEY = 'oMqz2m320NfVERFonfytPFVETfPTHyN5N7db9dLK'
// The one public client id every Mage OSS install accepts as X-API-KEY.
export const CLUSTER_API_KEY = 'zkWlN0PkIKSN0C11CfUHUj84OT5XOJ6tDZ6bDRO2'

export const DEFAULT_TIMING = deepFreeze({
  transitionMs: 300,
  servingDelayMs: 200,
  runStepMs: 300,
  deployRestartMs: 500
})

export const DEFAULT_SCENARIO = deepFreeze({
  cloud: {
    apiKey: CLOUD_API_KEY,
    email: 'ci@example.com',
    password: 'cloud-pass-9f3Kq2',
    teamId: 'team-1',
    clusterId: 'cluster-1',
    etags: false,
    cluster: {
      id: 'cluster-1',
      name: 'demo-cluster',
      status: 'Stopped',
      config: {
        replicaCount: 0,
        extraEnvs: [
          { name: 'EXISTING_VAR', value: 'existing-secret-value-123' },
          { name: 'SHORT', value: '1' }
        ],
        image: { repository: 'mageai/mageaipro', tag: '0.9.79' },
        resources: { requests: { cpu: '1' } },
        customUnknownKey: { nested: [1, 2, 3] }
      }
    }
  },
  cluster: {
    apiKey: CLUSTER_API_KEY,
    users: [
      {
        email: 'admin@example.com',
        username: 'admin',
        password: 'cluster-pass-4Wz8',
        role: 'owner'
      }
    ],
    requireAuth: true,
    jwtSecret: 'materia',
    tokenExpirySeconds: 2592000,
    runsFailureMode: 'envelope',
    triggerFailureMode: 'envelope',
    strictServing: false,
    basePath: '',
    repoPath: '/home/src/proj',
    projectUuid: 'f828d1c4e2a94b7c9d3e5f6071829335',
    pipelines: {
      etl_demo: {
        // A triggered run executes only these; the others exist for /api/runs tests.
        runBlocks: ['load_data', 'transform'],
        blocks: {
          load_data: { output: { rows: [1, 2, 3] }, mergeVariables: true },
          transform: {
            output: [
              { a: 1, b: 'x' },
              { a: 2, b: 'y' }
            ],
            upstream: ['load_data']
          },
          raise_err: { raise: 'boom from raising block', exceptionType: 'ValueError' },
          nan_block: { outputRaw: '{"output": [{"ratio": NaN, "max": Infinity}]}' },
          big_output: { outputSize: 3000000 }
        }
      },
      failing_pipeline: {
        blocks: {
          extract: { output: { extracted: 3 } },
          load: { raise: 'load failed: target table is locked', exceptionType: 'RuntimeError' }
        }
      },
      stuck_pipeline: {
        stuck: true,
        blocks: { wait_forever: { output: null } }
      }
    },
    schedules: [
      {
        id: 1,
        name: 'etl_demo API trigger',
        pipeline_uuid: 'etl_demo',
        token: '5f0c2a9d8e7b4c1a9f3e6d2b1a0c9e8f',
        status: 'active',
        schedule_type: 'api'
      },
      {
        id: 2,
        name: 'failing_pipeline API trigger',
        pipeline_uuid: 'failing_pipeline',
        token: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
        status: 'active',
        schedule_type: 'api'
      },
      {
        id: 3,
        name: 'stuck_pipeline API trigger',
        pipeline_uuid: 'stuck_pipeline',
        token: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
        status: 'active',
        schedule_type: 'api'
      }
    ],
    deploymentSettings: ['git-deploy'],
    deploy: { status: 'deployed' },
    sync: {
      config: {
        access_token: null,
        access_token_secret_name: null,
        auth_type: 'https',
        branch: 'main',
        email: 'ci@example.com',
        remote_repo_link: 'https://github.com/example/mage-project.git',
        repo_path: '/home/src/proj',
        ssh_private_key: null,
        ssh_private_key_secret_name: null,
        ssh_public_key: null,
        ssh_public_key_secret_name: null,
        sync_on_executor_start: false,
        sync_on_pipeline_run: false,
        sync_on_start: false,
        sync_submodules: false,
        type: 'git',
        user_git_settings: {
          username: '',
          email: '',
          ssh_private_key_secret_name: null,
          ssh_public_key_secret_name: null,
          access_token_secret_name: null
        },
        username: 'ci-bot'
      }
    }
  }
})

export function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// Merges `over` into a copy of `base`: plain objects merge recursively, anything else replaces;
// `undefined` leaves the base value alone.
export function deepMerge(base, over) {
  if (!isPlainObject(base) || !isPlainObject(over)) {
    return over === undefined ? structuredClone(base) : cloneValue(over)
  }
  const out = structuredClone(base)
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue
    out[key] =
      isPlainObject(out[key]) && isPlainObject(value)
        ? deepMerge(out[key], value)
        : cloneValue(value)
  }
  return out
}

// structuredClone (not JSON) so that Infinity and NaN in a scenario survive the copy.
function cloneValue(value) {
  return structuredClone(value)
}

export function buildScenario(overrides) {
  return deepMerge(DEFAULT_SCENARIO, overrides ?? {})
}

export function buildTiming(overrides, scale = 1) {
  const timing = { ...DEFAULT_TIMING, ...(overrides ?? {}) }
  for (const key of Object.keys(timing)) timing[key] = Math.round(timing[key] * scale)
  return timing
}

function deepFreeze(value) {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}
