// Inputs that point the action at an emulator's Cloud API with its default credentials.
import { DEFAULT_SCENARIO } from '../../emulator/index.js'

export interface EmulatorUrls {
  cloudUrl: string
  clusterUrl: string
}

export function cloudInputs(
  emu: EmulatorUrls,
  operation: string,
  extra: Record<string, string> = {}
) {
  const cloud = DEFAULT_SCENARIO.cloud
  return {
    operation,
    'cloud-api-url': emu.cloudUrl,
    'cloud-email': cloud.email,
    'cloud-password': cloud.password,
    'team-id': cloud.teamId,
    'cluster-id': cloud.clusterId,
    'poll-interval': '1s',
    timeout: '60s',
    ...extra
  }
}
