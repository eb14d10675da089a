import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseLenientJson } from '../../src/http/json.js'
import { isValidJson, scanJsonValue, topLevelMembers } from '../../src/http/json-scan.js'

function parses(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

function parsesLeniently(text: string): boolean {
  try {
    parseLenientJson(text)
    return true
  } catch {
    return false
  }
}

const hasPythonConstant = (text: string): boolean => /NaN|Infinity/.test(text)

// JSON texts in several layouts: compact, indented, and with every kind of JSON whitespace.
const jsonText = fc.oneof(
  fc.json(),
  fc.jsonValue({ stringUnit: 'binary' }).map(value => JSON.stringify(value, null, 2)),
  fc.jsonValue().map(value => JSON.stringify(value, null, ' \t\r\n'))
)

// JSON texts whose leaves may be Python's bare constants, the way Mage writes them.
const PYTHON_CONSTANTS = ['NaN', 'Infinity', '-Infinity']
const pythonText = fc
  .letrec<{ value: unknown }>(tie => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom(...PYTHON_CONSTANTS.map(name => `\u0001${name}`)),
      fc.jsonValue({ maxDepth: 0 }),
      fc.array(tie('value')),
      fc.dictionary(fc.string(), tie('value'))
    )
  }))
  .value.map(value =>
    JSON.stringify(value, null, 1).replace(/"\\u0001(NaN|Infinity|-Infinity)"/g, '$1')
  )

// Characters that make or break JSON: structure, escapes, number parts, words, controls.
const JSONISH = [
  ...'{}[]",:.-+eE0123456789 \t\n\r\\/bfnrtuaAFlsNIiy\'x',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u00a0',
  '\u2028',
  '\ud800',
  '😀'
]
const jsonishChar = fc.constantFrom(...JSONISH)

type Edit = ['delete' | 'insert' | 'replace', number, string]
const edit = fc.tuple(
  fc.constantFrom<Edit[0]>('delete', 'insert', 'replace'),
  fc.nat(),
  jsonishChar
)

function applyEdits(text: string, edits: Edit[]): string {
  return edits.reduce((out, [how, at, ch]) => {
    const i = at % (out.length + 1)
    if (how === 'delete') return out.slice(0, i) + out.slice(i + 1)
    if (how === 'insert') return out.slice(0, i) + ch + out.slice(i)
    return out.slice(0, i) + ch + out.slice(i + 1)
  }, text)
}

const mutated = (texts: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(texts, fc.array(edit, { minLength: 1, maxLength: 3 }))
    .map(([text, edits]) => applyEdits(text, edits))

// Short runs of JSON tokens and near-tokens: they hit the grammar's edges far more often than
// random characters do (`[1,]`, `[1}`, `1.`, `-NaN`, `"\u12"`).
const TOKENS = [
  ...['{', '}', '[', ']', ',', ':', ' ', '"a"', '""', '"', '\\', 'u'],
  ...['0', '1', '12', '-', '.', 'e', 'E+', '-1', 'true', 'nul', 'null'],
  ...['NaN', 'Infinity', '-Infinity', 'Inf', 'nan'],
  ...['"\\u00e9"', '"\\u00e"', '"\\x"', '"\\n"', '"\\"', '"\t"', "'a'"]
]
const tokenSoup = fc
  .array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 8 })
  .map(tokens => tokens.join(''))

const whitespace = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r'), maxLength: 3 })

