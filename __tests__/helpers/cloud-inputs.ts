// Inputs that point the action at an emulator's Cloud API with its credentials, for e2e tests.
import type { Emulator } from '../../emulator/index.js'
import { cloudInputsFor } from '../../scripts/lib/emulator-inputs.js'

export function cloudInputs(
  emu: Pick<Emulator, 'cloudUrl' | 'scenario'>,
  operation: string,
  extra: Record<string, string> = {}
): Record<string, string> {
  return cloudInputsFor(emu, operation, { timeout: '60s', ...extra })
}
