// The bundles the benchmark compares, built with the project's own ncc into a temporary
// directory: the floor action as any action importing @actions/core gets it (undici included),
// the same floor with undici left out as the action's build does (tsconfig.json "paths"), that
// floor plus cluster-status's two requests, the action with a source map (to attribute its bytes
// to dependencies) and the action minified (what a smaller bundle would cost).
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { nccBuild } from '../lib/ncc.js'

const ncc = (entry, outDir, flags, cwd) =>
  nccBuild(entry, outDir, [...flags, '--quiet'], 'ignore', cwd)

/** undici's HTTP parser: in a bundle that holds undici, and only then. */
const UNDICI_MARK = 'llhttp'

function expectUndici(file, expected) {
  if (fs.readFileSync(file, 'utf8').includes(UNDICI_MARK) !== expected) {
    throw new Error(`${file} should ${expected ? '' : 'not '}hold undici`)
  }
  return file
}

export function buildVariants() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mage-bench-build-'))
  const floorEntry = 'scripts/bench/floor-action.js'
  return {
    dir,
    // Built outside the repository, so without its tsconfig.json: @actions/core as published.
    floor: expectUndici(ncc(floorEntry, path.join(dir, 'floor'), [], dir), true),
    floorLean: expectUndici(ncc(floorEntry, path.join(dir, 'floor-lean'), []), false),
    floorRequests: ncc('scripts/bench/floor-requests.js', path.join(dir, 'floor-requests'), []),
    mapped: ncc('src/index.ts', path.join(dir, 'mapped'), ['--source-map']),
    minified: ncc('src/index.ts', path.join(dir, 'minified'), ['--minify']),
    remove: () => fs.rmSync(dir, { recursive: true, force: true })
  }
}
