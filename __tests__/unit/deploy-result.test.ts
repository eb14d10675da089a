import { describe, expect, it } from '@jest/globals'
import {
  deploymentPayload,
  readDeploymentAnswer,
  readSyncAnswer
} from '../../src/cluster/deploy-result.js'
import type { DeployGitConfig } from '../../src/config/types.js'

const CONFIG: DeployGitConfig = {
  operation: 'deploy-git',
  clusterUrl: 'https://mage.example.com',
  cluster: { email: 'e', password: 'p', apiKey: 'k' },
  deploymentSetting: 'git-deploy',
  source: { sha: 'abc123', branch: 'main', commitMessage: 'Add feature X' },
  deployBranch: 'deploy-main',
  environment: 'production',
  deploymentInputsGiven: []
}

describe('deploymentPayload', () => {
  it('has the source and stage of mage-api.md §8.3', () => {
    expect(deploymentPayload(CONFIG)).toEqual({
      source: { head: { name: 'main' }, name: 'Add feature X', version: 'abc123' },
      stage: { branch: { name: 'deploy-main' }, environment: 'production' }
    })
  })

  it('adds target_directory only when given', () => {
    const payload = deploymentPayload({ ...CONFIG, targetDirectory: '/home/src/p' })
    expect(payload.stage).toMatchObject({ target_directory: '/home/src/p' })
  })
})

describe('readDeploymentAnswer', () => {
  it.each([
    [
      'the emulator shape',
      { deployment: { id: 4, status: 'deployed', source: { version: 'abc123' } }, metadata: null },
      { status: 'deployed', deploymentId: '4', commit: 'abc123' }
    ],
    [
      'no status',
      { deployment: { id: 'd-9' } },
      { status: 'deployed', deploymentId: 'd-9', commit: 'sent' }
    ],
    [
      'a non-final status',
      { deployment: { status: 'pending' } },
      { status: 'pending', commit: 'sent' }
    ],
    ['an empty body', {}, { status: 'deployed', commit: 'sent' }],
    [
      'a git error in a success body',
      { deployment: { id: 5, status: 'failed', error: 'fatal: reference is not a tree' } },
      { status: 'failed', deploymentId: '5', gitError: 'fatal: reference is not a tree' }
    ],
    [
      'a failed status without a message',
      { deployment: { status: 'error' } },
      { status: 'error', gitError: "the deployment status is 'error'" }
    ]
  ])('reads %s', (_, body, expected) => {
    expect(readDeploymentAnswer(body, 'sent')).toMatchObject(expected)
  })
})

describe('readSyncAnswer', () => {
  it('reads the configured branch, and no commit unless the answer names one', () => {
    expect(readSyncAnswer({ sync: { branch: 'main', type: 'git' } })).toEqual({
      status: 'deployed',
      branch: 'main',
      commit: undefined
    })
  })

  it('takes a commit the answer names', () => {
    expect(readSyncAnswer({ sync: { commit: 'f00d' } }).commit).toBe('f00d')
  })

  it('fails on a git error inside the success body', () => {
    expect(readSyncAnswer({ sync: { error: 'Please authenticate' } }).gitError).toBe(
      'Please authenticate'
    )
  })
})
