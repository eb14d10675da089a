// The user's trial from issue 3: deploy a commit, smoke-run three blocks of which the second
// raises, and read the outputs as an `if: failure()` step would: the failing block, its error
// and the first block's output must all be there.
import * as fs from 'node:fs'
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { TRIGGER_TOKENS, clusterInputs, loginInputs, serving } from '../helpers/cluster-inputs.js'
import { runAction } from '../helpers/run-action.js'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator()
  serving(emu)
})
afterAll(async () => {
  await emu.stop()
})

it('deploy, then a smoke run whose second block raises, read from an if: failure() step', async () => {
  const sha = 'abcdef0123456789abcdef0123456789abcdef01'
  const deploy = await runAction({
    inputs: clusterInputs(emu, 'deploy-git', {
      ...loginInputs(),
      'deployment-setting': 'git-deploy',
      'deploy-branch': 'deploy-main'
    }),
    env: { GITHUB_SHA: sha, GITHUB_REF_NAME: 'main', GITHUB_EVENT_NAME: 'push' }
  })
  expect(deploy.code).toBe(0)
  expect(deploy.outputs).toMatchObject({ status: 'deployed', commit: sha, changed: 'true' })

  const smoke = await runAction({
    inputs: clusterInputs(emu, 'run-block', {
      'trigger-token': TRIGGER_TOKENS.etl,
      pipeline: 'etl_demo',
      block: 'load_data\nraise_err\ntransform\n'
    })
  })
  // The step fails the job...
  expect(smoke.code).toBe(1)
  expect(smoke.stdout).toContain('::error::run-block failed: raise_err: boom from raising block')
  // ...and an `if: failure()` step finds everything in the outputs.
  const { outputs } = smoke
  expect(outputs.status).toBe('failed')
  expect(outputs.error).toMatch(/^raise_err: boom from raising block/)
  const output = JSON.parse(outputs.output) as Record<string, unknown>
  expect(output.load_data).toEqual({ output: [{ rows: [1, 2, 3] }] })
  expect(output.raise_err).toBeNull()
  expect(output).not.toHaveProperty('transform')
  expect(JSON.parse(fs.readFileSync(outputs['output-file'], 'utf8'))).toEqual(output)
  // The summary shows each block's fate and the first block's output.
  expect(smoke.summary).toContain('| load_data | ✅\u00a0completed |')
  expect(smoke.summary).toContain('| raise_err | ❌\u00a0failed |')
  expect(smoke.summary).toContain('| transform | ⏭️\u00a0not run |')
  expect(smoke.summary).toContain('<pre>{"output": [{"rows": [1, 2, 3]}]}</pre>')
})
