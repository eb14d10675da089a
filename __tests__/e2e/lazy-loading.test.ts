// The YAML parser lives in a chunk of its own (dist/815.index.js, README "Performance") that
// only a step with `variables` beyond `{}` loads. Proved on a copy of dist/ without that chunk:
// every other step runs as before, and one that needs the parser fails for want of it.
// Likewise the post step loads its code (chunks of dist/post) only when it has a run to cancel,
// and a smoke run leaves Node's perf_hooks unloaded.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { cloudInputs } from '../helpers/cloud-inputs.js'
import { TRIGGER_TOKENS, clusterInputs, serving } from '../helpers/cluster-inputs.js'
import { REPO_ROOT, runAction } from '../helpers/run-action.js'

const DIST = path.join(REPO_ROOT, 'dist')
const chunksIn = (dir: string) => fs.readdirSync(dir).filter(file => /^\d+\.index\.js$/.test(file))
let emu: Emulator
let copy: string
let postCopy: string

beforeAll(async () => {
  emu = await startEmulator()
  serving(emu)
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-without-yaml-'))
  postCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-post-without-chunks-'))
  for (const file of ['index.js', 'package.json']) {
    fs.copyFileSync(path.join(DIST, file), path.join(copy, file))
    fs.copyFileSync(path.join(DIST, 'post', file), path.join(postCopy, file))
  }
})
afterAll(async () => {
  await emu.stop()
  fs.rmSync(copy, { recursive: true, force: true })
  fs.rmSync(postCopy, { recursive: true, force: true })
})

const main = () => path.join(copy, 'index.js')
const runBlock = (variables?: string) =>
  runAction({
    main: main(),
    inputs: clusterInputs(emu, 'run-block', {
      'trigger-token': TRIGGER_TOKENS.etl,
      pipeline: 'etl_demo',
      block: 'load_data',
      variables
    })
  })

describe('the YAML parser is loaded only when variables need it', () => {
  it('dist/ holds the main bundle and one chunk, the parser', () => {
    const chunks = chunksIn(DIST)
    expect(chunks).toEqual(['815.index.js'])
    expect(fs.readFileSync(path.join(DIST, chunks[0]), 'utf8')).toContain('YAMLParseError')
    expect(fs.readFileSync(path.join(DIST, 'index.js'), 'utf8')).not.toContain('YAMLParseError')
  })

  it('cluster-status and run-block with the default variables run without the chunk', async () => {
    const status = await runAction({ main: main(), inputs: cloudInputs(emu, 'cluster-status') })
    expect(status.code).toBe(0)
    for (const variables of [undefined, '{}']) {
      const run = await runBlock(variables)
      expect(run.code).toBe(0)
      expect(run.outputs.output).toContain('"rows"')
    }
  })

  it('a step with YAML variables loads the chunk (and fails here, where it was removed)', async () => {
    const without = await runBlock('day: "2024-01-01"')
    expect(without.code).not.toBe(0)
    expect(without.stdout + without.stderr).toMatch(/815\.index\.js/)
    const withChunk = await runAction({
      inputs: clusterInputs(emu, 'run-block', {
        'trigger-token': TRIGGER_TOKENS.etl,
        pipeline: 'etl_demo',
        block: 'load_data',
        variables: 'day: "2024-01-01"'
      })
    })
    expect(withChunk.code).toBe(0)
    expect(withChunk.outputs.output).toContain('"day": "2024-01-01"')
  })
})

describe('the post step loads its code only when the main step left a run to cancel', () => {
  const post = (state: Record<string, string>) =>
    runAction({
      main: path.join(postCopy, 'index.js'),
      inputs: clusterInputs(emu, 'run-pipeline', { pipeline: 'etl_demo' }),
      post: true,
      state
    })

  it('dist/post/index.js is the state check alone; the post code and its dependencies are chunks', () => {
    const entry = fs.readFileSync(path.join(DIST, 'post', 'index.js'), 'utf8')
    expect(entry).not.toContain('cancelPipelineRun')
    expect(entry).not.toContain('issueFileCommand') // @actions/core
    expect(chunksIn(path.join(DIST, 'post')).length).toBeGreaterThanOrEqual(2)
  })

  it('with nothing in its state, it ends at once without its chunks', async () => {
    const states: Record<string, string>[] = [
      {},
      { 'mage-pipeline-run-id': '', 'mage-cluster-url': '' }
    ]
    for (const state of states) {
      const run = await post(state)
      expect(run.code).toBe(0)
      expect(run.stdout + run.stderr).toBe('')
    }
  })

  it('with a run in its state, it loads them (and fails here, where they were removed)', async () => {
    const run = await post({ 'mage-pipeline-run-id': '7', 'mage-cluster-url': emu.clusterUrl })
    expect(run.code).not.toBe(0)
    expect(run.stdout + run.stderr).toMatch(/\d+\.index\.js/)
  })
})

describe('a smoke run loads no Node module it has no use for', () => {
  const RECORD_MODULES = path.join(import.meta.dirname, 'support', 'record-internal-modules.js')

  it('perf_hooks stays unloaded: the spare request reads its age from process.hrtime', async () => {
    const file = path.join(copy, 'internal-modules.txt')
    const run = await runAction({
      inputs: clusterInputs(emu, 'run-block', {
        'trigger-token': TRIGGER_TOKENS.etl,
        pipeline: 'etl_demo',
        block: 'load_data\ntransform'
      }),
      nodeArgs: ['--import', RECORD_MODULES],
      env: { INTERNAL_MODULES_FILE: file }
    })
    expect(run.code).toBe(0)
    const loaded = fs.readFileSync(file, 'utf8').split('\n')
    // The record is complete: the modules every request needs are in it.
    expect(loaded).toContain('NativeModule http')
    // What the `performance` global loads on first use (some perf internals load with http).
    const performanceGlobal = ['NativeModule perf_hooks', 'NativeModule internal/perf/performance']
    expect(loaded.filter(name => performanceGlobal.includes(name))).toEqual([])
  })
})
