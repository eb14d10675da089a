// HTTPS_PROXY / HTTP_PROXY are honoured, as self-hosted runners need. The hosts are made up
// (`*.test`); only the proxy on 127.0.0.1 knows where they are, and it never resolves a name,
// so no traffic leaves the machine. First the transport (plain http through HTTP_PROXY), then,
// only if that went through the proxy, dist/index.js over https through HTTPS_PROXY, a smoke run
// included (one tunnel per block). Last, NO_PROXY: dist/index.js reaches a host it names
// directly, with a preload that resolves `*.test` to 127.0.0.1 in the step's process, and a
// smoke run there opens each next TLS connection while a block runs.
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { NodeTransport } from '../../src/http/transport.js'
import { cloudInputs } from '../helpers/cloud-inputs.js'
import { TRIGGER_TOKENS, clusterInputs, serving } from '../helpers/cluster-inputs.js'
import { runAction } from '../helpers/run-action.js'
import { type ConnectProxy, startConnectProxy } from './support/connect-proxy.js'
import { type TrapProxy, startTrapProxy } from './support/trap-proxy.js'
import {
  type Certificate,
  type TlsFront,
  makeCertificate,
  startTlsFront
} from './support/tls-front.js'

const CLOUD_HOST = 'mage-cloud.test'
const CLUSTER_HOST = 'mage-cluster.test'

let emu: Emulator
let proxy: ConnectProxy
let certificate: Certificate
let fronts: TlsFront[]
/** Set by the transport test: the dist tests run only if the proxy was really used. */
let proxyHonoured = false

const portOf = (url: string) => Number(new URL(url).port)

/** dist/index.js running `block` (one or several) over https through HTTPS_PROXY. */
const runBlockThroughProxy = (block: string) =>
  runAction({
    inputs: clusterInputs(emu, 'run-block', {
      'cluster-url': `https://${CLUSTER_HOST}`,
      'trigger-token': TRIGGER_TOKENS.etl,
      pipeline: 'etl_demo',
      block
    }),
    env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: certificate.certFile }
  })

beforeAll(async () => {
  emu = await startEmulator()
  serving(emu)
  certificate = makeCertificate([CLOUD_HOST, CLUSTER_HOST])
  fronts = [
    await startTlsFront(certificate, portOf(emu.cloudUrl)),
    await startTlsFront(certificate, portOf(emu.clusterUrl))
  ]
  proxy = await startConnectProxy({
    [`${CLOUD_HOST}:443`]: fronts[0].port,
    [`${CLUSTER_HOST}:443`]: fronts[1].port,
    [`${CLUSTER_HOST}:80`]: portOf(emu.clusterUrl)
  })
})
afterAll(async () => {
  await proxy.close()
  for (const front of fronts) await front.close()
  await emu.stop()
})

describe('proxies', () => {
  it('sends a request for another host through HTTP_PROXY (transport level)', async () => {
    const saved = process.env.HTTP_PROXY
    process.env.HTTP_PROXY = proxy.url
    try {
      const transport = new NodeTransport('mage-pro-action/test')
      const response = await transport.send({
        method: 'GET',
        url: new URL(`http://${CLUSTER_HOST}/api/status`),
        headers: {},
        timeoutMs: 5000,
        logPath: '/api/status'
      })
      expect(response.status).toBe(200)
      expect(proxy.tunnels).toEqual([`${CLUSTER_HOST}:80`])
      expect(emu.requestsTo('cluster', 'GET', '/api/status')).toHaveLength(1)
      proxyHonoured = true
    } finally {
      if (saved === undefined) delete process.env.HTTP_PROXY
      else process.env.HTTP_PROXY = saved
    }
  })

  it('runs cloud and cluster operations over https through HTTPS_PROXY', async () => {
    if (!proxyHonoured) throw new Error('skipped: the transport did not use the proxy')
    const env = { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: certificate.certFile }
    const status = await runAction({
      inputs: cloudInputs(emu, 'cluster-status', {
        'cloud-api-url': `https://${CLOUD_HOST}/api/v1`
      }),
      env
    })
    expect(status.outputs).toMatchObject({ status: 'Active', error: '' })
    const block = await runBlockThroughProxy('load_data')
    expect(block.outputs).toMatchObject({ status: 'completed', error: '' })
    expect(proxy.tunnels).toEqual(
      expect.arrayContaining([`${CLOUD_HOST}:443`, `${CLUSTER_HOST}:443`])
    )
    expect(proxy.refused).toEqual([])
    expect(emu.requestsTo('cloud', 'GET').length).toBeGreaterThan(0)
    expect(emu.requestsTo('cluster', 'POST', '/api/runs')).toHaveLength(1)
  })
})

