// The checks every reliability cell makes besides its outcome: nothing of the cluster's config
// lost, no credential at the wrong host, one-line errors, no stack trace.
import { DEFAULT_SCENARIO, type Emulator, type RecordedRequest } from '../../../emulator/index.js'

const DEFAULT_CONFIG = DEFAULT_SCENARIO.cloud.cluster.config

// JSON, not util.isDeepStrictEqual: the emulator's objects may come from another realm (jest's
// vm context), whose prototypes differ.
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** Config keys and env entries of the default cluster that are gone or changed ("items lost"). */
export function lostConfigItems(emu: Emulator): string[] {
  const config = emu.cluster.config
  const lost: string[] = []
  for (const [key, value] of Object.entries(DEFAULT_CONFIG)) {
    if (key === 'replicaCount' || key === 'extraEnvs') continue
    if (!same(config[key], value)) lost.push(`config.${key}`)
  }
  const envs = Array.isArray(config.extraEnvs) ? config.extraEnvs : []
  for (const entry of DEFAULT_CONFIG.extraEnvs ?? []) {
    if (!envs.some(env => same(env, entry))) lost.push(`extraEnvs.${entry.name}`)
  }
  return lost
}

/** Secrets that belong to one emulator host, by host. */
export function secretsByHost(emu: Emulator): Record<'cloud' | 'cluster', string[]> {
  const { cloud, cluster } = DEFAULT_SCENARIO
  return {
    cloud: [cloud.password, ...emu.sessionsIssued.cloud],
    cluster: [
      ...cluster.users.map(user => user.password),
      ...cluster.schedules.map(schedule => schedule.token ?? ''),
      ...emu.sessionsIssued.cluster.flatMap(session => [session.jwt, session.token])
    ].filter(secret => secret !== '')
  }
}

const requestText = (request: RecordedRequest): string =>
  `${request.path}\n${JSON.stringify(request.headers)}\n${request.body}`

/** "<host> received a <other host> secret" for every request that carried the other's secret. */
export function crossHostLeaks(emu: Emulator): string[] {
  const secrets = secretsByHost(emu)
  const leaks: string[] = []
  for (const request of emu.requests) {
    const other = request.server === 'cloud' ? 'cluster' : 'cloud'
    const text = requestText(request)
    if (secrets[other].some(secret => text.includes(secret))) {
      leaks.push(`${request.server} ${request.method} ${request.path} carried a ${other} secret`)
    }
  }
  return leaks
}

/** Lines that look like a JavaScript stack frame (`at fn (file:1:2)`). */
export function stackFrames(text: string): string[] {
  return text.split('\n').filter(line => /^\s*at .*:\d+:\d+\)?\s*$/.test(line))
}
