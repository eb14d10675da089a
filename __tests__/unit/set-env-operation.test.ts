// set-env against an in-memory Cloud API whose PUTs replace the whole config, with a concurrent
// writer scripted to overwrite the change at a chosen read.
import { describe, expect, it } from '@jest/globals'
import type { SetEnvConfig } from '../../src/config/types.js'
import { OperationError } from '../../src/errors.js'
import { setEnv } from '../../src/operations/set-env.js'
import { fakeCluster, json } from '../helpers/fake-cluster.js'

interface Env {
  name: string
  value: string
}

const CONFIG: SetEnvConfig = {
  operation: 'set-env',
  cloud: {
    apiUrl: 'https://cloud.example.com/api/v1',
    apiKey: 'key',
    email: 'a@b.c',
    password: 'pw-123456',
    teamId: 't',
    clusterId: 'c'
  },
  env: [{ name: 'MINE', value: 'mine-value-1' }],
  unset: []
}

/**
 * A Cloud whose cluster restarts (Updating → Active) after an env write. `overwriteAt` lists
 * the GETs (1-based) before which another writer puts back what it read before the last PUT.
 */
function cloud(options: { status?: string; overwriteAt?: number[]; initial?: Env[] } = {}) {
  let status = options.status ?? 'Active'
  let envs: Env[] = options.initial ?? [{ name: 'OTHER', value: 'other-value-1' }]
  let beforeLastPut = envs
  let gets = 0
  let puts = 0
  const fake = fakeCluster((request, body) => {
    if (request.url.pathname.endsWith('/sessions'))
      return json({ session: { token: 'tok-123456789' } })
    if (request.method === 'PUT') {
      puts++
      beforeLastPut = envs
      envs = (body as { cluster: { config: { extraEnvs: Env[] } } }).cluster.config.extraEnvs
      if (status === 'Active') status = 'Updating'
    } else {
      gets++
      if (options.overwriteAt?.includes(gets))
        envs = [
          ...beforeLastPut.filter(e => e.name !== 'MINE'),
          { name: 'LATE', value: `late-${gets}` }
        ]
      // The restart ends at the second read after a write.
      else if (status === 'Updating' && gets > 2) status = 'Active'
    }
    return json({ cluster: { status, config: { replicaCount: 1, extraEnvs: envs } } })
  })
  return { ...fake, envs: () => envs, puts: () => puts }
}

describe('setEnv and concurrent writers', () => {
  it('writes, reads back, waits for Active and finds the change in place', async () => {
    const fake = cloud()
    await setEnv(fake.context, CONFIG)
    expect(fake.puts()).toBe(1)
    expect(fake.envs()).toContainEqual({ name: 'MINE', value: 'mine-value-1' })
    expect(fake.report.changed).toBe(true)
  })

  it('merges again when the read-back shows the change lost', async () => {
    const fake = cloud({ overwriteAt: [2] })
    await setEnv(fake.context, CONFIG)
    expect(fake.puts()).toBe(2)
    expect(fake.envs()).toEqual(expect.arrayContaining([{ name: 'MINE', value: 'mine-value-1' }]))
    expect(fake.report.rows).toContainEqual(['Re-merges', '1'])
  })

  // The wait's polls read the config too: a change seen lost there is not a success.
  it('merges again when a poll while waiting for Active shows the change lost', async () => {
    const fake = cloud({ overwriteAt: [3] })
    await setEnv(fake.context, CONFIG)
    expect(fake.puts()).toBe(2)
    expect(fake.envs()).toContainEqual({ name: 'MINE', value: 'mine-value-1' })
    expect(fake.envs()).toContainEqual({ name: 'LATE', value: 'late-3' })
    expect(fake.io.lines.join('\n')).toMatch(/overwrote MINE.*merging again \(1 of 3\)/)
    expect(fake.report.rows).toContainEqual(['Re-merges', '1'])
  })

  it('fails, naming the names, when every read keeps showing the change lost', async () => {
    const fake = cloud({ overwriteAt: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] })
    const failure = await setEnv(fake.context, CONFIG).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(OperationError)
    expect((failure as Error).message).toContain('MINE lost after 3 re-merges')
    expect(fake.puts()).toBe(4)
    expect(fake.report.rows).toContainEqual(['Re-merges', '3 (the change is still lost)'])
  })

  it('writes after all when the values it found in place are gone by the end of the wait', async () => {
    const mine = { name: 'MINE', value: 'mine-value-1' }
    const fake = cloud({ status: 'Updating', initial: [mine], overwriteAt: [2] })
    await setEnv(fake.context, CONFIG)
    expect(fake.puts()).toBe(1)
    expect(fake.envs()).toContainEqual(mine)
    expect(fake.report.changed).toBe(true)
    expect(fake.report.outputs.get('env-names')).toBe('["MINE"]')
  })

  it('does not wait on a Stopped cluster, so only the read-back can catch a loss', async () => {
    const fake = cloud({ status: 'Stopped' })
    await setEnv(fake.context, CONFIG)
    expect(fake.puts()).toBe(1)
    expect(fake.io.lines.join('\n')).toContain('apply at its next start')
  })
})
