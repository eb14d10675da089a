// Inputs that point the action at an emulator's Cloud API with the emulator's own credentials.
// Shared by the tests, the demo, the benchmarks and the trials.

/** cloud-api-url and the Cloud login, team and cluster of the emulator's scenario. */
export function cloudCredentials(emu) {
  const { cloud } = emu.scenario
  return {
    'cloud-api-url': emu.cloudUrl,
    'cloud-email': cloud.email,
    'cloud-password': cloud.password,
    'team-id': cloud.teamId,
    'cluster-id': cloud.clusterId
  }
}

/** A Cloud operation's inputs, polling every second (the shortest interval allowed). */
export function cloudInputsFor(emu, operation, extra = {}) {
  return { operation, ...cloudCredentials(emu), 'poll-interval': '1s', ...extra }
}
