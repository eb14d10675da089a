// run-block from dist/index.js against the emulator: outputs as the server wrote them, the
// output budget, every failure form, exactly-once, smoke runs and their connections.
import * as fs from 'node:fs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { SPARE_MAX_AGE_MS } from '../../src/http/spare-request.js'
import { TRIGGER_TOKENS, clusterInputs, serving } from '../helpers/cluster-inputs.js'
import { runAction } from '../helpers/run-action.js'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator()
  serving(emu)
})
afterAll(async () => {
  await emu.stop()
})
afterEach(() => {
  emu.clearFaults()
  emu.clearRequests()
  emu.scenario.cluster.runsFailureMode = 'envelope'
})

const runBlock = (block: string, extra: Record<string, string | undefined> = {}) =>
  runAction({
    inputs: clusterInputs(emu, 'run-block', {
      'trigger-token': TRIGGER_TOKENS.etl,
      pipeline: 'etl_demo',
      block,
      ...extra
    })
  })

const posts = () => emu.requestsTo('cluster', 'POST', '/api/runs')

describe('run-block: success', () => {
  it('returns the run value as the server wrote it, sending the token only as a Bearer header', async () => {
    const run = await runBlock('load_data', { variables: 'x: 1' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      status: 'completed',
      error: '',
      changed: 'true',
      'output-truncated': 'false'
    })
    expect(JSON.parse(run.outputs.output)).toEqual({ output: [{ rows: [1, 2, 3], x: 1 }] })
    expect(fs.readFileSync(run.outputs['output-file'], 'utf8')).toBe(run.outputs.output)
    expect(run.outputs['output-file'].startsWith(run.runnerTemp)).toBe(true)
    const [request] = posts()
    expect(request.path).toBe('/api/runs')
    expect(request.headers.authorization).toBe(`Bearer ${TRIGGER_TOKENS.etl}`)
    expect(JSON.parse(request.body)).toEqual({
      run: {
        pipeline_uuid: 'etl_demo',
        block_uuid: 'load_data',
        variables: { x: 1 },
        record: true,
        store_variables: true,
        run_upstream_blocks: false,
        incomplete_only: false
      }
    })
    expect(run.summary).toMatch(/\| load_data \| ✅\u00a0completed \| \d+ B \|/)
    expect(run.summary).toContain('<details><summary>Output of <code>load_data</code>')
  })

  it('passes the /runs options from the inputs', async () => {
    const run = await runBlock('transform', {
      'run-upstream-blocks': 'true',
      'incomplete-only': 'true',
      record: 'false',
      'store-variables': 'false'
    })
    expect(run.code).toBe(0)
    expect(JSON.parse(posts()[0].body)).toMatchObject({
      run: {
        record: false,
        store_variables: false,
        run_upstream_blocks: true,
        incomplete_only: true
      }
    })
    expect(emu.blockExecutions('etl_demo', 'load_data')).toBeGreaterThan(0)
  })

  it('parses an output with NaN and Infinity and keeps them as sent', async () => {
    const run = await runBlock('nan_block')
    expect(run.code).toBe(0)
    expect(run.outputs.output).toBe('{"output": [{"ratio": NaN, "max": Infinity}]}')
  })

  it('puts null for a 3 MB output, and keeps it whole in output-file', async () => {
    const run = await runBlock('big_output')
    expect(run.code).toBe(0)
    expect(run.outputs.output).toBe('null')
    expect(run.outputs['output-truncated']).toBe('true')
    const whole = fs.readFileSync(run.outputs['output-file'], 'utf8')
    expect(whole.length).toBe(3_000_000) // exactly the `run` text the emulator sent
    expect((JSON.parse(whole) as { output: unknown[][] }).output[0].length).toBeGreaterThan(20_000)
    expect(Buffer.byteLength(run.summary)).toBeLessThan(64 * 1024)
  })
})

