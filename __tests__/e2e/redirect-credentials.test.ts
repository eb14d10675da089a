// A redirect never carries credentials to another host: each request that holds one (a login
// body, a session cookie, a Bearer trigger token, a cluster login) answered with a 307/308 —
// the redirects that would resend the body — pointing at a recording server on another port.
// The step fails naming the status and the host only, and that server hears nothing.
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type Emulator, type FaultMatch, startEmulator } from '../../emulator/index.js'
import { cloudInputs } from '../helpers/cloud-inputs.js'
import { TRIGGER_TOKENS, clusterInputs, loginInputs, serving } from '../helpers/cluster-inputs.js'
import { runAction } from '../helpers/run-action.js'

let emu: Emulator
let other: http.Server
let otherHost: string
const heard: string[] = []

beforeAll(async () => {
  emu = await startEmulator()
  serving(emu)
  other = http.createServer((req, res) => {
    heard.push(`${req.method} ${req.url}`)
    res.writeHead(200).end('{}')
  })
  await new Promise<void>(resolve => other.listen(0, '127.0.0.1', resolve))
  otherHost = `127.0.0.1:${(other.address() as AddressInfo).port}`
})
afterAll(async () => {
  await emu.stop()
  await new Promise(resolve => other.close(resolve))
})

type RedirectAt = FaultMatch & { redirectStatus: number }

const CASES: [string, RedirectAt, () => Record<string, string | undefined>][] = [
  [
    'the Cloud login (password in the body)',
    { server: 'cloud', method: 'POST', path: '/api/v1/sessions', redirectStatus: 307 },
    () => cloudInputs(emu, 'cluster-status')
  ],
  [
    'a Cloud read (session cookie)',
    { server: 'cloud', method: 'GET', path: '/api/v1/teams', redirectStatus: 308 },
    () => cloudInputs(emu, 'cluster-status')
  ],
  [
    'run-block (Bearer trigger token)',
    { server: 'cluster', method: 'POST', path: '/api/runs', redirectStatus: 307 },
    () =>
      clusterInputs(emu, 'run-block', {
        'trigger-token': TRIGGER_TOKENS.etl,
        pipeline: 'etl_demo',
        block: 'load_data'
      })
  ],
  [
    'the cluster login (password in the body)',
    { server: 'cluster', method: 'POST', path: '/api/sessions', redirectStatus: 308 },
    () => clusterInputs(emu, 'deploy-git', loginInputs())
  ]
]

describe('redirects', () => {
  it.each(CASES)('%s: not followed, nothing reaches the other host', async (_label, at, inputs) => {
    heard.length = 0
    emu.inject({ ...at, redirect: `http://${otherHost}/stolen` })
    const run = await runAction({ inputs: inputs() })
    expect(run.code).toBe(1)
    expect(run.outputs.error).toContain(String(at.redirectStatus))
    expect(run.outputs.error).toContain(otherHost)
    expect(run.outputs.error).not.toContain('/stolen')
    expect(heard).toEqual([])
  })
})
