#!/usr/bin/env node
// mage-emulator: run the Mage Cloud + cluster emulator until Ctrl-C, printing what a workflow
// needs to talk to it. See emulator/README.md.
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { startEmulator } from './index.js'

const HELP = `Usage: mage-emulator [options]

Serves the Mage Cloud API and a Mage Pro cluster API on loopback, as a real server
answers them, for trying mage-pro-action without a Mage account.

Options:
  --host <addr>          address to listen on (default 127.0.0.1)
  --cloud-port <n>       Cloud API port (default 0: any free port)
  --cluster-port <n>     cluster API port (default 0: any free port)
  --scenario <file>      JSON scenario merged over the defaults (see emulator/README.md)
  --timing-scale <n>     multiply every delay (cluster transitions, run ticks) by n (default 1)
  --log                  print one line per request
  --help                 show this help

Control API (no auth) on the cluster port: GET /__emulator/state, GET /__emulator/requests,
POST /__emulator/faults, POST /__emulator/expire-sessions, POST /__emulator/reset-faults.
`

function fail(message) {
  process.stderr.write(`mage-emulator: ${message}\n\nRun mage-emulator --help for usage.\n`)
  process.exit(2)
}

function parseNumber(name, text, { integer = false, min = 0 } = {}) {
  if (text === undefined) return undefined
  const value = Number(text)
  if (
    text.trim() === '' ||
    !Number.isFinite(value) ||
    value < min ||
    (integer && !Number.isInteger(value))
  ) {
    fail(
      `--${name} must be ${integer ? 'an integer' : 'a number'} >= ${min}, not ${JSON.stringify(text)}`
    )
  }
  return value
}

async function loadScenario(file) {
  if (!file) return undefined
  let text
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    fail(`cannot read --scenario ${file}: ${err instanceof Error ? err.message : String(err)}`)
  }
  try {
    const scenario = JSON.parse(text)
    if (typeof scenario !== 'object' || scenario === null || Array.isArray(scenario)) {
      throw new Error('not a JSON object')
    }
    return scenario
  } catch (err) {
    fail(
      `--scenario ${file} is not a JSON object: ${err instanceof Error ? err.message : String(err)}`
    )
  }
  return undefined
}

function banner(emu) {
  const { cloud, cluster } = emu.scenario
  const schedules = cluster.schedules
    .map(s => `    schedule-id ${s.id}  pipeline ${s.pipeline_uuid}  trigger-token ${s.token}`)
    .join('\n')
  const users = cluster.users
    .map(u => `    ${u.email} / ${u.password}  (${u.role ?? 'owner'})`)
    .join('\n')
  const pipelines = Object.entries(cluster.pipelines)
    .map(([uuid, p]) => `    ${uuid}: ${Object.keys(p.blocks).join(', ')}`)
    .join('\n')
  const first = cluster.schedules[0]
  return `Mage emulator running.

Cloud API     ${emu.cloudUrl}
  email ${cloud.email}  password ${cloud.password}
  X-API-KEY ${cloud.apiKey}
  team-id ${cloud.teamId}  cluster-id ${cloud.clusterId}  (status ${emu.cluster.status})

Cluster API   ${emu.clusterUrl}   (the client appends /api)
  users (email / password):
${users}
  X-API-KEY ${cluster.apiKey}   login required: ${cluster.requireAuth}
  API triggers:
${schedules}
  pipelines and blocks:
${pipelines}
  deployment settings: ${cluster.deploymentSettings.join(', ')}

Example workflow step:
    env:
      MAGE_CLOUD_API_URL: ${emu.cloudUrl}
      MAGE_CLOUD_EMAIL: ${cloud.email}
      MAGE_CLOUD_PASSWORD: ${cloud.password}
      MAGE_CLOUD_API_KEY: ${cloud.apiKey}
      MAGE_TEAM_ID: ${cloud.teamId}
      MAGE_CLUSTER_ID: ${cloud.clusterId}
      MAGE_CLUSTER_URL: ${emu.clusterUrl}
      MAGE_CLUSTER_EMAIL: ${cluster.users[0]?.email ?? ''}
      MAGE_CLUSTER_PASSWORD: ${cluster.users[0]?.password ?? ''}
      MAGE_CLUSTER_API_KEY: ${cluster.apiKey}
      MAGE_TRIGGER_TOKEN: ${first?.token ?? ''}

Control API: ${new URL(emu.clusterUrl).origin}/__emulator/state   (Ctrl-C to stop)
`
}

async function main() {
  let args
  try {
    args = parseArgs({
      options: {
        host: { type: 'string' },
        'cloud-port': { type: 'string' },
        'cluster-port': { type: 'string' },
        scenario: { type: 'string' },
        'timing-scale': { type: 'string' },
        log: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      },
      strict: true,
      allowPositionals: false
    }).values
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err))
  }
  if (args.help) {
    process.stdout.write(HELP)
    return
  }
  const emu = await startEmulator({
    host: args.host ?? '127.0.0.1',
    cloudPort: parseNumber('cloud-port', args['cloud-port'], { integer: true }),
    clusterPort: parseNumber('cluster-port', args['cluster-port'], { integer: true }),
    scenario: await loadScenario(args.scenario),
    timingScale: parseNumber('timing-scale', args['timing-scale']) ?? 1,
    onRequest: args.log
      ? record =>
          process.stdout.write(
            `${new Date(record.at).toISOString()} ${record.server} ${record.method} ${record.path.split('?')[0]} → ${record.status ?? 'dropped'}${record.fault ? ' (fault)' : ''}\n`
          )
      : undefined
  }).catch(err => fail(err instanceof Error ? err.message : String(err)))
  process.stdout.write(banner(emu))

  const shutdown = signal => {
    process.stdout.write(`\n${signal}: stopping the emulator.\n`)
    // The servers are closed by then; this only guards against a stuck socket.
    setTimeout(() => process.exit(0), 3000).unref()
    emu.stop().then(() => {
      process.exitCode = 0
    })
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

await main()