describe('smoke runs and their connections', () => {
  it('through HTTPS_PROXY, each block has a tunnel of its own and none is opened early', async () => {
    if (!proxyHonoured) throw new Error('skipped: the transport did not use the proxy')
    const tunnelsBefore = proxy.tunnels.length
    emu.clearRequests()
    const run = await runBlockThroughProxy('load_data\ntransform\nnan_block')
    expect(run.outputs).toMatchObject({ status: 'completed', error: '' })
    expect(emu.requestsTo('cluster', 'POST', '/api/runs')).toHaveLength(3)
    expect(proxy.tunnels.slice(tunnelsBefore)).toEqual(Array(3).fill(`${CLUSTER_HOST}:443`))
  })
})

describe('NO_PROXY', () => {
  const RESOLVE_TEST_HOSTS = path.join(import.meta.dirname, 'support', 'resolve-test-hosts.js')
  let trap: TrapProxy
  beforeAll(async () => {
    trap = await startTrapProxy()
  })
  afterAll(() => trap.close())

  // The cluster's TLS front, under its made-up name (http:// is only for loopback names).
  const clusterAt = () => `${CLUSTER_HOST}:${fronts[1].port}`
  const runBlockAt = (env: Record<string, string>, block = 'load_data') =>
    runAction({
      inputs: clusterInputs(emu, 'run-block', {
        'cluster-url': `https://${clusterAt()}`,
        'trigger-token': TRIGGER_TOKENS.etl,
        pipeline: 'etl_demo',
        block
      }),
      nodeArgs: ['--import', RESOLVE_TEST_HOSTS],
      env: { HTTPS_PROXY: trap.url, NODE_EXTRA_CA_CERTS: certificate.certFile, ...env }
    })

  it('without it, the request for the cluster goes to HTTPS_PROXY (the control)', async () => {
    trap.caught.length = 0
    emu.clearRequests()
    const run = await runBlockAt({})
    expect(run.code).toBe(1)
    expect(trap.caught).toEqual([`CONNECT ${clusterAt()}`])
    expect(emu.requestsTo('cluster', 'POST', '/api/runs')).toHaveLength(0)
  })

  it("over TLS, a smoke run's next connection is opened, handshake and all, while a block runs", async () => {
    trap.caught.length = 0
    emu.clearRequests()
    const opened = emu.connectionsTo('cluster').length
    emu.inject({ server: 'cluster', path: '/api/runs', latencyMs: 500, times: 1 })
    const run = await runBlockAt({ NO_PROXY: CLUSTER_HOST }, 'load_data\ntransform\nnan_block')
    expect(run.outputs).toMatchObject({ status: 'completed', error: '' })
    expect(trap.caught).toEqual([])
    const [first, second, third] = emu.requestsTo('cluster', 'POST', '/api/runs')
    // The TLS front reaches the emulator once a handshake is done: one connection per block.
    const connections = emu.connectionsTo('cluster').slice(opened)
    expect(connections.map(entry => entry.connection)).toEqual(
      [first, second, third].map(post => post.connection)
    )
    expect(connections[1].at - first.at).toBeLessThan(300)
  })

  it('a host it names is reached directly, not through HTTPS_PROXY', async () => {
    trap.caught.length = 0
    emu.clearRequests()
    const run = await runBlockAt({ NO_PROXY: `example.test,${CLUSTER_HOST}` })
    expect(run.outputs).toMatchObject({ status: 'completed', error: '' })
    expect(trap.caught).toEqual([])
    expect(emu.requestsTo('cluster', 'POST', '/api/runs')).toHaveLength(1)
  })
})
