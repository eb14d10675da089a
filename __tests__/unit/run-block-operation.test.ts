import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import type { RunBlockConfig } from '../../src/config/types.js'
import { NetworkError, OperationError } from '../../src/errors.js'
import type { RawRequest } from '../../src/http/transport.js'
import { runBlock } from '../../src/operations/run-block.js'
import { type Answer, CLUSTER_URL, fakeCluster, json, text } from '../helpers/fake-cluster.js'

const TOKEN = '5f0c2a9d8e7b4c1a9f3e6d2b1a0c9e8f'
const config = (blocks: string[]): RunBlockConfig => ({
  operation: 'run-block',
  clusterUrl: CLUSTER_URL,
  triggerToken: TOKEN,
  pipeline: 'etl',
  blocks,
  variables: { x: 1 },
  runUpstreamBlocks: false,
  incompleteOnly: false,
  record: true,
  storeVariables: true
})

interface RunBody {
  run: { block_uuid: string }
}

const raised = (exception: string): Answer =>
  json({
    error: {
      code: 500,
      errors: ['frame'],
      exception,
      message: `Traceback …\nValueError: ${exception}`
    },
    url_parameters: { token: TOKEN }
  })

function setup(answers: Record<string, () => Answer>, failOnError = true) {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'run-block-unit-'))
  const fake = fakeCluster(
    (_request: RawRequest, body: unknown) => {
      const block = (body as RunBody).run.block_uuid
      return answers[block]()
    },
    { failOnError },
    tempDir
  )
  return fake
}

describe('runBlock', () => {
  it('sends the /runs options with the token in a Bearer header, never in the URL', async () => {
    const fake = setup({ b: () => text('{"run": {"output": [1]}}') })
    await runBlock(fake.context, config(['b']))
    const [request] = fake.requests
    expect(request.url.href).toBe(`${CLUSTER_URL}/api/runs`)
    expect(request.headers.Authorization).toBe(`Bearer ${TOKEN}`)
    expect(JSON.parse(request.body ?? '')).toEqual({
      run: {
        pipeline_uuid: 'etl',
        block_uuid: 'b',
        variables: { x: 1 },
        record: true,
        store_variables: true,
        run_upstream_blocks: false,
        incomplete_only: false
      }
    })
    expect(fake.report.outputs.get('output')).toBe('{"output": [1]}')
    expect(fake.report.status).toBe('completed')
    expect(fake.report.changed).toBe(true)
  })

  it('keeps NaN as sent in output and output-file', async () => {
    const fake = setup({ n: () => text('{"run": {"output": [{"r": NaN, "m": -Infinity}]}}') })
    await runBlock(fake.context, config(['n']))
    expect(fake.report.outputs.get('output')).toBe('{"output": [{"r": NaN, "m": -Infinity}]}')
    const file = fake.report.outputs.get('output-file') ?? ''
    expect(fs.readFileSync(file, 'utf8')).toBe('{"output": [{"r": NaN, "m": -Infinity}]}')
  })

  it('stops a smoke run at the first failure and keeps what ran', async () => {
    const fake = setup({
      a: () => text('{"run": {"output": ["a"]}}'),
      b: () => raised('boom from raising block'),
      c: () => text('{"run": {"output": ["c"]}}')
    })
    const error = await runBlock(fake.context, config(['a', 'b', 'c'])).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OperationError)
    expect((error as Error).message).toBe(
      'b: boom from raising block (likely cause: the block raised: see its logs in Mage)'
    )
    expect(fake.requests).toHaveLength(2)
    expect(JSON.parse(fake.report.outputs.get('output') ?? '')).toEqual({
      a: { output: ['a'] },
      b: null
    })
    expect(fake.report.status).toBe('failed')
    expect(fake.io.lines).toContain("group: Traceback of block 'b'")
    expect(fake.io.lines.join('\n')).not.toContain(TOKEN)
    expect(fake.report.sections[0]).toMatch(/\| c \| ⏭️\u00a0not run \|/)
  })

  it('runs every block with fail-on-error false and lists every failure', async () => {
    const fake = setup(
      {
        a: () => raised('No row was found when one was required'),
        b: () => text('{"run": 1}'),
        c: () => text('', 200)
      },
      false
    )
    const error = await runBlock(fake.context, config(['a', 'b', 'c'])).catch((e: unknown) => e)
    const lines = (error as Error).message.split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^a: No row was found .*trigger token is wrong/)
    expect(lines[1]).toMatch(/^c: HTTP 200 with an empty body/)
    expect(fake.report.outputs.get('output')).toBe('{"a":null,"b":1,"c":null}')
  })

  it('turns a value over the budget into null, whole in output-file', async () => {
    const big = `"${'x'.repeat(300_000)}"`
    const fake = setup({ big: () => text(`{"run": ${big}}`) })
    await runBlock(fake.context, config(['big']))
    expect(fake.report.outputs.get('output')).toBe('null')
    expect(fake.report.outputs.get('output-truncated')).toBe('true')
    expect(fs.readFileSync(fake.report.outputs.get('output-file') ?? '', 'utf8')).toBe(big)
  })

  it('never sends the block twice after a 502', async () => {
    const fake = setup({ b: () => text('<html>502</html>', 502) })
    const error = await runBlock(fake.context, config(['b'])).catch((e: unknown) => e)
    expect(fake.requests).toHaveLength(1)
    expect((error as Error).message).toMatch(/^b: .*outcome unknown/)
  })

  it('stops on an unreachable cluster with the error as it is', async () => {
    const refused = new NetworkError('POST', '/api/runs', false, 'ECONNREFUSED')
    const fake = setup({ a: () => refused, b: () => text('{"run": 1}') })
    await expect(runBlock(fake.context, config(['a', 'b']))).rejects.toBe(refused)
    const blocks = fake.requests.map(r => (JSON.parse(r.body ?? '') as RunBody).run.block_uuid)
    expect(new Set(blocks)).toEqual(new Set(['a']))
  })

  it('fails on a 200 without a run key', async () => {
    const fake = setup({ b: () => json({ something: 1 }) })
    await expect(runBlock(fake.context, config(['b']))).rejects.toThrow(/without a `run` key/)
  })

  it('masks a secret inside an output', async () => {
    const fake = setup({ b: () => text(`{"run": {"leak": "${TOKEN}"}}`) })
    fake.secrets.add(TOKEN)
    await runBlock(fake.context, config(['b']))
    expect(fake.report.outputs.get('output')).toBe('{"leak": "***"}')
  })

  it('writes a unique output file per step', async () => {
    const one = setup({ b: () => text('{"run": 1}') })
    await runBlock(one.context, config(['b']))
    await runBlock(one.context, config(['b']))
    const files = fs.readdirSync(one.context.tempDir)
    expect(files).toHaveLength(2)
  })
})
