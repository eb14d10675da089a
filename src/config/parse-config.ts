// Every input parsed and validated into one typed Config, before any request (SPEC §3 "Bad
// input", §6). Pure: it reads only what it is given.
import { ConfigError } from '../errors.js'
import {
  buildClusterStatus,
  buildSetEnv,
  buildStartCluster,
  buildStopCluster
} from './build-cloud-configs.js'
import { buildDeployGit, buildRunBlock, buildRunPipeline } from './build-cluster-configs.js'
import type { GitHubContext } from './github-context.js'
import { InputValues, isUsedBy, type RawInputs } from './input-values.js'
import { commonSettings } from './settings.js'
import { showValue } from './show-value.js'
import { OPERATIONS, type Config, type Operation, type OperationConfig } from './types.js'
import { needsYamlParser } from './variables.js'
import { loadYamlParser } from './yaml-parser.js'

export { CONFIG_DEFAULTS } from './input-values.js'

export interface InputSource extends RawInputs {
  readonly github: GitHubContext
}

/** parseConfig, after loading the YAML parser if `variables` needs it. */
export async function readConfig(source: InputSource): Promise<Config> {
  if (needsYamlParser(new InputValues(source).value('variables'))) await loadYamlParser()
  return parseConfig(source)
}

/** Synchronous: a `variables` input beyond `{}` needs loadYamlParser() first (or readConfig). */
export function parseConfig(source: InputSource): Config {
  const values = new InputValues(source)
  const operation = parseOperation(values.value('operation'))
  const common = commonSettings(values, operation)
  const config = buildOperationConfig(operation, values, source.github)
  return {
    ...config,
    common,
    secrets: values.secrets(),
    unusedInputs: values.givenNames().filter(name => !usesInput(config, name))
  }
}

function parseOperation(raw: string): Operation {
  const valid = OPERATIONS.join(', ')
  if (raw === '') throw new ConfigError('operation', `is required: one of ${valid}`)
  const operation = OPERATIONS.find(op => op === raw)
  if (operation === undefined) {
    throw new ConfigError('operation', `${showValue(raw)} is not an operation: use one of ${valid}`)
  }
  return operation
}

function buildOperationConfig(
  operation: Operation,
  values: InputValues,
  github: GitHubContext
): OperationConfig {
  switch (operation) {
    case 'start-cluster':
      return buildStartCluster(values)
    case 'stop-cluster':
      return buildStopCluster(values)
    case 'set-env':
      return buildSetEnv(values)
    case 'cluster-status':
      return buildClusterStatus(values)
    case 'run-block':
      return buildRunBlock(values)
    case 'deploy-git':
      return buildDeployGit(values, github)
    case 'run-pipeline':
      return buildRunPipeline(values)
    default: {
      const unknown: never = operation
      throw new Error(`unhandled operation ${String(unknown)}`)
    }
  }
}

/** stop-cluster talks to the cluster only with skip-if-busy; without it these go unused. */
const SKIP_IF_BUSY_ONLY = [
  'cluster-url',
  'cluster-email',
  'cluster-password',
  'cluster-api-key',
  'busy-max-age'
]

function usesInput(config: OperationConfig, name: string): boolean {
  if (config.operation === 'stop-cluster' && config.skipIfBusy === undefined) {
    if (SKIP_IF_BUSY_ONLY.includes(name)) return false
  }
  return isUsedBy(name, config.operation)
}
