// The bundles the benchmark compares, built with the project's own ncc into a temporary
// directory: the floor action, the floor plus cluster-status's two requests, the action with a
// source map (to attribute its bytes to dependencies) and the action minified (what a smaller
// bundle would cost).
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { nccBuild } from '../lib/ncc.js'

const ncc = (entry, outDir, flags) => nccBuild(entry, outDir, [...flags, '--quiet'], 'ignore')

export function buildVariants() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mage-bench-build-'))
  return {
    dir,
    floor: ncc('scripts/bench/floor-action.js', path.join(dir, 'floor'), []),
    floorRequests: ncc('scripts/bench/floor-requests.js', path.join(dir, 'floor-requests'), []),
    mapped: ncc('src/index.ts', path.join(dir, 'mapped'), ['--source-map']),
    minified: ncc('src/index.ts', path.join(dir, 'minified'), ['--minify']),
    remove: () => fs.rmSync(dir, { recursive: true, force: true })
  }
}
