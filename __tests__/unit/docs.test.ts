// The docs are part of the interface: the README's tables are what action.yml says, and every
// workflow users copy (README blocks, examples/) or we run (.github/workflows/) is valid YAML
// that uses only declared inputs and outputs, never pastes ${{ }} into a shell script, and pins
// third-party actions.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import YAML from 'yaml'
import { INPUTS } from '../../src/config/inputs.js'
import { OPERATIONS } from '../../src/config/types.js'

interface Tables {
  inputs: string
  outputs: string
}
interface ReadmeTablesModule {
  renderTables: (actionYmlText: string) => Tables
  replaceTables: (readme: string, tables: Tables) => string
}

// A plain .js module without type declarations: imported dynamically, typed here.
const tablesModule = '../../scripts/readme-tables.js'
const { renderTables, replaceTables } = (await import(tablesModule)) as ReadmeTablesModule

interface ReadmePerformanceModule {
  withPerformance: (readme: string, results: unknown) => string
  readResults: () => PerformanceResults
}
interface PerformanceResults {
  coldStart: { clusterStatus: { pass: boolean }; runBlock: { pass: boolean } }
  roundTrips: { operation: string; pass: boolean }[]
  readiness: { pass: boolean }[]
  smokeRuns: { pass: boolean }[]
  bigOutputs: { pass: boolean }[]
}
const performanceModule = '../../scripts/readme-performance.js'
const { withPerformance, readResults } = (await import(
  performanceModule
)) as ReadmePerformanceModule

const ROOT = path.resolve(import.meta.dirname, '..', '..')
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8')

const ACTION_YML = read('action.yml')
const README = read('README.md')
const action = YAML.parse(ACTION_YML) as {
  inputs: Record<string, unknown>
  outputs: Record<string, unknown>
}
const INPUT_NAMES = new Set(Object.keys(action.inputs))
const OUTPUT_NAMES = new Set(Object.keys(action.outputs))
/** stop-cluster uses these only with skip-if-busy: true (otherwise they draw a warning). */
const SKIP_IF_BUSY_ONLY = [
  'cluster-url',
  'cluster-email',
  'cluster-password',
  'cluster-api-key',
  'busy-max-age'
]
/** The workflows that run the three jobs users care most about, embedded in the README too. */
const JOB_EXAMPLES = [
  'examples/scheduled-start-stop.yml',
  'examples/post-deploy-smoke-run.yml',
  'examples/set-env-and-wait.yml'
]

type Mapping = Record<string, unknown>

interface Source {
  /** Where it comes from, for messages. */
  readonly name: string
  readonly text: string
  /** Raw workflow text must pin third-party actions by SHA with a `# vX` comment. */
  readonly pinComments: boolean
}

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isThisAction(uses: unknown): boolean {
  return (
    uses === './' ||
    (typeof uses === 'string' && uses.startsWith('mage-pro-action/mage-pro-action@'))
  )
}

function readmeYamlBlocks(): Source[] {
  const blocks: Source[] = []
  const fence = /```ya?ml\n([\s\S]*?)```/g
  for (let match = fence.exec(README); match !== null; match = fence.exec(README)) {
    const line = README.slice(0, match.index).split('\n').length
    blocks.push({ name: `README.md line ${line}`, text: match[1], pinComments: false })
  }
  return blocks
}

function filesIn(dir: string): Source[] {
  const full = path.join(ROOT, dir)
  if (!fs.existsSync(full)) return []
  return fs
    .readdirSync(full)
    .filter(file => /\.ya?ml$/.test(file))
    .sort()
    .map(file => ({
      name: `${dir}/${file}`,
      text: read(`${dir}/${file}`),
      pinComments: dir === '.github/workflows'
    }))
}

/** Every string anywhere in a parsed YAML value (expressions live in strings). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsIn)
  if (isMapping(value)) return [...Object.keys(value), ...Object.values(value).flatMap(stringsIn)]
  return []
}

/**
 * Problems of one list of steps (a job's, or a README snippet). `otherIds`: ids of steps using
 * the action elsewhere (README snippets are parts of one job and may read each other's outputs).
 */
