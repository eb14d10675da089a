// Runs the project's own ncc (the toolchain dist/ is built with), from the repository root unless
// told otherwise.
import { execFileSync } from 'node:child_process'
import * as path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..', '..')
const NCC = path.join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

/**
 * `ncc build entry -o outDir …flags`; returns the built index.js. ncc applies the tsconfig.json
 * of its working directory (its "paths" leave undici out); `cwd` elsewhere builds without it.
 */
export function nccBuild(entry, outDir, flags = [], stdio = 'inherit', cwd = ROOT) {
  execFileSync(
    process.execPath,
    [NCC, 'build', path.resolve(ROOT, entry), '-o', outDir, ...flags],
    {
      cwd,
      stdio: ['ignore', stdio, 'inherit']
    }
  )
  return path.join(outDir, 'index.js')
}
