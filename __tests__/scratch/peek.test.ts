import { it } from '@jest/globals'
import { startEmulator } from '../../emulator/index.js'
import { TRIGGER_TOKENS, clusterInputs, serving } from '../helpers/cluster-inputs.js'
import { runAction } from '../helpers/run-action.js'

it('peek', async () => {
  const emu = await startEmulator()
  serving(emu)
  const run = await runAction({
    inputs: clusterInputs(emu, 'run-block', {
      'trigger-token': TRIGGER_TOKENS.etl,
      pipeline: 'etl_demo',
      block: 'load_data\nraise_err\ntransform'
    })
  })
  console.log(run.stdout + '\n-----\n' + run.summary + '\n-----\n' + JSON.stringify(run.outputs, null, 1))
  await emu.stop()
})
