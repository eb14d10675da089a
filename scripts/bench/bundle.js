// What dist/ holds: each file's size, and which dependency each byte of dist/index.js comes
// from, read from the source map of an identical build (ncc does not minify; the map's
// segments say which source each stretch of generated code was written from).
import * as fs from 'node:fs'
import * as path from 'node:path'
import { REPO_ROOT } from '../lib/run-dist.js'

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** The source index of every segment, per generated line: [[column, source], …]. */
function decodeMappings(mappings) {
  const lines = []
  let source = 0
  for (const line of mappings.split(';')) {
    const segments = []
    let column = 0
    for (const segment of line.split(',')) {
      if (segment === '') continue
      const fields = decodeVlq(segment)
      column += fields[0]
      if (fields.length > 1) source += fields[1]
      segments.push([column, fields.length > 1 ? source : -1])
    }
    lines.push(segments)
  }
  return lines
}

function decodeVlq(text) {
  const values = []
  let value = 0
  let shift = 0
  for (const char of text) {
    const digit = BASE64.indexOf(char)
    value += (digit & 31) << shift
    if (digit & 32) {
      shift += 5
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1)
      value = 0
      shift = 0
    }
  }
  return values
}

/** 'yaml', '@actions/core', 'mage-pro-action (src)' or 'webpack runtime' for a source path. */
export function packageOf(source) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)
  if (match) return match[1]
  if (/(^|\/)src\//.test(source)) return 'mage-pro-action (src)'
  return 'webpack runtime'
}

/** Bytes of the bundled file per package, from its source map. */
export function composition(bundleFile) {
  const code = fs.readFileSync(bundleFile, 'utf8').split('\n')
  const map = JSON.parse(fs.readFileSync(`${bundleFile}.map`, 'utf8'))
  const lines = decodeMappings(map.mappings)
  const bytes = new Map()
  const add = (name, count) => bytes.set(name, (bytes.get(name) ?? 0) + count)
  code.forEach((text, index) => {
    const segments = lines[index] ?? []
    let last = 'unmapped'
    let from = 0
    for (const [column, source] of segments) {
      add(last, Buffer.byteLength(text.slice(from, column)))
      last = source < 0 ? 'unmapped' : packageOf(map.sources[source])
      from = column
    }
    add(last, Buffer.byteLength(text.slice(from)) + 1)
  })
  const total = [...bytes.values()].reduce((sum, count) => sum + count, 0)
  return [...bytes]
    .map(([name, count]) => ({ name, bytes: count, share: Number((count / total).toFixed(4)) }))
    .sort((a, b) => b.bytes - a.bytes)
}

/** Every file under dist/ with its size. */
export function distFiles() {
  const dist = path.join(REPO_ROOT, 'dist')
  const walk = dir =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
      const file = path.join(dir, entry.name)
      return entry.isDirectory() ? walk(file) : [file]
    })
  return walk(dist)
    .map(file => ({ path: path.relative(REPO_ROOT, file), bytes: fs.statSync(file).size }))
    .sort((a, b) => a.path.localeCompare(b.path))
}
