#!/usr/bin/env node
// `npm run package`: builds dist/ (main step) and dist/post/ (post step) with ncc, from clean
// directories so no stale file survives, each with the licenses of every package it bundles.
// ncc's own --license file names only the last chunk's packages once the YAML parser is split
// into a chunk of its own (it is loaded only when `variables` needs it), so the licenses are
// collected here from the build's module list instead.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { bundledPackages, licensesText } from './lib/bundle-licenses.js'
import { nccBuild } from './lib/ncc.js'

const ROOT = path.resolve(import.meta.dirname, '..')
const BUILDS = [
  ['src/index.ts', 'dist'],
  ['src/post.ts', 'dist/post']
]

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mage-package-'))
try {
  fs.rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true })
  for (const [entry, out] of BUILDS) {
    const stats = path.join(scratch, `${path.basename(entry)}.stats.json`)
    nccBuild(entry, out, ['--stats-out', stats])
    const packages = bundledPackages(JSON.parse(fs.readFileSync(stats, 'utf8')), ROOT)
    fs.writeFileSync(path.join(ROOT, out, 'licenses.txt'), licensesText(packages))
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true })
}
