// action.yml and the code agree: every input and output, every default, the runtime, the version.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import YAML from 'yaml'
import { INPUTS, OUTPUTS } from '../../src/config/inputs.js'
import { VERSION } from '../../src/version.js'

const root = path.resolve(import.meta.dirname, '..', '..')
interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string; post?: string }
}
const action = YAML.parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as ActionYml

describe('action.yml', () => {
  it('declares exactly the inputs the code knows', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(INPUTS.map(input => input.name).sort())
  })

  it.each(INPUTS.map(input => [input.name, input] as const))(
    '%s: default agrees with the code',
    (name, spec) => {
      const declared = action.inputs[name]
      // An env fallback could never apply if the runner always filled a default in.
      const noYamlDefault =
        spec.envFallback !== undefined || ['git-sha', 'git-branch', 'commit-message'].includes(name)
      if (noYamlDefault || spec.default === undefined) expect(declared.default).toBeUndefined()
      else expect(String(declared.default)).toBe(spec.default)
    }
  )

  it.each(INPUTS.map(input => [input.name, input] as const))(
    '%s: description names its users, fallback and default',
    (name, spec) => {
      const description = action.inputs[name].description
      if (spec.envFallback) expect(description).toContain(spec.envFallback)
      if (spec.default && !spec.secret && spec.default.length < 40)
        expect(description).toContain(spec.default)
      if (spec.usedBy !== 'all' && name !== 'operation') {
        const named =
          spec.usedBy.some(op => description.includes(op)) ||
          /Cloud operations|Same operations/.test(description)
        expect(named).toBe(true)
      }
    }
  )

  it('declares exactly the outputs the code writes', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUTS].sort())
  })

  it('runs on node24 from the committed bundle, with the post step', () => {
    expect(action.runs).toMatchObject({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/post/index.js'
    })
    expect(fs.existsSync(path.join(root, 'dist', 'index.js'))).toBe(true)
    expect(fs.existsSync(path.join(root, 'dist', 'post', 'index.js'))).toBe(true)
  })

  it('the user agent version is the package version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      version: string
    }
    expect(VERSION).toBe(pkg.version)
  })
})
