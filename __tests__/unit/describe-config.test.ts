import { describe, expect, it } from '@jest/globals'
import { describeConfig } from '../../src/config/describe-config.js'
import type { Config } from '../../src/config/types.js'

const common = {
  timeoutMs: 1000,
  wait: true,
  pollIntervalMs: 1000,
  failOnError: true,
  dryRun: false
}

describe('describeConfig', () => {
  it('shows settings and env names, never a secret or an env value', () => {
    const config: Config = {
      operation: 'set-env',
      cloud: {
        apiUrl: 'https://cloud.example/api/v1',
        apiKey: 'custom-key-123',
        email: 'ci@example.com',
        password: 'pw-secret-1',
        teamId: 't',
        clusterId: 'c'
      },
      env: [{ name: 'TOKEN', value: 'env-secret-value' }],
      unset: ['OLD'],
      common,
      secrets: ['pw-secret-1', 'custom-key-123'],
      unusedInputs: []
    }
    const text = describeConfig(config)
    expect(text).toContain('ci@example.com')
    expect(text).toContain('TOKEN=***')
    expect(text).toContain('OLD')
    for (const secret of ['pw-secret-1', 'custom-key-123', 'env-secret-value']) {
      expect(text).not.toContain(secret)
    }
  })

  it('hides the trigger token and cluster password', () => {
    const config: Config = {
      operation: 'run-pipeline',
      clusterUrl: 'https://mage.example',
      triggerToken: 'trigger-secret',
      scheduleId: 1,
      variables: {},
      cluster: { email: 'a@b.c', password: 'cluster-secret', apiKey: 'k' },
      common,
      secrets: [],
      unusedInputs: []
    }
    const text = describeConfig(config)
    expect(text).not.toContain('trigger-secret')
    expect(text).not.toContain('cluster-secret')
    expect(text).toContain('https://mage.example')
  })
})
