// The Cloud operations' configs: start-cluster, stop-cluster, set-env, cluster-status.
import { ConfigError } from '../errors.js'
import { parseBoundedDuration } from './durations.js'
import { parseEnvInput, parseEnvNames } from './env-input.js'
import type { InputValues } from './input-values.js'
import { parseBoolean, parsePositiveInteger } from './scalars.js'
import {
  BUSY_MAX_AGE_MIN_MS,
  cloudSettings,
  clusterCredentials,
  optionalClusterUrl,
  requiredClusterUrl
} from './settings.js'
import type {
  ClusterStatusConfig,
  SetEnvConfig,
  SkipIfBusySettings,
  StartClusterConfig,
  StopClusterConfig
} from './types.js'

export function buildStartCluster(values: InputValues): StartClusterConfig {
  return {
    operation: 'start-cluster',
    cloud: cloudSettings(values, 'start-cluster'),
    clusterUrl: optionalClusterUrl(values),
    replicas: parsePositiveInteger('replicas', values.value('replicas'))
  }
}

export function buildStopCluster(values: InputValues): StopClusterConfig {
  const cloud = cloudSettings(values, 'stop-cluster')
  if (!parseBoolean('skip-if-busy', values.value('skip-if-busy'))) {
    return { operation: 'stop-cluster', cloud }
  }
  // Never stop a cluster whose runs cannot be seen: skip-if-busy needs the cluster's API.
  const neededFor = 'stop-cluster with skip-if-busy: true'
  const skipIfBusy: SkipIfBusySettings = {
    clusterUrl: requiredClusterUrl(values, neededFor),
    cluster: clusterCredentials(values, neededFor),
    busyMaxAgeMs: parseBoundedDuration('busy-max-age', values.value('busy-max-age'), {
      minMs: BUSY_MAX_AGE_MIN_MS
    })
  }
  return { operation: 'stop-cluster', cloud, skipIfBusy }
}

export function buildSetEnv(values: InputValues): SetEnvConfig {
  const cloud = cloudSettings(values, 'set-env')
  const clusterUrl = optionalClusterUrl(values)
  const env = parseEnvInput(values.value('env'))
  const unset = parseEnvNames(values.value('unset-env'))
  if (env.length === 0 && unset.length === 0) {
    throw new ConfigError(
      'env',
      'is required for set-env: give env (NAME=VALUE lines or a JSON object), unset-env (names), or both'
    )
  }
  const setNames = new Set(env.map(entry => entry.name))
  const both = unset.find(name => setNames.has(name))
  if (both !== undefined) {
    throw new ConfigError(
      'unset-env',
      `'${both}' is also in env: a name is set or removed, not both`
    )
  }
  return { operation: 'set-env', cloud, clusterUrl, env, unset }
}

export function buildClusterStatus(values: InputValues): ClusterStatusConfig {
  return { operation: 'cluster-status', cloud: cloudSettings(values, 'cluster-status') }
}