describe('isValidJson agrees with JSON.parse', () => {
  it('on JSON texts, mutated JSON texts and random strings', () => {
    const texts = fc.oneof(
      jsonText,
      mutated(jsonText),
      tokenSoup,
      fc.string({ unit: jsonishChar, maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 30 })
    )
    fc.assert(
      fc.property(texts, text => {
        fc.pre(!hasPythonConstant(text))
        expect(isValidJson(text)).toBe(parses(text))
      }),
      { numRuns: 5000 }
    )
  })

  // parseLenientJson is how the action reads answers; the scanner must accept exactly those.
  it('and with the lenient parser on texts holding Python constants', () => {
    fc.assert(
      fc.property(fc.oneof(pythonText, mutated(pythonText), tokenSoup), text => {
        expect(isValidJson(text)).toBe(parsesLeniently(text))
      }),
      { numRuns: 3000 }
    )
  })

  it.each([
    ['-0'],
    ['0.5e-10'],
    ['1E+2'],
    ['-12.034E-0'],
    ['"\\/\\b\\f\\n\\r\\t\\"\\\\"'],
    ['"\\uD83D\\ude00"'],
    ['"\\ud800"'],
    ['"\ud800"'],
    ['"\u007f\u2028é😀"'],
    ['{}'],
    ['[]'],
    ['{"":{"":[]}}'],
    [' \t\n\r1\r\n'],
    ['[true,false,null]']
  ])('accepts %j', text => {
    expect(parses(text)).toBe(true)
    expect(isValidJson(text)).toBe(true)
  })

  it.each([
    ['[1,]'],
    ['{"a":1,}'],
    ["'a'"],
    ['// c\n1'],
    ['/* c */1'],
    ['01'],
    ['-01'],
    ['1.'],
    ['.5'],
    ['1e'],
    ['1e+'],
    ['+1'],
    ['0x10'],
    ['-'],
    ['"\t"'],
    ['"\u0000"'],
    ['"\\x41"'],
    ['"\\u12G4"'],
    ['"\\u123"'],
    ['"\\u123G"'],
    ['"\\'],
    ['"abc'],
    ['[1 2]'],
    ['[1}'],
    ['{"a":1]'],
    ['[{"a":[1}]}'],
    ['{"a" 1}'],
    ['{a: 1}'],
    ['{"a"}'],
    ['tru'],
    ['True'],
    ['nulll'],
    [''],
    [' '],
    ['['],
    [']'],
    ['{"a":1}}'],
    ['\u00a01'],
    ['1 2']
  ])('rejects %j', text => {
    expect(parses(text)).toBe(false)
    expect(isValidJson(text)).toBe(false)
  })
})

describe('Python constants', () => {
  it.each([
    ['NaN'],
    ['Infinity'],
    ['-Infinity'],
    [' \n NaN \t'],
    ['[NaN, Infinity, -Infinity]'],
    ['[1,NaN]'],
    ['{"a": NaN, "b": -Infinity, "c": [Infinity]}']
  ])('accepts %j', text => {
    expect(isValidJson(text)).toBe(true)
  })

  it.each([
    ['NaNx'],
    ['Inf'],
    ['-NaN'],
    ['nan'],
    ['infinity'],
    ['+Infinity'],
    ['--Infinity'],
    ['- Infinity'],
    ['Infinityy'],
    ['[-Inf]'],
    ['[NaN Infinity]'],
    ['{NaN: 1}'],
    ['1e-Infinity']
  ])('rejects %j', text => {
    expect(isValidJson(text)).toBe(false)
  })

  it('leaves them as plain text inside strings', () => {
    const text = '{"NaN": "-Infinity", "s": "NaNx Inf"}'
    expect(isValidJson(text)).toBe(true)
    const members = topLevelMembers(text)
    expect([...(members?.keys() ?? [])]).toEqual(['NaN', 's'])
    const s = members?.get('s')
    expect(s && text.slice(s.start, s.end)).toBe('"NaNx Inf"')
  })
})

