// Every secret a run could leak, by kind: the secret inputs it was given (and their env
// fallbacks), the env values set-env writes, and what the emulators in play hold or issued
// during the run (session tokens, the JWT and the raw token inside, trigger tokens, passwords,
// env values already on the cluster or in flight).
import { type Emulator, runningEmulators } from '../../emulator/index.js'
import { parseEnvInput } from '../../src/config/env-input.js'
import { INPUTS } from '../../src/config/inputs.js'

export type MaskDuty =
  /** Given to the action: masked before its first request. */
  | 'before-requests'
  /** A session token the action received: masked right after the login that returned it. */
  | 'after-login'
  /** Never needs a mask (the action never holds it), but must not appear either. */
  | 'none'

export interface KnownSecret {
  /** What it is, for the failure message (never the value). */
  readonly kind: string
  readonly value: string
  readonly duty: MaskDuty
  /** Held by the server, unknown to the action: a block may return it as data in `output`. */
  readonly serverHeld: boolean
}

/** What the inputs of a run were; the shape of RunOptions the audit needs. */
export interface RunInputs {
  readonly inputs: Record<string, string | undefined>
  readonly env?: Record<string, string | undefined>
}

/** Where each emulator's session lists stood before a run, and the env values it held. */
export interface EmulatorMark {
  readonly emu: Emulator
  readonly cloud: number
  readonly cluster: number
  readonly envValues: string[]
}

export function markEmulators(): EmulatorMark[] {
  return runningEmulators().map(markOf)
}

function markOf(emu: Emulator): EmulatorMark {
  const { cloud, cluster } = emu.sessionsIssued
  return { emu, cloud: cloud.length, cluster: cluster.length, envValues: envValuesOf(emu) }
}

/** The marks taken before the run, plus any emulator started while it ran (from zero). */
export function emulatorsInPlay(before: readonly EmulatorMark[]): EmulatorMark[] {
  const known = new Set(before.map(mark => mark.emu))
  const started = runningEmulators()
    .filter(emu => !known.has(emu))
    .map(emu => ({ emu, cloud: 0, cluster: 0, envValues: [] }))
  return [...before, ...started]
}

/** Env values shorter than this are not masked by the action, and too common to search for. */
export const MIN_ENV_VALUE = 8

export function givenSecrets(run: RunInputs): KnownSecret[] {
  const secrets: KnownSecret[] = []
  for (const spec of INPUTS.filter(spec => spec.secret)) {
    const given = [
      { kind: `${spec.name} input`, raw: run.inputs[spec.name] },
      {
        kind: `${spec.envFallback} env fallback`,
        raw: spec.envFallback && run.env?.[spec.envFallback]
      }
    ]
    for (const { kind, raw } of given) {
      const value = (raw || '').trim()
      // The public default API keys are the same on every install: not secrets.
      if (value !== '' && value !== spec.default) {
        secrets.push({ kind, value, duty: 'before-requests', serverHeld: false })
      }
    }
  }
  for (const name of ['cluster-url', 'cloud-api-url']) {
    // Refused as input, never masked; it must not be echoed either.
    const password = /^[a-z]+:\/\/[^/@]*:([^/@]+)@/i.exec(run.inputs[name] ?? '')?.[1]
    if (password)
      secrets.push({
        kind: `password in ${name}`,
        value: password,
        duty: 'none',
        serverHeld: false
      })
  }
  for (const { name, value } of envEntries(run.inputs)) {
    if (value.length >= MIN_ENV_VALUE) {
      secrets.push({
        kind: `set-env value of ${name}`,
        value,
        duty: 'before-requests',
        serverHeld: false
      })
    }
  }
  return secrets
}

/** The env input's entries; for input the parser refuses, each line's text after `=`. */
function envEntries(inputs: RunInputs['inputs']): { name: string; value: string }[] {
  const raw = inputs.env ?? ''
  if (inputs.operation?.trim() !== 'set-env' || raw.trim() === '') return []
  try {
    return parseEnvInput(raw)
  } catch {
    return raw.split('\n').flatMap((line, index) => {
      const at = line.indexOf('=')
      return at === -1 ? [] : [{ name: `line ${index + 1}`, value: line.slice(at + 1).trim() }]
    })
  }
}

export function emulatorSecrets(marks: readonly EmulatorMark[], since: number): KnownSecret[] {
  return marks.flatMap(mark => [...issuedSince(mark), ...heldBy(mark, since)])
}

function issuedSince(mark: EmulatorMark): KnownSecret[] {
  const { cloud, cluster } = mark.emu.sessionsIssued
  const session = (kind: string, value: string): KnownSecret => ({
    kind,
    value,
    duty: 'after-login',
    serverHeld: false
  })
  return [
    ...cloud.slice(mark.cloud).map(token => session('Cloud session token', token)),
    ...cluster.slice(mark.cluster).flatMap(({ jwt, token }) => {
      const [, payload, signature] = jwt.split('.')
      return [
        session('cluster session JWT', jwt),
        session('raw token inside the cluster JWT', token),
        session('cluster JWT payload', payload),
        session('cluster JWT signature', signature)
      ]
    })
  ]
}

/** What the server holds: trigger tokens, account passwords, env values (before, after, in flight). */
function heldBy(mark: EmulatorMark, since: number): KnownSecret[] {
  const { emu } = mark
  const held = (kind: string, value: string): KnownSecret => ({
    kind,
    value,
    duty: 'none',
    serverHeld: true
  })
  const { cloud, cluster } = emu.scenario
  const written = emu
    .requestsTo('cloud', 'PUT')
    .filter(request => request.at >= since)
    .flatMap(request => envValuesIn(bodyConfig(request.body)))
  const envValues = new Set([...mark.envValues, ...envValuesOf(emu), ...written])
  return [
    ...cluster.schedules.flatMap(s =>
      s.token ? [held(`trigger token of schedule ${s.id}`, s.token)] : []
    ),
    held('Cloud account password', cloud.password),
    ...cluster.users.map(user => held(`cluster password of ${user.email}`, user.password)),
    ...[...envValues]
      .filter(value => value.length >= MIN_ENV_VALUE)
      .map(value => held('env value held by the cluster', value))
  ]
}

function envValuesOf(emu: Emulator): string[] {
  return envValuesIn(emu.cluster.config)
}

function bodyConfig(body: string): unknown {
  try {
    return (JSON.parse(body) as { cluster?: { config?: unknown } }).cluster?.config
  } catch {
    return undefined
  }
}

function envValuesIn(config: unknown): string[] {
  const envs = (config as { extraEnvs?: unknown } | undefined)?.extraEnvs
  if (!Array.isArray(envs)) return []
  return envs.flatMap((entry: unknown) => {
    const value = (entry as { value?: unknown } | null)?.value
    return typeof value === 'string' ? [value] : []
  })
}

/** One entry per value; a kind the action was given wins over what the server holds. */
export function byValue(secrets: readonly KnownSecret[]): KnownSecret[] {
  const rank = (secret: KnownSecret): number =>
    secret.duty === 'before-requests' ? 0 : secret.duty === 'after-login' ? 1 : 2
  const chosen = new Map<string, KnownSecret>()
  for (const secret of secrets) {
    const current = chosen.get(secret.value)
    if (current === undefined || rank(secret) < rank(current)) chosen.set(secret.value, secret)
  }
  return [...chosen.values()]
}
