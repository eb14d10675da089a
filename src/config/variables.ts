// The `variables` input: a JSON object, or YAML 1.2 (core schema) that yields a mapping.
// JSON is read by the YAML parser too (JSON is YAML 1.2), so both get the same checks:
// duplicate keys, custom tags, and integers too large for a JS number.
// The parser itself is loaded only when there is something to parse (yaml-parser.ts).
import type { Document, Node, YAMLMap } from 'yaml'
import { ConfigError } from '../errors.js'
import { showValue } from './show-value.js'
import { yamlParser } from './yaml-parser.js'

/** The tags of the core schema, plus `!` (a non-specific tag: "a string"). */
const CORE_PREFIX = 'tag:yaml.org,2002:'
const CORE_TAGS = new Set([
  '!',
  ...['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map(t => `${CORE_PREFIX}${t}`)
])

const MAX_REASON = 120

/** Blank, or the default `{}`: no parser needed. */
const EMPTY_OBJECT = /^\s*(\{\s*\})?\s*$/

/** Whether parsing `raw` needs the YAML parser loaded (see loadYamlParser). */
export function needsYamlParser(raw: string): boolean {
  return !EMPTY_OBJECT.test(raw)
}

export function parseVariables(input: string, raw: string): Record<string, unknown> {
  if (!needsYamlParser(raw)) return {}
  const { LineCounter, isMap, parseDocument } = yamlParser()
  const lines = new LineCounter()
  const doc = parseDocument(raw, {
    schema: 'core',
    // `<<: *defaults` is what anchors are mostly used for; a YAML 1.1 habit worth keeping.
    merge: true,
    // Integers arrive as bigint, so one beyond 2^53 is refused instead of silently rounded.
    intAsBigInt: true,
    // Duplicate keys are found below, by their JS form, so the message can name the key.
    uniqueKeys: false,
    // `!!binary`, `!!timestamp`, `!!set`… are not core: they must stay unresolved (rejected).
    resolveKnownTags: false,
    // The pretty form quotes the source line; only line and column are reported.
    prettyErrors: false,
    logLevel: 'error',
    lineCounter: lines
  })
  const at = (offset: number): string => {
    const { line, col } = lines.linePos(offset)
    return `line ${line}, column ${col}`
  }

  const problems = [...doc.errors, ...doc.warnings]
  // Syntax first; then tags, by name (a custom tag is also an unresolved-tag warning); then
  // whatever is left, e.g. a core tag that does not fit its value (`!!int abc`).
  const syntax = problems.find(problem => problem.code !== 'TAG_RESOLVE_FAILED')
  if (syntax !== undefined) {
    const reason = yamlReason(syntax.code, syntax.message)
    throw new ConfigError(input, `is not valid YAML or JSON (${at(syntax.pos[0])}): ${reason}`)
  }
  checkNodes(input, doc, at)
  const [unresolved] = problems
  if (unresolved !== undefined) {
    throw new ConfigError(input, `has a value that does not fit its tag (${at(unresolved.pos[0])})`)
  }
  if (doc.contents === null) return {} // only comments
  if (!isMap(doc.contents)) {
    throw new ConfigError(
      input,
      'must be an object (a mapping), like {"key": "value"} or key: value'
    )
  }

  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: 100 })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new ConfigError(input, `is not valid YAML: ${cut(message)}`)
  }
  return toPlainJson(input, value, '', new Set()) as Record<string, unknown>
}

function yamlReason(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'it holds more than one YAML document (---)'
  return cut(message)
}

function cut(text: string): string {
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON)}…` : text
}

/** Custom tags, list or mapping keys, and duplicate keys (as JS sees them: `1` and `"1"` clash). */
function checkNodes(input: string, doc: Document, at: (offset: number) => string): void {
  const { isMap, visit } = yamlParser()
  // One `Node` visitor: yaml calls only the most specific callback, so a `Map` one would hide
  // maps from the tag check.
  visit(doc, {
    Node(_, node) {
      if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
        const where = node.range ? ` (${at(node.range[0])})` : ''
        const tag = showValue(node.tag.replace(CORE_PREFIX, '!!'))
        throw new ConfigError(
          input,
          `uses the tag ${tag}${where}: custom tags are not allowed, only plain YAML (core schema)`
        )
      }
      if (isMap(node)) checkKeys(input, doc, node, at)
    }
  })
}

function checkKeys(
  input: string,
  doc: Document,
  map: YAMLMap,
  at: (offset: number) => string
): void {
  const { isAlias, isCollection, isScalar } = yamlParser()
  const seen = new Set<string>()
  for (const pair of map.items) {
    const keyNode = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key
    const where = isNodeWithRange(pair.key) ? ` (${at(pair.key.range[0])})` : ''
    if (isCollection(keyNode)) {
      throw new ConfigError(
        input,
        `has a list or mapping as a key${where}: keys must be plain values`
      )
    }
    const keyValue: unknown = isScalar(keyNode) ? keyNode.value : keyNode
    if (typeof keyValue === 'symbol') continue // a `<<` merge key
    const key = jsKey(keyValue)
    if (seen.has(key)) throw new ConfigError(input, `has the key ${showValue(key)} twice${where}`)
    seen.add(key)
  }
}

/** The property name a scalar key becomes in JS (as the yaml library names it: null → ''). */
function jsKey(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value)
  }
  return ''
}

function isNodeWithRange(value: unknown): value is Node & { range: [number, number, number] } {
  const { isAlias, isCollection, isScalar } = yamlParser()
  return (isScalar(value) || isCollection(value) || isAlias(value)) && value.range !== undefined
}

/** Bigints back to numbers where exact; refuses what JSON cannot carry (huge ints, .inf, .nan, cycles). */
function toPlainJson(input: string, value: unknown, path: string, ancestors: Set<object>): unknown {
  if (typeof value === 'bigint') {
    if (value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)) {
      return Number(value)
    }
    throw new ConfigError(
      input,
      `the integer at ${showValue(path)} is too large to keep exactly: quote it as a string`
    )
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new ConfigError(
      input,
      `the number at ${showValue(path)} is not finite: JSON cannot carry it`
    )
  }
  if (value === null || typeof value !== 'object') return value
  if (ancestors.has(value)) {
    throw new ConfigError(input, `has an alias that contains itself at ${showValue(path)}`)
  }
  ancestors.add(value)
  const result = Array.isArray(value)
    ? value.map((item, i) => toPlainJson(input, item, `${path}[${i}]`, ancestors))
    : Object.fromEntries(
        Object.entries(value).map(([key, item]) => [
          key,
          toPlainJson(input, item, path === '' ? key : `${path}.${key}`, ancestors)
        ])
      )
  ancestors.delete(value)
  return result
}