describe('scanJsonValue', () => {
  it('returns the end of the value, whatever follows it', () => {
    const after = fc.constantFrom('', ' ', ',', ']', '}', ' x', '"', '{', ' 1')
    fc.assert(
      fc.property(whitespace, fc.oneof(jsonText, pythonText), after, (pad, text, rest) => {
        expect(scanJsonValue(pad + text + rest)).toBe(pad.length + text.length)
      }),
      { numRuns: 2000 }
    )
  })

  it('starts where it is told', () => {
    fc.assert(
      fc.property(fc.string(), jsonText, (before, text) => {
        expect(scanJsonValue(before + text, before.length)).toBe(before.length + text.length)
      })
    )
  })

  it.each([
    ['[1,]', /position 3/],
    ['{"a" 1}', /position 5/],
    ['[1, 2', /end of JSON input at position 5/],
    ['"abc', /end of JSON input at position 4/],
    ['  nul', /end of JSON input at position 5/],
    ['[NaNx]', /position 4/],
    ['"a\u0001"', /position 2/],
    ['', /end of JSON input at position 0/]
  ])('throws a SyntaxError naming the position for %j', (text, message) => {
    expect(() => scanJsonValue(text)).toThrow(SyntaxError)
    expect(() => scanJsonValue(text)).toThrow(message)
  })

  it('survives 100,000 levels of nesting', () => {
    const depth = 100_000
    const arrays = '['.repeat(depth) + ']'.repeat(depth)
    expect(scanJsonValue(arrays)).toBe(arrays.length)
    expect(isValidJson('{"a":'.repeat(depth) + 'NaN' + '}'.repeat(depth))).toBe(true)
    expect(isValidJson('['.repeat(depth) + ']'.repeat(depth - 1))).toBe(false)
    expect(isValidJson('['.repeat(depth) + '1' + '}'.repeat(depth))).toBe(false)
    const members = topLevelMembers(`{"deep": ${arrays}}`)
    expect(members?.get('deep')).toEqual({ start: 9, end: 9 + arrays.length })
  })

  it('scans a 20 MB text quickly', () => {
    const record =
      '{"id": 12345, "name": "a \\"quoted\\" \\u00e9 name", "v": [1.5e3, -0, true, null, NaN]}'
    const body = `[${`${record},\n`.repeat(Math.ceil(20_000_000 / (record.length + 2)))}${record}]`
    const text = `{"run": ${body}, "metadata": {}}`
    expect(text.length).toBeGreaterThan(20_000_000)
    const started = Date.now()
    // One pass checks the whole text and finds where `run` ends.
    const run = topLevelMembers(text)?.get('run')
    expect(Date.now() - started).toBeLessThan(1500)
    expect(run).toEqual({ start: 8, end: 8 + body.length })
  })
})

describe('topLevelMembers', () => {
  // Names written plainly or with every character as a \u escape.
  const escapeAll = (name: string): string =>
    `"${[...name].map(ch => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`
  const member = fc.tuple(
    fc.oneof(fc.constantFrom('run', 'a', '__proto__', ''), fc.string()),
    fc.boolean(),
    fc.oneof(jsonText, pythonText),
    whitespace
  )

  it('gives ranges that slice back to the raw values, the last duplicate winning', () => {
    fc.assert(
      fc.property(fc.array(member, { maxLength: 6 }), whitespace, (members, pad) => {
        const text =
          pad +
          '{' +
          members
            .map(([name, escaped, value, ws]) => {
              const quoted = escaped ? escapeAll(name) : JSON.stringify(name)
              return `${ws}${quoted}${ws}:${ws}${value}${ws}`
            })
            .join(',') +
          '}' +
          pad
        const expected = new Map(members.map(([name, , value]) => [name, value]))
        const found = topLevelMembers(text)
        expect(found && [...found.keys()].sort()).toEqual([...expected.keys()].sort())
        for (const [name, value] of expected) {
          const range = found?.get(name)
          expect(range && text.slice(range.start, range.end)).toBe(value)
        }
      }),
      { numRuns: 1000 }
    )
  })

  it('agrees with JSON.parse on the names', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue()).map(o => JSON.stringify(o)),
        text => {
          const found = topLevelMembers(text)
          expect(found && [...found.keys()]).toEqual(
            Object.keys(JSON.parse(text) as Record<string, unknown>)
          )
        }
      )
    )
  })

  it.each([
    ['{"r\\u0075n": 1}', 'run', '1'],
    ['{"a": 1, "a": [2]}', 'a', '[2]'],
    [' { "a" :  [1] , "b":2 } ', 'a', '[1]'],
    ['{"a\\"b": "x"}', 'a"b', '"x"'],
    ['{"x": {"run": 1}, "run": NaN}', 'run', 'NaN']
  ])('reads %j', (text, name, raw) => {
    const range = topLevelMembers(text)?.get(name)
    expect(range && text.slice(range.start, range.end)).toBe(raw)
  })

  it('gives an empty map for {}', () => {
    expect(topLevelMembers(' {} ')?.size).toBe(0)
  })

  it.each([['[1]'], ['"x"'], ['NaN'], ['1'], ['null'], [' [{"a": 1}] ']])(
    'gives undefined for the non-object %j',
    text => {
      expect(topLevelMembers(text)).toBeUndefined()
    }
  )

  it.each([
    ['{"a":1} x'],
    ['{"a":1}}'],
    ['{"a":1}{}'],
    ['[1] 2'],
    ['[1,'],
    ['{"a":1,}'],
    ['{"a":}'],
    ['{"a" 1}'],
    ['{1: 1}'],
    ['']
  ])('throws a SyntaxError for %j', text => {
    expect(() => topLevelMembers(text)).toThrow(SyntaxError)
  })
})