describe('run-block: failure forms', () => {
  it('reports a raising block (HTTP 200 + 500 envelope): exception, hint, traceback group, no url_parameters', async () => {
    const run = await runBlock('raise_err')
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(run.outputs.error).toBe(
      'raise_err: boom from raising block (likely cause: the block raised: see its logs in Mage)'
    )
    expect(run.stdout).toContain("::group::Traceback of block 'raise_err'")
    expect(run.stdout).toContain('ValueError: boom from raising block')
    expect(run.stdout).toContain('::error::run-block failed: raise_err: boom from raising block')
    expect(run.outputs.error).not.toContain('Traceback')
    expect(run.everything).not.toContain('url_parameters')
    expect(run.summary).toMatch(
      /\| raise_err \| ❌\u00a0failed \| — \| \d+ ms \| boom from raising block \|/
    )
  })

  it.each([
    [
      'a wrong token',
      { 'trigger-token': 'f'.repeat(32) },
      'load_data',
      /No row was found .*trigger token is wrong or was rotated/
    ],
    [
      'an unknown pipeline',
      { pipeline: 'ETL_DEMO' },
      'load_data',
      /does not exist.*check the pipeline uuid \(case-sensitive\)/
    ],
    [
      'an unknown block',
      {},
      'Load_Data',
      /record_not_found.*check the block uuid \(case-sensitive\)/
    ]
  ])('explains %s (200 + 500 envelope)', async (_, extra, block, expected) => {
    const run = await runBlock(block, extra)
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(expected)
  })

  it('recognises the empty 200 some setups send', async () => {
    emu.scenario.cluster.runsFailureMode = 'empty'
    const run = await runBlock('raise_err')
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(/^raise_err: HTTP 200 with an empty body/)
  })

  it.each([
    [
      '401 for a wrong token',
      { 'trigger-token': 'f'.repeat(32) },
      'load_data',
      /HTTP 401.*check trigger-token/
    ],
    [
      '404 for an unknown block',
      {},
      'nope',
      /HTTP 404.*pipeline and block uuids \(case-sensitive\)/
    ]
  ])("recognises Mage Pro's documented %s", async (_, extra, block, expected) => {
    emu.scenario.cluster.runsFailureMode = 'pro'
    const run = await runBlock(block, extra)
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(expected)
    expect(posts()).toHaveLength(1)
  })

  it('fails on a non-JSON 200 with a short excerpt', async () => {
    emu.inject({
      server: 'cluster',
      path: '/api/runs',
      status: 200,
      body: '<html>Sign in</html>',
      contentType: 'text/html'
    })
    const run = await runBlock('load_data')
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(/^load_data: HTTP 200, not JSON: Sign in.*check cluster-url/)
  })

  it('fails on another non-2xx status without retrying', async () => {
    emu.inject({ server: 'cluster', path: '/api/runs', status: 400, body: 'Error: Invalid path' })
    const run = await runBlock('load_data')
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(/^load_data: .*HTTP 400/)
    expect(posts()).toHaveLength(1)
  })
})