function checkSteps(
  steps: unknown,
  where: string,
  jobOutputs?: Mapping,
  otherIds: ReadonlySet<string> = new Set()
): string[] {
  if (!Array.isArray(steps) || steps.length === 0) return [`${where}: no steps`]
  const problems: string[] = []
  const actionStepIds = new Set<string>()
  for (const [index, step] of (steps as unknown[]).entries()) {
    const at = `${where} step ${index + 1}`
    if (!isMapping(step)) {
      problems.push(`${at}: not a mapping`)
      continue
    }
    if (step.uses === undefined && step.run === undefined) problems.push(`${at}: no uses or run`)
    if (typeof step.run === 'string' && step.run.includes('${{')) {
      problems.push(`${at}: \${{ }} inside run: (pass values through env:)`)
    }
    if (typeof step.uses === 'string' && !isThisAction(step.uses)) {
      const uses = step.uses
      const local = uses.startsWith('./') || uses.startsWith('docker://')
      if (!local && !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(uses)) {
        problems.push(`${at}: ${uses} is not pinned by a full commit SHA`)
      }
    }
    if (!isThisAction(step.uses)) continue
    if (typeof step.id === 'string') actionStepIds.add(step.id)
    // A step expected to fail (continue-on-error) may give a bad operation on purpose.
    problems.push(...checkActionInputs(step.with, at, step['continue-on-error'] === true))
  }
  const scanned = [...stringsIn(steps), ...stringsIn(jobOutputs ?? {})]
  const reads = /steps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g
  for (const text of scanned) {
    for (const [, id, output] of text.matchAll(reads)) {
      if (!actionStepIds.has(id) && !otherIds.has(id))
        problems.push(`${where}: steps.${id} is not a step using the action`)
      if (!OUTPUT_NAMES.has(output))
        problems.push(`${where}: output '${output}' is not in action.yml`)
    }
  }
  return problems
}

/** The `with:` of a step that uses this action. */
function checkActionInputs(given: unknown, at: string, expectFailure: boolean): string[] {
  if (!isMapping(given)) return [`${at}: uses the action without with:`]
  const problems: string[] = []
  for (const key of Object.keys(given)) {
    if (!INPUT_NAMES.has(key)) problems.push(`${at}: input '${key}' is not in action.yml`)
  }
  const operation = given.operation
  if (typeof operation !== 'string') return [...problems, `${at}: no operation`]
  if (operation.includes('${{') || expectFailure) return problems
  if (!(OPERATIONS as readonly string[]).includes(operation))
    return [...problems, `${at}: unknown operation ${operation}`]
  const skipIfBusy = String(given['skip-if-busy']) === 'true'
  for (const key of Object.keys(given)) {
    const spec = INPUTS.find(input => input.name === key)
    if (spec === undefined) continue
    const usedBy = spec.usedBy === 'all' || (spec.usedBy as readonly string[]).includes(operation)
    const idle = operation === 'stop-cluster' && !skipIfBusy && SKIP_IF_BUSY_ONLY.includes(key)
    if (!usedBy || idle) problems.push(`${at}: ${operation} does not use '${key}'`)
  }
  return problems
}

