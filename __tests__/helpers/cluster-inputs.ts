// Inputs that point the action at an emulator's cluster API with its default credentials,
// trigger tokens and pipelines.
import { DEFAULT_SCENARIO, type Emulator } from '../../emulator/index.js'

const { cluster } = DEFAULT_SCENARIO
const tokenOf = (id: number): string => cluster.schedules.find(s => s.id === id)?.token ?? ''

/** Trigger tokens of the default schedules: 1 etl_demo, 2 failing_pipeline, 3 stuck_pipeline. */
export const TRIGGER_TOKENS = { etl: tokenOf(1), failing: tokenOf(2), stuck: tokenOf(3) }
export const CLUSTER_USER = cluster.users[0]

export function clusterInputs(
  emu: Pick<Emulator, 'clusterUrl'>,
  operation: string,
  extra: Record<string, string | undefined> = {}
): Record<string, string | undefined> {
  // run-block neither waits nor polls: poll-interval would draw an unused-input warning.
  const polls = operation !== 'run-block'
  return {
    operation,
    'cluster-url': emu.clusterUrl,
    ...(polls ? { 'poll-interval': '1s' } : {}),
    timeout: '60s',
    ...extra
  }
}

export function loginInputs(): Record<string, string> {
  return { 'cluster-email': CLUSTER_USER.email, 'cluster-password': CLUSTER_USER.password }
}

/** The cluster must be Active for /api/status to serve. */
export function serving(emu: Emulator): void {
  emu.setClusterStatus('Active', { ...emu.cluster.config, replicaCount: 1 })
}
