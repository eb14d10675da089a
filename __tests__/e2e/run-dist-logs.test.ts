// The benchmark's runs send the step's log to files (as to a runner reading it elsewhere): the
// run reads back the same stdout and stderr as through pipes.
import { expect, it } from '@jest/globals'
import { runAction } from '../helpers/run-action.js'

it('a step whose log goes to files reads back the same log as through pipes', async () => {
  const inputs = { operation: 'restart-cluster' }
  const piped = await runAction({ inputs })
  const filed = await runAction({ inputs, logsToFile: true })
  expect(piped.code).toBe(1)
  expect(filed.code).toBe(1)
  expect(filed.stdout).toContain("Input 'operation': 'restart-cluster' is not an operation")
  expect(filed.stdout).toBe(piped.stdout)
  expect(filed.stderr).toBe(piped.stderr)
  expect(filed.outputs).toEqual(piped.outputs)
})