/** Problems of one complete workflow. */
function checkWorkflow(doc: Mapping, name: string): string[] {
  const problems: string[] = []
  if (doc.on === undefined) problems.push(`${name}: no on:`)
  if (doc.permissions === undefined) problems.push(`${name}: no workflow-level permissions:`)
  if (!isMapping(doc.jobs)) return [...problems, `${name}: no jobs:`]
  const jobs = doc.jobs
  for (const [jobName, job] of Object.entries(jobs)) {
    if (!isMapping(job)) {
      problems.push(`${name} job ${jobName}: not a mapping`)
      continue
    }
    const jobOutputs = isMapping(job.outputs) ? job.outputs : undefined
    problems.push(...checkSteps(job.steps, `${name} job ${jobName}`, jobOutputs))
    // needs.<job>.outputs.<name> must be a declared output of a job it needs.
    const needs = ([] as unknown[]).concat(job.needs ?? [])
    for (const text of stringsIn(job)) {
      for (const [, other, output] of text.matchAll(/needs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        const declared = jobs[other]
        const ok =
          needs.includes(other) &&
          isMapping(declared) &&
          isMapping(declared.outputs) &&
          output in declared.outputs
        if (!ok)
          problems.push(`${name} job ${jobName}: needs.${other}.outputs.${output} undeclared`)
      }
    }
  }
  return problems
}

/** A source is either a complete workflow or a list of steps (README snippets only). */
function checkSource(
  source: Source,
  allowSteps: boolean,
  otherIds: ReadonlySet<string> = new Set()
): string[] {
  let doc: unknown
  try {
    doc = YAML.parse(source.text)
  } catch (error) {
    return [`${source.name}: not valid YAML: ${(error as Error).message}`]
  }
  const problems: string[] = []
  if (source.pinComments) {
    for (const [, ref] of source.text.matchAll(/uses:\s*([^\s#]+)(.*)/g)) {
      if (ref.startsWith('./') || isThisAction(ref)) continue
      const line = source.text.split('\n').find(l => l.includes(ref)) ?? ''
      if (!/#\s*v\d/.test(line)) problems.push(`${source.name}: ${ref} has no '# vX' comment`)
    }
  }
  if (Array.isArray(doc) && allowSteps) {
    return [...problems, ...checkSteps(doc, source.name, undefined, otherIds)]
  }
  if (isMapping(doc) && ('jobs' in doc || 'on' in doc)) {
    return [...problems, ...checkWorkflow(doc, source.name)]
  }
  if (isMapping(doc) && source.name.endsWith('dependabot.yml')) return problems
  return [
    ...problems,
    `${source.name}: neither a workflow (on: and jobs:)${allowSteps ? ' nor a list of steps' : ''}`
  ]
}

describe('README Performance section', () => {
  const results = readResults()

  it('equals what scripts/readme-performance.js renders from docs/performance.json', () => {
    expect(withPerformance(README, results)).toBe(README)
  })

  it('comes from a benchmark run that measured every operation and judged every target', () => {
    expect(new Set(results.roundTrips.map(row => row.operation))).toEqual(new Set(OPERATIONS))
    const verdicts = [
      results.coldStart.clusterStatus.pass,
      results.coldStart.runBlock.pass,
      ...[results.roundTrips, results.readiness, results.smokeRuns, results.bigOutputs].flatMap(
        rows => rows.map(row => row.pass)
      )
    ]
    // Met or not, each target carries a verdict the README shows (✅ / ❌).
    for (const verdict of verdicts) expect(typeof verdict).toBe('boolean')
  })
})

describe('README tables', () => {
  it('equal what scripts/readme-tables.js generates from action.yml', () => {
    const tables = renderTables(ACTION_YML)
    expect(replaceTables(README, tables)).toBe(README)
  })

  it('list every input and output of action.yml', () => {
    const tables = renderTables(ACTION_YML)
    for (const name of INPUT_NAMES) expect(tables.inputs).toContain(`| \`${name}\` |`)
    for (const name of OUTPUT_NAMES) expect(tables.outputs).toContain(`| \`${name}\` |`)
  })

  it('name the env fallback the code reads for each input', () => {
    const tables = renderTables(ACTION_YML)
    for (const spec of INPUTS) {
      const fallback = spec.envFallback === undefined ? '' : `\`${spec.envFallback}\``
      expect(tables.inputs).toContain(`| \`${spec.name}\` |`)
      const row = tables.inputs.split('\n').find(line => line.startsWith(`| \`${spec.name}\` |`))
      expect(row?.split(' | ')[3]).toBe(fallback)
    }
  })

  it('are detected when they drift', () => {
    const drifted = ACTION_YML.replace(
      /\n {2}target-directory:\n(?: {4}.*\n)+/,
      '\n  target-directory:\n    description: something else\n'
    )
    expect(drifted).not.toBe(ACTION_YML)
    expect(replaceTables(README, renderTables(drifted))).not.toBe(README)
  })
})

describe('README text', () => {
  const prose = README.replace(/<!-- (inputs|outputs):start -->[\s\S]*?<!-- \1:end -->/g, '')

  it('mentions every input of action.yml outside the generated table', () => {
    const missing = [...INPUT_NAMES].filter(
      name => !new RegExp(`(^|[^\\w-])${name}([^\\w-]|$)`, 'm').test(prose)
    )
    expect(missing).toEqual([])
  })

  it('documents every operation', () => {
    for (const operation of OPERATIONS) expect(prose).toContain(`### ${operation}`)
  })

  it('embeds the three job examples exactly as they are in examples/', () => {
    for (const file of JOB_EXAMPLES) {
      const marker = `<!-- example: ${file} -->\n\n\`\`\`yaml\n`
      const at = README.indexOf(marker)
      expect(at).toBeGreaterThan(-1)
      const start = at + marker.length
      const embedded = README.slice(start, README.indexOf('```', start))
      expect(embedded).toBe(read(file))
    }
  })
})

describe('workflows and examples', () => {
  const readmeBlocks = readmeYamlBlocks()
  // Ids of the README snippets' steps that use the action.
  const snippetIds = new Set(
    readmeBlocks.flatMap(source => {
      const doc: unknown = YAML.parse(source.text)
      if (!Array.isArray(doc)) return []
      return doc.flatMap((step: unknown) =>
        isMapping(step) && isThisAction(step.uses) && typeof step.id === 'string' ? [step.id] : []
      )
    })
  )
  const examples = filesIn('examples')
  const workflows = filesIn('.github/workflows')

  it('exist', () => {
    expect(readmeBlocks.length).toBeGreaterThan(10)
    expect(examples.map(source => source.name)).toEqual(expect.arrayContaining(JOB_EXAMPLES))
    expect(workflows.length).toBeGreaterThan(0)
  })

  it.each(readmeBlocks.map(source => [source.name, source] as const))(
    '%s parses and uses only declared inputs and outputs',
    (_name, source) => {
      expect(checkSource(source, true, snippetIds)).toEqual([])
    }
  )

  it.each([...examples, ...workflows].map(source => [source.name, source] as const))(
    '%s is a complete workflow using only declared inputs and outputs',
    (_name, source) => {
      expect(checkSource(source, false)).toEqual([])
    }
  )

  it('dependabot.yml covers npm and github-actions', () => {
    const config = YAML.parse(read('.github/dependabot.yml')) as {
      updates: { 'package-ecosystem': string }[]
    }
    const ecosystems = config.updates.map(update => update['package-ecosystem'])
    expect(ecosystems).toEqual(expect.arrayContaining(['npm', 'github-actions']))
  })
})

describe('the checks themselves', () => {
  const workflow = (steps: string): Source => ({
    name: 'test.yml',
    pinComments: true,
    text: `on: push\npermissions: {}\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`
  })

  it('catch an unknown input, an undeclared output, ${{ }} in run: and an unpinned action', () => {
    const problems = checkSource(
      workflow(
        [
          '      - uses: actions/checkout@v6',
          '      - id: m',
          '        uses: mage-pro-action/mage-pro-action@v1',
          '        with: { operation: run-block, no-such-input: x }',
          '      - run: echo "${{ steps.m.outputs.output }}"',
          '        env: { X: "${{ steps.m.outputs.nope }}", Y: "${{ steps.other.outputs.status }}" }'
        ].join('\n') + '\n'
      ),
      false
    )
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('actions/checkout@v6 is not pinned'),
        expect.stringContaining("input 'no-such-input' is not in action.yml"),
        expect.stringContaining('inside run:'),
        expect.stringContaining("output 'nope' is not in action.yml"),
        expect.stringContaining('steps.other is not a step using the action')
      ])
    )
  })

  it('catch an input the operation does not use', () => {
    const problems = checkSource(
      workflow(
        [
          '      - uses: mage-pro-action/mage-pro-action@v1',
          '        with: { operation: stop-cluster, cluster-url: "https://x", replicas: 2 }'
        ].join('\n') + '\n'
      ),
      false
    )
    expect(problems).toEqual([
      "test.yml job j step 1: stop-cluster does not use 'cluster-url'",
      "test.yml job j step 1: stop-cluster does not use 'replicas'"
    ])
  })

  it('catch a workflow without on:', () => {
    const source = { name: 'x.yml', pinComments: false, text: 'jobs: {}\npermissions: {}\n' }
    expect(checkSource(source, false)).toEqual(['x.yml: no on:'])
  })
})
