// Settings shared by several operations: common knobs, Cloud login, cluster URL and login.
import { ConfigError } from '../errors.js'
import { parseBoundedDuration } from './durations.js'
import { CONFIG_DEFAULTS, isUsedBy, type InputValues } from './input-values.js'
import { parseBoolean } from './scalars.js'
import {
  DRY_RUN_OPERATIONS,
  type CloudSettings,
  type ClusterCredentials,
  type ClusterUrl,
  type CommonSettings,
  type Operation
} from './types.js'
import { parseBaseUrl } from './urls.js'

/**
 * `timeout` has no upper bound in SPEC; 120h is the longest a self-hosted job may run, and stays
 * below the 2^31 ms where Node's timers stop working (a longer delay fires at once).
 */
export const TIMEOUT_MAX_MS = 120 * 3_600_000
export const POLL_INTERVAL_BOUNDS = { minMs: 1000, maxMs: 5 * 60_000 } as const
export const BUSY_MAX_AGE_MIN_MS = 60_000

export function commonSettings(values: InputValues, operation: Operation): CommonSettings {
  // dry-run is read for every operation: `dry-run: true` where none exists must not change things.
  const dryRun = parseBoolean('dry-run', values.value('dry-run'))
  if (dryRun && !DRY_RUN_OPERATIONS.includes(operation)) {
    throw new ConfigError(
      'dry-run',
      `${operation} has no dry run (only ${DRY_RUN_OPERATIONS.join(', ')} have one)`
    )
  }
  // An input the operation does not use keeps its default (and only gets a warning).
  const used = (name: string): string =>
    isUsedBy(name, operation) ? values.value(name) : CONFIG_DEFAULTS[name]
  return {
    timeoutMs: parseBoundedDuration('timeout', values.value('timeout'), {
      minMs: 0,
      exclusiveMin: true,
      maxMs: TIMEOUT_MAX_MS
    }),
    wait: parseBoolean('wait', used('wait')),
    pollIntervalMs: parseBoundedDuration(
      'poll-interval',
      used('poll-interval'),
      POLL_INTERVAL_BOUNDS
    ),
    failOnError: parseBoolean('fail-on-error', values.value('fail-on-error')),
    dryRun
  }
}

export function cloudSettings(values: InputValues, operation: Operation): CloudSettings {
  return {
    email: values.required('cloud-email', operation),
    password: values.required('cloud-password', operation),
    teamId: pathSegment('team-id', values.required('team-id', operation)),
    clusterId: pathSegment('cluster-id', values.required('cluster-id', operation)),
    apiUrl: parseBaseUrl('cloud-api-url', values.value('cloud-api-url'), { stripApiSuffix: false }),
    apiKey: headerToken('cloud-api-key', values.value('cloud-api-key'))
  }
}

export function requiredClusterUrl(values: InputValues, neededFor: string): ClusterUrl {
  return parseClusterUrl(values.required('cluster-url', neededFor))
}

export function optionalClusterUrl(values: InputValues): ClusterUrl | undefined {
  const raw = values.optional('cluster-url')
  return raw === undefined ? undefined : parseClusterUrl(raw)
}

function parseClusterUrl(raw: string): ClusterUrl {
  return parseBaseUrl('cluster-url', raw, { stripApiSuffix: true })
}

export function clusterCredentials(values: InputValues, neededFor: string): ClusterCredentials {
  return {
    email: values.required('cluster-email', neededFor),
    password: values.required('cluster-password', neededFor),
    apiKey: headerToken('cluster-api-key', values.value('cluster-api-key'))
  }
}

/** Ids that become one URL path segment: no `/`, `?`, `#` or whitespace can slip a path in. */
export function pathSegment(input: string, value: string): string {
  if (/[\s/?#\\]/.test(value)) {
    throw new ConfigError(input, 'must be a single id, without spaces, /, \\, ? or #')
  }
  return value
}

/**
 * A secret sent in a header (API keys, trigger token): one token of printable ASCII. Anything
 * else would fail only at the request, as an error that names no input. Never echoed.
 */
export function headerToken(input: string, value: string): string {
  if (!/^[\x21-\x7e]+$/.test(value)) {
    throw new ConfigError(
      input,
      'must be one token of printable ASCII characters, without spaces or line breaks'
    )
  }
  return value
}
