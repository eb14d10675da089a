// Inputs for each operation in the in-process fuzz test: valid, pointing at hosts that exist
// only inside the fake transport.
import type { Operation } from './matrix-targets.js'

const CLOUD = {
  'cloud-api-url': 'https://cloud.example.com/api/v1',
  'cloud-email': 'ci@example.com',
  'cloud-password': 'cloud-password-123',
  'team-id': 'team-1',
  'cluster-id': 'cluster-1',
  'poll-interval': '5s'
}
const CLUSTER_URL = 'https://mage.example.com'
const LOGIN = { 'cluster-email': 'admin@example.com', 'cluster-password': 'cluster-password-123' }
const TOKEN = '5f0c2a9d8e7b4c1a9f3e6d2b1a0c9e8f'

export const FUZZ_INPUTS: Record<Operation, Record<string, string>> = {
  'start-cluster': { ...CLOUD, 'cluster-url': CLUSTER_URL },
  'stop-cluster': CLOUD,
  'set-env': { ...CLOUD, env: 'FUZZ_VAR=fuzz-value-123' },
  'cluster-status': CLOUD,
  'run-block': {
    'cluster-url': CLUSTER_URL,
    'trigger-token': TOKEN,
    pipeline: 'etl_demo',
    block: 'load_data'
  },
  'deploy-git': {
    'cluster-url': CLUSTER_URL,
    ...LOGIN,
    'deployment-setting': 'git-deploy',
    'deploy-branch': 'deploy-main',
    'poll-interval': '5s'
  },
  'run-pipeline': {
    'cluster-url': CLUSTER_URL,
    ...LOGIN,
    'trigger-token': TOKEN,
    'schedule-id': '1',
    'poll-interval': '5s'
  }
}

export const FUZZ_ENV = {
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_REF_NAME: 'main',
  GITHUB_EVENT_NAME: 'push'
}

/** The secrets among the inputs: none may appear in an output or a log line. */
export const FUZZ_SECRETS = ['cloud-password-123', 'cluster-password-123', TOKEN]
