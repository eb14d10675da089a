// A value written by set-env reads back byte for byte: through dist/index.js against the
// emulator, dotenv and JSON forms, compared with the cluster's extraEnvs; a second identical
// step finds nothing to write.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { cloudInputs } from '../helpers/cloud-inputs.js'
import { runAction } from '../helpers/run-action.js'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator()
})
afterAll(async () => {
  await emu.stop()
})

const BIG = Array.from({ length: 100 * 1024 }, (_, i) => 'abcdefghij'[i % 10]).join('')
const SHELL = '$(rm -rf /); `id` && echo $HOME | cat > /dev/null; *?[a] ~ !! %PATH% \\ \'"'

/** dotenv lines (CRLF, as a Windows editor saves them) and the values they must give. */
const DOTENV: [string, string][] = [
  ['UNICODE=héllo wörld 🚀 日本語 — ß', 'héllo wörld 🚀 日本語 — ß'],
  [`SINGLE='say "hi" \\n as is'`, 'say "hi" \\n as is'],
  ['DOUBLE="it\'s \\"quoted\\" \\\\ back"', 'it\'s "quoted" \\ back'],
  ['HASH=a#b # not a comment', 'a#b # not a comment'],
  ['EQUALS=a=b==c=', 'a=b==c='],
  ['PADDED="  spaces at both ends  "', '  spaces at both ends  '],
  [
    'NEWLINES="-----BEGIN KEY-----\\nline-two-of-the-key\\n}\\n"',
    '-----BEGIN KEY-----\nline-two-of-the-key\n}\n'
  ],
  [`SHELL_CHARS=${SHELL}`, SHELL],
  ['EMPTY=', ''],
  [`BIG=${BIG}`, BIG]
]

const JSON_VALUES: Record<string, string> = {
  J_UNICODE: '日本語 🚀 \u00e9\u0301 \u2028 end',
  J_CONTROL: 'tab\there\r\nand a bell \u0007',
  J_QUOTES: `"double" 'single' \\ back`,
  J_SHELL: SHELL
}

function envOnCluster(): Map<string, unknown> {
  const entries = emu.cluster.config.extraEnvs ?? []
  return new Map(entries.map(entry => [entry.name, entry.value]))
}

describe('set-env round trip through dist', () => {
  it.each([
    [
      'dotenv lines',
      DOTENV.map(([line]) => line).join('\r\n'),
      Object.fromEntries(DOTENV.map(([line, value]) => [line.slice(0, line.indexOf('=')), value]))
    ],
    [
      'a JSON object',
      JSON.stringify({ ...JSON_VALUES, J_NUMBER: 42, J_BOOL: true }),
      { ...JSON_VALUES, J_NUMBER: '42', J_BOOL: 'true' }
    ]
  ])(
    '%s: every value reads back byte for byte',
    async (_form, env, expected: Record<string, string>) => {
      emu.setClusterStatus('Stopped', { replicaCount: 0 })
      const keysBefore = Object.keys(emu.cluster.config)
      const inputs = cloudInputs(emu, 'set-env', { env })
      const run = await runAction({ inputs })
      expect(run.outputs.error).toBe('')
      expect(JSON.parse(run.outputs['env-names'])).toEqual(Object.keys(expected))

      const onCluster = envOnCluster()
      for (const [name, value] of Object.entries(expected)) expect(onCluster.get(name)).toBe(value)
      expect(onCluster.get('EXISTING_VAR')).toBe('existing-secret-value-123')
      expect(Object.keys(emu.cluster.config)).toEqual(keysBefore)

      // Read back by the action itself: the same step again has nothing to write.
      emu.clearRequests()
      const again = await runAction({ inputs })
      expect(again.outputs.changed).toBe('false')
      expect(JSON.parse(again.outputs['env-names'])).toEqual([])
      expect(emu.requestsTo('cloud', 'PUT')).toHaveLength(0)
    }
  )
})
