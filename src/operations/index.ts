// operation → handler. The `satisfies` keeps the map exhaustive: a new operation without a
// handler does not compile.
import type { Config, Operation, OperationConfig } from '../config/types.js'
import { clusterStatus } from './cluster-status.js'
import type { OperationContext } from './context.js'
import { deployGit } from './deploy-git.js'
import { runBlock } from './run-block.js'
import { runPipeline } from './run-pipeline.js'
import { setEnv } from './set-env.js'
import { startCluster } from './start-cluster.js'
import { stopCluster } from './stop-cluster.js'

type Handlers = {
  [K in Operation]: (
    context: OperationContext,
    config: Extract<OperationConfig, { operation: K }>
  ) => Promise<void>
}

const HANDLERS = {
  'start-cluster': startCluster,
  'stop-cluster': stopCluster,
  'set-env': setEnv,
  'cluster-status': clusterStatus,
  'run-block': runBlock,
  'deploy-git': deployGit,
  'run-pipeline': runPipeline
} satisfies Handlers

export function runOperation(context: OperationContext, config: Config): Promise<void> {
  const handler = HANDLERS[config.operation] as (
    context: OperationContext,
    config: Config
  ) => Promise<void>
  return handler(context, config)
}

/** What the summary names as the operation's target. */
export function targetOf(config: Config): string {
  if ('cloud' in config) return `cluster ${config.cloud.clusterId} (team ${config.cloud.teamId})`
  return config.clusterUrl
}

/** The cluster's UI, when the inputs name it: linked from every summary. */
export function clusterUrlOf(config: Config): string | undefined {
  if ('clusterUrl' in config) return config.clusterUrl
  if (config.operation === 'stop-cluster') return config.skipIfBusy?.clusterUrl
  return undefined
}
