import type { Emulator } from '../../emulator/index.js'

export declare function cloudCredentials(
  emu: Pick<Emulator, 'cloudUrl' | 'scenario'>
): Record<string, string>

export declare function cloudInputsFor(
  emu: Pick<Emulator, 'cloudUrl' | 'scenario'>,
  operation: string,
  extra?: Record<string, string>
): Record<string, string>
