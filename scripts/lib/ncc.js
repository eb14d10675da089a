// Runs the project's own ncc (the toolchain dist/ is built with) from the repository root.
import { execFileSync } from 'node:child_process'
import * as path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..', '..')
const NCC = path.join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

/** `ncc build entry -o outDir …flags`; returns the built index.js. */
export function nccBuild(entry, outDir, flags = [], stdio = 'inherit') {
  execFileSync(process.execPath, [NCC, 'build', entry, '-o', outDir, ...flags], {
    cwd: ROOT,
    stdio: ['ignore', stdio, 'inherit']
  })
  return path.join(outDir, 'index.js')
}
