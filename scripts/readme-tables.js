#!/usr/bin/env node
// Generates the README's inputs and outputs tables from action.yml, so the two never drift.
//
//   node scripts/readme-tables.js            rewrite the tables in README.md in place
//   node scripts/readme-tables.js --check    exit 1 when README.md differs from action.yml
//   node scripts/readme-tables.js --check --action <file>
//                                            compare against another action.yml (e.g. the one
//                                            of a release tag: see docs/RELEASING.md)
//
// The pure functions are exported for the docs test; the command runs only when invoked directly.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import YAML from 'yaml'

export const MARKERS = {
  inputs: ['<!-- inputs:start -->', '<!-- inputs:end -->'],
  outputs: ['<!-- outputs:start -->', '<!-- outputs:end -->']
}

// Prettier would realign the tables; the generated text is kept exactly as generated.
const IGNORE_START = '<!-- prettier-ignore-start -->'
const IGNORE_END = '<!-- prettier-ignore-end -->'

/** One table cell: a single line, pipes escaped. */
function cell(text) {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|')
}

function table(header, rows) {
  const line = cells => `| ${cells.map(cell).join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** The environment variable an input falls back to, as its description names it. */
export function envFallbackOf(description) {
  const match = /Falls back to (?:the )?`?([A-Z][A-Z0-9_]*)`?/.exec(description ?? '')
  return match ? match[1] : ''
}

/** Parses action.yml text into its inputs and outputs, in file order. */
export function readAction(actionYmlText) {
  const action = YAML.parse(actionYmlText)
  if (action === null || typeof action !== 'object') throw new Error('action.yml is not a mapping')
  const entries = section => Object.entries(action[section] ?? {})
  return {
    inputs: entries('inputs').map(([name, spec]) => ({
      name,
      description: spec?.description ?? '',
      required: spec?.required === true,
      default: spec?.default
    })),
    outputs: entries('outputs').map(([name, spec]) => ({
      name,
      description: spec?.description ?? ''
    }))
  }
}

/** The two tables (Markdown) for an action.yml text. */
export function renderTables(actionYmlText) {
  const { inputs, outputs } = readAction(actionYmlText)
  const inputRows = inputs.map(input => [
    `\`${input.name}\``,
    input.required ? '**yes**' : '',
    input.default === undefined ? '' : `\`${String(input.default)}\``,
    envFallbackOf(input.description) ? `\`${envFallbackOf(input.description)}\`` : '',
    input.description
  ])
  const outputRows = outputs.map(output => [`\`${output.name}\``, output.description])
  const wrap = text => `${IGNORE_START}\n${text}\n${IGNORE_END}`
  return {
    inputs: wrap(
      table(['Input', 'Required', 'action.yml default', 'Env fallback', 'Description'], inputRows)
    ),
    outputs: wrap(table(['Output', 'Description'], outputRows))
  }
}

/** The README with the text between each pair of markers replaced by its table. */
export function replaceTables(readme, tables) {
  let out = readme
  for (const [key, [start, end]] of Object.entries(MARKERS)) {
    const from = out.indexOf(start)
    const to = out.indexOf(end)
    if (from === -1 || to === -1 || to < from) {
      throw new Error(`README.md needs the markers ${start} and ${end}, in that order`)
    }
    if (out.indexOf(start, from + 1) !== -1 || out.indexOf(end, to + 1) !== -1) {
      throw new Error(`README.md has the markers ${start} / ${end} more than once`)
    }
    out = `${out.slice(0, from + start.length)}\n${tables[key]}\n${out.slice(to)}`
  }
  return out
}

function main(argv) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const check = argv.includes('--check')
  const actionAt = argv.indexOf('--action')
  const actionFile =
    actionAt === -1 ? path.join(root, 'action.yml') : path.resolve(argv[actionAt + 1] ?? '')
  const readmeFile = path.join(root, 'README.md')

  const readme = fs.readFileSync(readmeFile, 'utf8')
  const expected = replaceTables(readme, renderTables(fs.readFileSync(actionFile, 'utf8')))
  if (check) {
    if (expected === readme) {
      console.log(`README.md tables match ${path.relative(root, actionFile) || actionFile}`)
      return 0
    }
    console.error(
      actionAt === -1
        ? "README.md tables differ from action.yml: run 'node scripts/readme-tables.js' and commit README.md"
        : `README.md documents inputs or outputs that differ from ${actionFile}`
    )
    return 1
  }
  if (expected !== readme) fs.writeFileSync(readmeFile, expected)
  console.log(
    expected === readme ? 'README.md tables already up to date' : 'README.md tables updated'
  )
  return 0
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2))
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
  }
}
