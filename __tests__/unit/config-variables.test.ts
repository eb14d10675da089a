import { beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseVariables } from '../../src/config/variables.js'
import { loadYamlParser } from '../../src/config/yaml-parser.js'
import { expectConfigError } from './config-expect-error.js'

// parseConfig is synchronous: the steps' readConfig loads the parser first; so do these tests.
beforeAll(async () => {
  await loadYamlParser()
})

const BIG = 'v'.repeat(100 * 1024)

describe('parseVariables', () => {
  it.each<[string, string, Record<string, unknown>]>([
    ['empty', '', {}],
    ['blank', '  \n\t\n', {}],
    ['only a comment', '# nothing yet', {}],
    ['an empty JSON object', '{}', {}],
    [
      'a JSON object',
      '{"env": "prod", "n": 3, "f": 1.5, "ok": true, "none": null, "list": [1, "a"], "o": {"x": {}}}',
      { env: 'prod', n: 3, f: 1.5, ok: true, none: null, list: [1, 'a'], o: { x: {} } }
    ],
    ['pretty JSON, CRLF', '{\r\n  "a": 1,\r\n  "b": "two"\r\n}\r\n', { a: 1, b: 'two' }],
    ['JSON with tabs', '{\n\t"a":\t1\n}', { a: 1 }],
    [
      'a YAML mapping',
      'env: prod\nretries: 3\nratio: 0.5\nflag: false',
      { env: 'prod', retries: 3, ratio: 0.5, flag: false }
    ],
    ['an indented YAML mapping (inner text kept)', '  a: 1\n  b: 2\n', { a: 1, b: 2 }],
    ['YAML, CRLF', 'a: 1\r\nb:\r\n  - x\r\n  - y\r\n', { a: 1, b: ['x', 'y'] }],
    ['a YAML flow mapping', '{a: 1, b: [x, y]}', { a: 1, b: ['x', 'y'] }],
    ['YAML 1.2 booleans only', 'a: yes\nb: on\nc: True', { a: 'yes', b: 'on', c: true }],
    ['YAML 1.2: no sexagesimal, no octal 0-prefix', 'a: 1:30\nb: 012', { a: '1:30', b: 12 }],
    ['core ints: hex and octal', 'a: 0x1F\nb: 0o17\nc: -42\nd: +7', { a: 31, b: 15, c: -42, d: 7 }],
    ['null forms', 'a: ~\nb: null\nc:', { a: null, b: null, c: null }],
    ['a date stays a string (no timestamp type)', 'a: 2001-12-14', { a: '2001-12-14' }],
    [
      'core tags',
      'a: !!str 1\nb: !!int "3"\nc: !!map {x: 1}\nd: !!seq []\ne: ! 12',
      { a: '1', b: 3, c: { x: 1 }, d: [], e: '12' }
    ],
    ['anchors and aliases', 'base: &b {x: 1}\ncopy: *b', { base: { x: 1 }, copy: { x: 1 } }],
    [
      'a merge key',
      'base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3',
      { base: { x: 1, y: 2 }, d: { x: 1, y: 3 } }
    ],
    ['a quoted << is a plain key', '{"<<": {"x": 1}}', { '<<': { x: 1 } }],
    ['a safe big integer', '{"n": 9007199254740991}', { n: 9007199254740991 }],
    ['a large float', '{"n": 1e300}', { n: 1e300 }],
    ['unicode', '{"greeting": "héllo 🚀", "日本": "語"}', { greeting: 'héllo 🚀', 日本: '語' }],
    [
      'shell metacharacters',
      'cmd: "$(rm -rf /); `id` && echo $HOME"',
      { cmd: '$(rm -rf /); `id` && echo $HOME' }
    ],
    ['a 100 KiB value', JSON.stringify({ big: BIG }), { big: BIG }],
    [
      'a key named __proto__ stays data',
      '{"__proto__": {"polluted": true}}',
      JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>
    ]
  ])('%s', (_, raw, value) => {
    expect(parseVariables('variables', raw)).toEqual(value)
  })

  it('does not pollute prototypes', () => {
    const value = parseVariables('variables', '{"__proto__": {"polluted": true}}')
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it.each([
    ['a JSON array', '[1, 2]', 'must be an object (a mapping)'],
    ['a string', '"just text"', 'must be an object (a mapping)'],
    ['a plain word', 'hello', 'must be an object (a mapping)'],
    ['a number', '42', 'must be an object (a mapping)'],
    ['null', 'null', 'must be an object (a mapping)'],
    ['a YAML list', '- a\n- b', 'must be an object (a mapping)'],
    ['invalid JSON', '{"a": 1,', 'is not valid YAML or JSON (line 1'],
    ['unclosed JSON', '{"a": [1, 2}', 'is not valid YAML or JSON'],
    ['JSON with trailing text', '{"a": 1} extra', 'is not valid YAML or JSON'],
    ['invalid YAML', 'a: 1\n  b: 2: 3', 'is not valid YAML or JSON (line 1, column 4)'],
    ['YAML with a tab indent', 'a:\n\tb: 1', 'is not valid YAML or JSON'],
    ['several documents', 'a: 1\n---\nb: 2', 'more than one YAML document'],
    [
      'a custom tag',
      'a: !foo x',
      "uses the tag '!foo' (line 1, column 9): custom tags are not allowed"
    ],
    ['a custom tag on a mapping', 'a: !foo {x: 1}', "uses the tag '!foo'"],
    ['a custom tag on a list', 'a: !foo [1]', "uses the tag '!foo'"],
    ['a custom tag on the document', '--- !foo\na: 1', "uses the tag '!foo'"],
    ['!!binary', 'a: !!binary aGVsbG8=', "uses the tag '!!binary'"],
    ['!!timestamp', 'a: !!timestamp 2001-12-14', "uses the tag '!!timestamp'"],
    ['!!set', 'a: !!set {x}', "uses the tag '!!set'"],
    ['!!omap', 'a: !!omap [x: 1]', "uses the tag '!!omap'"],
    ['!!python/object', 'a: !!python/object:os.system x', 'custom tags are not allowed'],
    [
      'a %TAG handle',
      '%TAG !e! tag:example.com,2000:\n---\na: !e!x 1',
      'custom tags are not allowed'
    ],
    ['a core tag that does not fit', 'a: !!int abc', 'has a value that does not fit its tag'],
    ['a duplicate JSON key', '{"a": 1, "a": 2}', "has the key 'a' twice (line 1, column 10)"],
    ['a duplicate YAML key', 'x: 1\ny: 2\nx: 3', "has the key 'x' twice (line 3, column 1)"],
    ['a nested duplicate key', 'o:\n  k: 1\n  k: 2', "has the key 'k' twice"],
    ['keys that clash in JS', '1: a\n"1": b', "has the key '1' twice"],
    ['a list as a key', '? [1, 2]\n: x', 'has a list or mapping as a key'],
    [
      'an integer too large',
      '{"id": 12345678901234567890}',
      "the integer at 'id' is too large to keep exactly"
    ],
    ['a nested integer too large', 'a:\n  - 1\n  - -99999999999999999999', "at 'a[1]'"],
    ['infinity', 'a: .inf', "the number at 'a' is not finite"],
    ['NaN', 'a: {b: .nan}', "at 'a.b'"],
    ['an undefined alias', 'a: *nope', 'is not valid YAML: Unresolved alias'],
    ['a self-referencing alias', 'a: &x [*x]', 'has an alias that contains itself'],
    ['a merge of a scalar', 'a:\n  <<: 1', 'is not valid YAML: Merge sources must be maps'],
    ['an alias bomb', bomb(), 'is not valid YAML']
  ])('%s is an error naming variables', (_, raw, fragment) => {
    expectConfigError(() => parseVariables('variables', raw), 'variables', fragment)
  })

  it('never quotes the source line in a syntax error', () => {
    const error = expectConfigError(
      () => parseVariables('variables', 'password: hunter2\n  bad: [x: y: z'),
      'variables'
    )
    expect(error.message).not.toContain('hunter2')
  })

  it('names another input when asked', () => {
    expectConfigError(() => parseVariables('other', '[]'), 'other', 'must be an object')
  })
})

/** The "billion laughs": aliases of aliases, each level ten times the last. */
function bomb(): string {
  const lines = ['a: &a ["lol"]']
  for (let level = 1; level <= 8; level++) {
    const previous = String.fromCharCode(96 + level)
    const name = String.fromCharCode(97 + level)
    lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`)
  }
  return lines.join('\n')
}

// JSON values without what JSON.parse would silently round: integers beyond 2^53.
const exactNumber = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .filter(d => !Number.isInteger(d) || Number.isSafeInteger(d) || Math.abs(d) >= 1e21)
const jsonValue = fc.letrec<{ value: unknown }>(tie => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.boolean(),
    fc.constant(null),
    fc.integer(),
    exactNumber,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ unit: 'binary', maxLength: 10 }), tie('value'), { maxKeys: 4 })
  )
}))

describe('parseVariables: JSON round trip', () => {
  it('gives back what JSON.parse gives, for any JSON object', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'binary', maxLength: 10 }), jsonValue.value, {
          maxKeys: 6
        }),
        fc.constantFrom(undefined, 2, '\t'),
        (object, indent) => {
          const raw = JSON.stringify(object, null, indent)
          expect(parseVariables('variables', raw)).toEqual(JSON.parse(raw))
        }
      )
    )
  })
})
