// undici is left out of dist/ (tsconfig.json "paths" → src/left-out/undici.ts): @actions/http-client
// imports it only for getAgentDispatcher(), which the action never calls. The action's requests
// still honour the runner's proxy settings without it: reliability/proxy-env.test.ts runs
// dist/index.js over https through HTTPS_PROXY, and past it to a host NO_PROXY names.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { ProxyAgent } from '../../src/left-out/undici.js'
import { REPO_ROOT } from '../helpers/run-action.js'

const bundles = ['dist', 'dist/post'].flatMap(dir =>
  fs
    .readdirSync(path.join(REPO_ROOT, dir))
    .filter(file => file.endsWith('.js'))
    .map(file => path.join(dir, file))
)
const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')

/** The JavaScript files of the bundled @actions packages that mention undici at all. */
function packagesImportingUndici(): string[] {
  return ['core', 'http-client', 'exec', 'io'].flatMap(name => {
    const lib = path.join('node_modules', '@actions', name, 'lib')
    return fs
      .readdirSync(path.join(REPO_ROOT, lib))
      .filter(file => file.endsWith('.js'))
      .map(file => path.join(lib, file))
      .filter(file => read(file).includes('undici'))
  })
}

describe('undici is left out of the bundle', () => {
  it.each(bundles)('%s holds none of its code', file => {
    // undici's HTTP parser and the base class of its dispatchers.
    expect(read(file)).not.toMatch(/llhttp|DispatcherBase/)
  })

  it('dist/index.js holds the stand-in instead, and stays small', () => {
    const main = read('dist/index.js')
    expect(main).toContain('undici is left out of the bundle')
    expect(fs.statSync(path.join(REPO_ROOT, 'dist/index.js')).size).toBeLessThan(512 * 1024)
  })

  it('the stand-in exports every name the bundled packages import from undici', async () => {
    // A package update that imports more of undici must fail here, not at a user's start-up.
    const standIn = Object.keys(await import('../../src/left-out/undici.js'))
    const imported = packagesImportingUndici().flatMap(file =>
      [...read(file).matchAll(/import\s*\{([^}]*)\}\s*from\s*'undici'/g)].flatMap(match =>
        match[1].split(',').map(name => name.trim().split(/\s+as\s+/)[0])
      )
    )
    expect(imported).toContain('ProxyAgent')
    expect(standIn).toEqual(expect.arrayContaining(imported))
  })

  it('the stand-in says what to use instead if anything ever asks it for a dispatcher', () => {
    expect(() => new ProxyAgent()).toThrow(/getAgentDispatcher\(\) is not available.*getAgent\(\)/)
  })
})
