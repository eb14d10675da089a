// Runs once before the suite: starts the secrets-audit tally afresh (see helpers/run-action.ts).
import * as fs from 'node:fs'
import * as path from 'node:path'

export default function globalSetup() {
  const file = path.resolve(import.meta.dirname, '..', '.reliability', 'secrets-audit.jsonl')
  fs.rmSync(file, { force: true })
}
