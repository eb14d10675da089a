// The reliability tests write their figures to .reliability/<name>.json (gitignored), so that
// scripts/reliability-table.js can render docs/reliability.md from a real run.
import * as fs from 'node:fs'
import * as path from 'node:path'

export const FIGURES_DIR = path.resolve(import.meta.dirname, '..', '..', '..', '.reliability')

export function writeFigures(name: string, figures: Record<string, unknown>): void {
  fs.mkdirSync(FIGURES_DIR, { recursive: true })
  const file = path.join(FIGURES_DIR, `${name}.json`)
  const body = { name, writtenAt: new Date().toISOString(), ...figures }
  fs.writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`)
}