describe('run-block: exactly once', () => {
  it('a 502 after the block ran leaves exactly one block execution', async () => {
    const before = emu.blockExecutions('etl_demo', 'load_data')
    emu.inject({ server: 'cluster', path: '/api/runs', status: 502, when: 'after', times: 5 })
    const run = await runBlock('load_data')
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(/outcome unknown.*not retried/)
    expect(posts()).toHaveLength(1)
    expect(emu.blockExecutions('etl_demo', 'load_data') - before).toBe(1)
  })

  it('a connection dropped after the block ran is not retried', async () => {
    const before = emu.blockExecutions('etl_demo', 'load_data')
    emu.inject({ server: 'cluster', path: '/api/runs', drop: 'after', times: 5 })
    const run = await runBlock('load_data')
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(/outcome unknown/)
    expect(posts()).toHaveLength(1)
    expect(emu.blockExecutions('etl_demo', 'load_data') - before).toBe(1)
  })

  it('a block slower than the timeout is reported as outcome unknown, within the deadline', async () => {
    emu.inject({ server: 'cluster', path: '/api/runs', latencyMs: 10_000 })
    const run = await runBlock('load_data', { timeout: '2s' })
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(
      /^load_data: .*outcome unknown \(POST \/api\/runs → no complete answer/
    )
    expect(posts()).toHaveLength(1)
    expect(run.durationMs).toBeLessThan(2000 + 15_000)
  })

  it('a refused connection (nothing sent) fails naming the URL problem', async () => {
    const closed = await startEmulator()
    const url = closed.clusterUrl
    await closed.stop()
    const run = await runAction({
      inputs: clusterInputs({ clusterUrl: url }, 'run-block', {
        'trigger-token': TRIGGER_TOKENS.etl,
        pipeline: 'etl_demo',
        block: 'load_data',
        timeout: '20s'
      })
    })
    expect(run.code).toBe(1)
    expect(run.outputs.error).toMatch(/ECONNREFUSED.*check the URL/)
  })
})

describe('run-block: smoke runs', () => {
  it('stops at the first failing block, keeping the outputs of the blocks that ran', async () => {
    const before = emu.blockExecutions('etl_demo', 'transform')
    const run = await runBlock('load_data\nraise_err\ntransform')
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('failed')
    const output = JSON.parse(run.outputs.output) as Record<string, unknown>
    expect(Object.keys(output)).toEqual(['load_data', 'raise_err'])
    expect(output.load_data).toEqual({ output: [{ rows: [1, 2, 3] }] })
    expect(output.raise_err).toBeNull()
    expect(run.outputs.error).toMatch(/^raise_err: boom from raising block/)
    expect(emu.blockExecutions('etl_demo', 'transform')).toBe(before)
    expect(run.summary).toMatch(/\| transform \| ⏭️\u00a0not run \|/)
  })

  it('runs every block with fail-on-error false, lists every failure, and succeeds the step', async () => {
    const run = await runBlock('raise_err\nload_data\nnope', { 'fail-on-error': 'false' })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('failed')
    const lines = run.outputs.error.split('\n')
    expect(lines[0]).toMatch(/^raise_err: boom from raising block/)
    expect(lines[1]).toMatch(/^nope: .*check the block uuid/)
    expect(Object.keys(JSON.parse(run.outputs.output) as object)).toEqual([
      'raise_err',
      'load_data',
      'nope'
    ])
    expect(run.stdout).toContain('::warning::run-block failed (fail-on-error is false)')
  })

  it("logs each block's result, traceback included, before the next block's Running line", async () => {
    const run = await runBlock('raise_err\nload_data\nnope', { 'fail-on-error': 'false' })
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    const at = (pattern: RegExp, after = -1): number => {
      const index = lines.findIndex((line, i) => i > after && pattern.test(line))
      expect(index).toBeGreaterThanOrEqual(0)
      return index
    }
    const traceback = at(/^::group::Traceback of block 'raise_err'/)
    const order = [
      at(/^Running block 'raise_err'/),
      at(/^Block 'raise_err' failed/),
      traceback,
      at(/^::endgroup::/, traceback),
      at(/^Running block 'load_data'/),
      at(/^Block 'load_data' completed/),
      at(/^Running block 'nope'/),
      at(/^Block 'nope' failed/)
    ]
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(lines.filter(line => line.startsWith('Running block '))).toHaveLength(3)
  })

  it('keeps blocks in order within the budget and makes the rest null', async () => {
    const run = await runBlock('load_data\nbig_output\ntransform')
    expect(run.code).toBe(0)
    expect(run.outputs['output-truncated']).toBe('true')
    expect(JSON.parse(run.outputs.output)).toEqual({
      load_data: { output: [{ rows: [1, 2, 3] }] },
      big_output: null,
      transform: null
    })
    const whole = JSON.parse(fs.readFileSync(run.outputs['output-file'], 'utf8')) as Record<
      string,
      unknown
    >
    expect(whole.transform).toEqual({
      output: [
        [
          { a: 1, b: 'x' },
          { a: 2, b: 'y' }
        ]
      ]
    })
  })
})

describe('run-block: connections', () => {
  const newConnections = (before: number) => emu.connectionsTo('cluster').slice(before)

  it("opens each next block's connection while a block runs, one request per connection", async () => {
    const before = emu.connectionsTo('cluster').length
    emu.inject({ server: 'cluster', path: '/api/runs', latencyMs: 500, times: 1 })
    const run = await runBlock('load_data\ntransform\nnan_block')
    expect(run.code).toBe(0)
    const [first, second, third] = posts()
    const opened = newConnections(before)
    // Three blocks, three connections: none carried two requests, and no spare after the last.
    expect(opened).toHaveLength(3)
    expect(new Set(posts().map(post => post.connection)).size).toBe(3)
    // The second block's connection was there while the first block still ran (500 ms).
    const secondOpened = opened.find(entry => entry.connection === second.connection)
    expect(secondOpened!.at - first.at).toBeLessThan(300)
    expect(third.connection).toBeGreaterThan(second.connection)
  })

  it('leaves a spare the stopped run never used, without waiting for it to age', async () => {
    const before = emu.connectionsTo('cluster').length
    const run = await runBlock('raise_err\nload_data')
    expect(run.code).toBe(1)
    expect(posts()).toHaveLength(1)
    expect(newConnections(before)).toHaveLength(2)
    expect(run.durationMs).toBeLessThan(SPARE_MAX_AGE_MS)
  })

  it('sends a block after a slow one on a fresh connection, the aged spare closed unused', async () => {
    const before = emu.connectionsTo('cluster').length
    const executions = emu.blockExecutions('etl_demo', 'transform')
    emu.inject({
      server: 'cluster',
      path: '/api/runs',
      latencyMs: SPARE_MAX_AGE_MS + 300,
      times: 1
    })
    const run = await runBlock('load_data\ntransform')
    expect(run.code).toBe(0)
    const [first, second] = posts()
    const [opened, spare, fresh] = newConnections(before).map(entry => entry.connection)
    expect([first.connection, second.connection]).toEqual([opened, fresh])
    expect(posts().some(post => post.connection === spare)).toBe(false)
    expect(emu.blockExecutions('etl_demo', 'transform') - executions).toBe(1)
  })
})
