// What a release must hold: every input the README documents (its inputs table, and the `with:`
// keys of its examples and of examples/) exists in action.yml — an input documented but missing
// from a released action.yml is a known failure of other actions — and action.yml carries the
// Marketplace branding. To check a release tag's action.yml instead of the working tree's:
//
//   git show v1.x.y:action.yml > /tmp/action.yml
//   RELEASE_ACTION_YML=/tmp/action.yml npm test -- __tests__/unit/release.test.ts
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import YAML from 'yaml'
import { OPERATIONS } from '../../src/config/types.js'

const ROOT = path.resolve(import.meta.dirname, '..', '..')
const read = (file: string): string => fs.readFileSync(path.resolve(ROOT, file), 'utf8')
const ACTION_FILE = process.env.RELEASE_ACTION_YML || 'action.yml'
const ACTION_YML = read(ACTION_FILE)
const README = read('README.md')

/** GitHub's Marketplace accepts only these branding colours. */
const BRANDING_COLORS = [
  'white',
  'black',
  'yellow',
  'blue',
  'green',
  'orange',
  'red',
  'purple',
  'gray-dark'
]

interface Documented {
  readonly input: string
  readonly where: string
}

/** The first column of the README's generated inputs table. */
function tableInputs(readme: string): Documented[] {
  const table = /<!-- inputs:start -->([\s\S]*?)<!-- inputs:end -->/.exec(readme)?.[1] ?? ''
  return [...table.matchAll(/^\| `([\w-]+)` \|/gm)].map(([, input]) => ({
    input,
    where: 'README inputs table'
  }))
}

/** Every `with:` key of a step using this action, anywhere in a YAML value. */
function withKeys(value: unknown, where: string): Documented[] {
  if (Array.isArray(value)) return value.flatMap(item => withKeys(item, where))
  if (typeof value !== 'object' || value === null) return []
  const record = value as Record<string, unknown>
  const uses = record.uses
  const own =
    typeof uses === 'string' &&
    (uses === './' || uses.startsWith('mage-pro-action/mage-pro-action@')) &&
    typeof record.with === 'object' &&
    record.with !== null
      ? Object.keys(record.with).map(input => ({ input, where }))
      : []
  return [...own, ...Object.values(record).flatMap(item => withKeys(item, where))]
}

function documentedInputs(readme: string): Documented[] {
  const fences = [...readme.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map(
    ([, text], index) => [`README YAML block ${index + 1}`, text] as const
  )
  const examples = fs
    .readdirSync(path.join(ROOT, 'examples'))
    .filter(file => /\.ya?ml$/.test(file))
    .map(file => [`examples/${file}`, read(`examples/${file}`)] as const)
  return [
    ...tableInputs(readme),
    ...[...fences, ...examples].flatMap(([where, text]) => withKeys(YAML.parse(text), where))
  ]
}

/** Documented inputs that `actionYml` does not declare, as `input (where)`. */
function missingInputs(readme: string, actionYml: string): string[] {
  const declared = new Set(Object.keys((YAML.parse(actionYml) as { inputs?: object }).inputs ?? {}))
  const missing = documentedInputs(readme)
    .filter(({ input }) => !declared.has(input))
    .map(({ input, where }) => `${input} (${where})`)
  return [...new Set(missing)]
}

describe(`the released action.yml (${ACTION_FILE})`, () => {
  it('declares every input the README and the examples document', () => {
    const documented = new Set(documentedInputs(README).map(({ input }) => input))
    expect(documented.size).toBeGreaterThan(30)
    expect(missingInputs(README, ACTION_YML)).toEqual([])
  })

  it('has the branding, name and description the Marketplace needs', () => {
    const action = YAML.parse(ACTION_YML) as {
      name?: string
      description?: string
      branding?: { icon?: string; color?: string }
    }
    expect(action.name).toEqual(expect.any(String))
    expect(action.description).toEqual(expect.any(String))
    expect(action.branding?.icon).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    expect(BRANDING_COLORS).toContain(action.branding?.color)
  })
})

describe('the check itself', () => {
  it('catches an input the README documents but action.yml lacks', () => {
    const withoutReplicas = ACTION_YML.replace(/\n {2}replicas:\n(?: {4}.*\n)+/, '\n')
    expect(withoutReplicas).not.toBe(ACTION_YML)
    expect(missingInputs(README, withoutReplicas)).toEqual(
      expect.arrayContaining(['replicas (README inputs table)'])
    )
    expect(missingInputs(README, withoutReplicas).join('\n')).toMatch(
      /replicas \((README YAML block \d+|examples\/[\w.-]+)\)/
    )
  })
})

describe('release docs', () => {
  it('the changelog names all seven operations', () => {
    const changelog = read('CHANGELOG.md')
    expect(OPERATIONS).toHaveLength(7)
    for (const operation of OPERATIONS) expect(changelog).toContain(`\`${operation}\``)
  })

  it('the procedure moves v1 only after checking the tagged action.yml', () => {
    const releasing = read('docs/RELEASING.md')
    const check = releasing.indexOf('node scripts/readme-tables.js --check --action')
    const move = releasing.indexOf('git tag -fa v1 ')
    expect(check).toBeGreaterThan(-1)
    expect(move).toBeGreaterThan(check)
  })
})
