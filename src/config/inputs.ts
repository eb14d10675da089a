// Every input of action.yml: its env fallback, the default the code applies, and who uses it.
// A test checks this table against action.yml, so the two never drift.
import type { Operation } from './types.js'

export const DEFAULT_CLOUD_API_URL = 'https://cloud.mage.ai/api/v1'
/** The Cloud portal's public key, as published in the Mage Pro API docs. */
export const DEFAULT_CLOUD_API_KEY = 'oMqz2m320NfVERFonfytPFVETfPTHyN5N7db9dLK'
/** The public Mage client key, the same on every install (mage_ai/settings/server.py). */
export const DEFAULT_CLUSTER_API_KEY = 'zkWlN0PkIKSN0C11CfUHUj84OT5XOJ6tDZ6bDRO2'

export interface InputSpec {
  readonly name: string
  /** Environment variable read when the input is empty. */
  readonly envFallback?: string
  /** Default applied by the code when the input (and its fallback) is empty. */
  readonly default?: string
  /** Operations that use it; 'all' for every operation. */
  readonly usedBy: readonly Operation[] | 'all'
  readonly secret?: boolean
}

const CLOUD: Operation[] = ['start-cluster', 'stop-cluster', 'set-env', 'cluster-status']
const CLUSTER_LOGIN: Operation[] = ['deploy-git', 'run-pipeline', 'stop-cluster']

export const INPUTS: readonly InputSpec[] = [
  { name: 'operation', usedBy: 'all' },
  { name: 'timeout', usedBy: 'all', default: '15m' },
  {
    name: 'wait',
    usedBy: ['start-cluster', 'stop-cluster', 'set-env', 'deploy-git', 'run-pipeline'],
    default: 'true'
  },
  {
    name: 'poll-interval',
    usedBy: ['start-cluster', 'stop-cluster', 'set-env', 'deploy-git', 'run-pipeline'],
    default: '5s'
  },
  { name: 'fail-on-error', usedBy: 'all', default: 'true' },
  {
    name: 'dry-run',
    usedBy: ['start-cluster', 'stop-cluster', 'set-env', 'deploy-git'],
    default: 'false'
  },
  { name: 'cloud-email', envFallback: 'MAGE_CLOUD_EMAIL', usedBy: CLOUD },
  { name: 'cloud-password', envFallback: 'MAGE_CLOUD_PASSWORD', usedBy: CLOUD, secret: true },
  {
    name: 'cloud-api-key',
    envFallback: 'MAGE_CLOUD_API_KEY',
    usedBy: CLOUD,
    default: DEFAULT_CLOUD_API_KEY,
    secret: true
  },
  {
    name: 'cloud-api-url',
    envFallback: 'MAGE_CLOUD_API_URL',
    usedBy: CLOUD,
    default: DEFAULT_CLOUD_API_URL
  },
  { name: 'team-id', envFallback: 'MAGE_TEAM_ID', usedBy: CLOUD },
  { name: 'cluster-id', envFallback: 'MAGE_CLUSTER_ID', usedBy: CLOUD },
  { name: 'env', usedBy: ['set-env'] },
  { name: 'unset-env', usedBy: ['set-env'] },
  { name: 'replicas', usedBy: ['start-cluster'], default: '1' },
  { name: 'skip-if-busy', usedBy: ['stop-cluster'], default: 'false' },
  { name: 'busy-max-age', usedBy: ['stop-cluster'], default: '24h' },
  {
    name: 'cluster-url',
    envFallback: 'MAGE_CLUSTER_URL',
    usedBy: ['run-block', 'deploy-git', 'run-pipeline', 'start-cluster', 'set-env', 'stop-cluster']
  },
  {
    name: 'trigger-token',
    envFallback: 'MAGE_TRIGGER_TOKEN',
    usedBy: ['run-block', 'run-pipeline'],
    secret: true
  },
  { name: 'cluster-email', envFallback: 'MAGE_CLUSTER_EMAIL', usedBy: CLUSTER_LOGIN },
  {
    name: 'cluster-password',
    envFallback: 'MAGE_CLUSTER_PASSWORD',
    usedBy: CLUSTER_LOGIN,
    secret: true
  },
  {
    name: 'cluster-api-key',
    envFallback: 'MAGE_CLUSTER_API_KEY',
    usedBy: CLUSTER_LOGIN,
    default: DEFAULT_CLUSTER_API_KEY,
    secret: true
  },
  { name: 'pipeline', usedBy: ['run-block'] },
  { name: 'block', usedBy: ['run-block'] },
  { name: 'variables', usedBy: ['run-block', 'run-pipeline'], default: '{}' },
  { name: 'run-upstream-blocks', usedBy: ['run-block'], default: 'false' },
  { name: 'incomplete-only', usedBy: ['run-block'], default: 'false' },
  { name: 'record', usedBy: ['run-block'], default: 'true' },
  { name: 'store-variables', usedBy: ['run-block'], default: 'true' },
  { name: 'project', usedBy: ['run-block'] },
  { name: 'schedule-id', usedBy: ['run-pipeline'] },
  { name: 'deployment-setting', usedBy: ['deploy-git'] },
  { name: 'git-sha', usedBy: ['deploy-git'] },
  { name: 'git-branch', usedBy: ['deploy-git'] },
  { name: 'commit-message', usedBy: ['deploy-git'] },
  { name: 'deploy-branch', usedBy: ['deploy-git'] },
  { name: 'environment', usedBy: ['deploy-git'], default: 'production' },
  { name: 'target-directory', usedBy: ['deploy-git'] }
]

export const OUTPUTS = [
  'status',
  'error',
  'changed',
  'cluster-status',
  'output',
  'output-truncated',
  'output-file',
  'env-names',
  'pipeline-run-id',
  'run-url',
  'block-statuses',
  'deployment-id',
  'commit'
] as const

export type OutputName = (typeof OUTPUTS)[number]
