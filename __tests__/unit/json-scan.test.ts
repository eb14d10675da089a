import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseLenientJson } from '../../src/http/json.js'
import {
  isValidJson,
  isValidJsonText,
  scanJsonValue,
  topLevelMembers
} from '../../src/http/json-scan.js'

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8')

// The reference: what JSON.parse says of the UTF-8 decoding of the bytes (for a string holding a
// lone surrogate, that decoding has U+FFFD in its place).
function parses(bytes: Uint8Array): boolean {
  try {
    JSON.parse(Buffer.from(bytes).toString('utf8'))
    return true
  } catch {
    return false
  }
}

function parsesLeniently(bytes: Uint8Array): boolean {
  try {
    parseLenientJson(Buffer.from(bytes).toString('utf8'))
    return true
  } catch {
    return false
  }
}

const hasPythonConstant = (text: string): boolean => /NaN|Infinity/.test(text)

/** The raw text of bytes[start, end). */
const sliceText = (bytes: Uint8Array, range: { start: number; end: number } | undefined) =>
  range && Buffer.from(bytes).subarray(range.start, range.end).toString('utf8')

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

// Characters that make or break JSON: structure, escapes, number parts, words, controls, and
// characters of every UTF-8 length (plus a lone surrogate, which encodes as U+FFFD).
const JSONISH = [
  ...'{}[]",:.-+eE0123456789 \t\n\r\\/bfnrtuaAFlsNIiy\'x',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u00a0',
  'é',
  '\u2028',
  '中',
  '\ufeff',
  '\ud800',
  '😀'
]
const jsonishChar = fc.constantFrom(...JSONISH)

// Bytes that make or break JSON in UTF-8: ASCII structure and controls, lead and continuation
// bytes, and bytes that never appear in UTF-8.
const JSONISH_BYTES = [
  ...utf8('{}[]",:.-+eE019 \t\n\r\\/bfnrtuaNIy'),
  ...[0x00, 0x1f, 0x7f, 0x80, 0xbf, 0xc0, 0xc3, 0xa9, 0xe2, 0xed, 0xa0, 0xf0, 0x9f, 0xf8, 0xff]
]
const jsonishByte = fc.constantFrom(...JSONISH_BYTES)

type Edit = ['delete' | 'insert' | 'replace', number, number]
const edit = fc.tuple(
  fc.constantFrom<Edit[0]>('delete', 'insert', 'replace'),
  fc.nat(),
  jsonishByte
)

/** Applies byte edits, so multi-byte characters get cut and stray bytes land anywhere. */
function applyEdits(bytes: Uint8Array, edits: Edit[]): Buffer {
  const out = [...bytes]
  for (const [how, at, byte] of edits) {
    const i = at % (out.length + 1)
    if (how === 'delete') out.splice(i, 1)
    else if (how === 'insert') out.splice(i, 0, byte)
    else out.splice(i, 1, byte)
  }
  return Buffer.from(out)
}

const encoded = (texts: fc.Arbitrary<string>): fc.Arbitrary<Buffer> => texts.map(utf8)

const mutated = (texts: fc.Arbitrary<string>): fc.Arbitrary<Buffer> =>
  fc
    .tuple(texts, fc.array(edit, { minLength: 1, maxLength: 3 }))
    .map(([text, edits]) => applyEdits(utf8(text), edits))

// Short runs of JSON tokens and near-tokens: they hit the grammar's edges far more often than
// random characters do (`[1,]`, `[1}`, `1.`, `-NaN`, `"\u12"`).
const TOKENS = [
  ...['{', '}', '[', ']', ',', ':', ' ', '"a"', '""', '"', '\\', 'u'],
  ...['0', '1', '12', '-', '.', 'e', 'E+', '-1', 'true', 'nul', 'null'],
  ...['NaN', 'Infinity', '-Infinity', 'Inf', 'nan'],
  ...['"\\u00e9"', '"\\u00e"', '"\\x"', '"\\n"', '"\\"', '"\t"', "'a'", '"é"', 'é', '"😀"']
]
const tokenSoup = fc
  .array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 8 })
  .map(tokens => tokens.join(''))

const whitespace = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r'), maxLength: 3 })

describe('isValidJson agrees with JSON.parse of the UTF-8 decoding', () => {
  it('on JSON texts, mutated JSON texts, random strings and random bytes', () => {
    const inputs = fc.oneof(
      encoded(jsonText),
      mutated(jsonText),
      encoded(tokenSoup),
      mutated(tokenSoup),
      encoded(fc.string({ unit: jsonishChar, maxLength: 30 })),
      encoded(fc.string({ unit: 'binary', maxLength: 30 })),
      fc.array(jsonishByte, { maxLength: 30 }).map(bytes => Buffer.from(bytes)),
      fc.uint8Array({ maxLength: 30 })
    )
    fc.assert(
      fc.property(inputs, bytes => {
        fc.pre(!hasPythonConstant(Buffer.from(bytes).toString('latin1')))
        expect(isValidJson(bytes)).toBe(parses(bytes))
      }),
      { numRuns: 6000 }
    )
  })

  it('on strings through isValidJsonText', () => {
    const texts = fc.oneof(jsonText, tokenSoup, fc.string({ unit: jsonishChar, maxLength: 30 }))
    fc.assert(
      fc.property(texts, text => {
        fc.pre(!hasPythonConstant(text))
        expect(isValidJsonText(text)).toBe(parses(utf8(text)))
      }),
      { numRuns: 2000 }
    )
  })

  // parseLenientJson is how the action reads answers; the scanner must accept exactly those.
  it('and with the lenient parser on texts holding Python constants', () => {
    fc.assert(
      fc.property(fc.oneof(encoded(pythonText), mutated(pythonText), encoded(tokenSoup)), bytes => {
        expect(isValidJson(bytes)).toBe(parsesLeniently(bytes))
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
    ['"中文 日本語 한국어"'],
    ['{"é": "😀", "中": ["ü", {"😀": "x"}]}'],
    ['{}'],
    ['[]'],
    ['{"":{"":[]}}'],
    [' \t\n\r1\r\n'],
    ['[true,false,null]']
  ])('accepts %j', text => {
    expect(parses(utf8(text))).toBe(true)
    expect(isValidJson(utf8(text))).toBe(true)
    expect(isValidJsonText(text)).toBe(true)
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
    ['"\n"'],
    ['"\u0000"'],
    ['"é\u001fé"'],
    ['"\\x41"'],
    ['"\\é"'],
    ['"\\u12G4"'],
    ['"\\u123"'],
    ['"\\u123G"'],
    ['"\\u00é9"'],
    ['"\\'],
    ['"abc'],
    ['"é'],
    ['[1 2]'],
    ['[1}'],
    ['{"a":1]'],
    ['[{"a":[1}]}'],
    ['{"a" 1}'],
    ['{a: 1}'],
    ['{é: 1}'],
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
    ['\ufeff1'],
    ['1\u2028'],
    ['[1,é]'],
    ['😀'],
    ['1 2']
  ])('rejects %j', text => {
    expect(parses(utf8(text))).toBe(false)
    expect(isValidJson(utf8(text))).toBe(false)
    expect(isValidJsonText(text)).toBe(false)
  })

  // Invalid UTF-8 decodes to U+FFFD, which JSON.parse takes as string content.
  it.each([
    [[0xff]],
    [[0x80]],
    [[0xc3]],
    [[0xc3, 0x28]],
    [[0xe2, 0x82]],
    [[0xed, 0xa0, 0x80]],
    [[0xf0, 0x9f, 0x98]],
    [[0xf8, 0x88, 0x80, 0x80, 0x80]],
    [[0xc0, 0xaf]]
  ])('accepts the invalid UTF-8 %j inside a string', invalid => {
    const bytes = Buffer.concat([utf8('{"k": ["a'), Buffer.from(invalid), utf8('b"]}')])
    expect(parses(bytes)).toBe(true)
    expect(isValidJson(bytes)).toBe(true)
    expect(sliceText(bytes, topLevelMembers(bytes)?.get('k'))).toBe(
      Buffer.concat([utf8('["a'), Buffer.from(invalid), utf8('b"]')]).toString('utf8')
    )
  })

  it('accepts an unfinished character just before the closing quote', () => {
    // 0xc3 would take the next byte, but a decoder never takes an ASCII one: `"` still closes.
    const bytes = Buffer.from([0x22, 0xc3, 0x22])
    expect(parses(bytes)).toBe(true)
    expect(isValidJson(bytes)).toBe(true)
    expect(scanJsonValue(Buffer.from([0x22, 0xf0, 0x9f, 0x22, 0x2c]))).toBe(4)
  })

  it.each([[[0xff]], [[0x80]], [[0xc3, 0xa9]], [[0xef, 0xbb, 0xbf]]])(
    'rejects the bytes %j outside a string',
    stray => {
      for (const bytes of [
        Buffer.concat([Buffer.from(stray), utf8('1')]),
        Buffer.concat([utf8('[1,'), Buffer.from(stray), utf8('2]')]),
        Buffer.concat([utf8('{"a":1}'), Buffer.from(stray)])
      ]) {
        expect(parses(bytes)).toBe(false)
        expect(isValidJson(bytes)).toBe(false)
      }
    }
  )

  it.each([[0x00], [0x01], [0x09], [0x0a], [0x0d], [0x1b], [0x1f]])(
    'rejects the raw control byte %j inside a string',
    control => {
      const bytes = Buffer.concat([utf8('{"é": "a'), Buffer.from([control]), utf8('b"}')])
      expect(parses(bytes)).toBe(false)
      expect(isValidJson(bytes)).toBe(false)
      expect(() => topLevelMembers(bytes)).toThrow(`position ${bytes.indexOf(control, 4)}`)
    }
  )

  it('takes a view into a larger buffer', () => {
    const whole = utf8('xx{"é": [1, "😀"]}yy')
    const view = whole.subarray(2, whole.length - 2)
    expect(isValidJson(view)).toBe(true)
    expect(sliceText(view, topLevelMembers(view)?.get('é'))).toBe('[1, "😀"]')
    expect(isValidJson(new Uint8Array(whole.buffer, whole.byteOffset + 2, 3))).toBe(false)
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
    ['{"a": NaN, "b": -Infinity, "c": [Infinity]}'],
    ['{"é": NaN, "😀": [-Infinity, "中"]}']
  ])('accepts %j', text => {
    expect(isValidJson(utf8(text))).toBe(true)
    expect(isValidJsonText(text)).toBe(true)
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
    ['NaNé'],
    ['[-Inf]'],
    ['[NaN Infinity]'],
    ['{NaN: 1}'],
    ['1e-Infinity']
  ])('rejects %j', text => {
    expect(isValidJson(utf8(text))).toBe(false)
  })

  it('leaves them as plain text inside strings', () => {
    const bytes = utf8('{"NaN": "-Infinity", "s": "NaNx Inf"}')
    expect(isValidJson(bytes)).toBe(true)
    const members = topLevelMembers(bytes)
    expect([...(members?.keys() ?? [])]).toEqual(['NaN', 's'])
    expect(sliceText(bytes, members?.get('s'))).toBe('"NaNx Inf"')
  })
})

describe('scanJsonValue', () => {
  it('returns the byte index after the value, whatever follows it', () => {
    const after = fc.constantFrom('', ' ', ',', ']', '}', ' x', '"', '{', ' 1', 'é', '\xff')
    fc.assert(
      fc.property(whitespace, fc.oneof(jsonText, pythonText), after, (pad, text, rest) => {
        const bytes = Buffer.concat([utf8(pad + text), utf8(rest)])
        expect(scanJsonValue(bytes)).toBe(utf8(pad + text).length)
      }),
      { numRuns: 2000 }
    )
  })

  it('starts where it is told', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), jsonText, (before, text) => {
        const bytes = Buffer.concat([utf8(before), utf8(text)])
        expect(scanJsonValue(bytes, utf8(before).length)).toBe(bytes.length)
      })
    )
  })

  it.each([
    ['[1,]', /position 3/],
    ['{"a" 1}', /position 5/],
    ['["é",]', /position 6/],
    ['{"😀" 1}', /position 8/],
    ['[1, 2', /end of JSON input at position 5/],
    ['"abc', /end of JSON input at position 4/],
    ['"中', /end of JSON input at position 4/],
    ['  nul', /end of JSON input at position 5/],
    ['[NaNx]', /position 4/],
    ['"a\u0001"', /Unexpected "\\u0001" in JSON at position 2/],
    ['[é]', /Unexpected byte 0xc3 in JSON at position 1/],
    ['', /end of JSON input at position 0/]
  ])('throws a SyntaxError naming the byte position for %j', (text, message) => {
    expect(() => scanJsonValue(utf8(text))).toThrow(SyntaxError)
    expect(() => scanJsonValue(utf8(text))).toThrow(message)
  })

  it('survives 100,000 levels of nesting', () => {
    const depth = 100_000
    const arrays = '['.repeat(depth) + ']'.repeat(depth)
    expect(scanJsonValue(utf8(arrays))).toBe(arrays.length)
    expect(isValidJson(utf8('{"é":'.repeat(depth) + 'NaN' + '}'.repeat(depth)))).toBe(true)
    expect(isValidJson(utf8('['.repeat(depth) + ']'.repeat(depth - 1)))).toBe(false)
    expect(isValidJson(utf8('['.repeat(depth) + '1' + '}'.repeat(depth)))).toBe(false)
    const members = topLevelMembers(utf8(`{"dëep": ${arrays}}`))
    expect(members?.get('dëep')).toEqual({ start: 10, end: 10 + arrays.length })
  })

  it('checks a 50 MB answer quickly', () => {
    const record =
      '{"id": 12345, "name": "a \\"quoted\\" \\u00e9 name, é 😀 中文", "v": [1.5e3, -0, true, null, NaN]}'
    const count = Math.ceil(50_000_000 / utf8(`${record},\n`).length)
    const body = utf8(`[${`${record},\n`.repeat(count)}${record}]`)
    const bytes = Buffer.concat([utf8('{"run": '), body, utf8(', "metadata": {}}')])
    expect(bytes.length).toBeGreaterThan(50_000_000)
    const started = Date.now()
    // One pass checks all the bytes and finds where `run` ends.
    const run = topLevelMembers(bytes)?.get('run')
    expect(Date.now() - started).toBeLessThan(2500)
    expect(run).toEqual({ start: 8, end: 8 + body.length })
  })
})

describe('topLevelMembers', () => {
  // Names written plainly or with every UTF-16 unit as a \u escape.
  const escapeAll = (name: string): string =>
    `"${name
      .split('')
      .map(unit => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join('')}"`
  const name = fc.oneof(
    fc.constantFrom('run', 'a', '__proto__', '', 'é', '😀', '中文', 'naïve 😀'),
    fc.string({ unit: 'grapheme' }),
    fc.string()
  )
  const member = fc.tuple(name, fc.boolean(), fc.oneof(jsonText, pythonText), whitespace)

  it('gives byte ranges that slice back to the raw values, the last duplicate winning', () => {
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
        const bytes = utf8(text)
        const expected = new Map(members.map(([name, , value]) => [name, value]))
        const found = topLevelMembers(bytes)
        expect(found && [...found.keys()].sort()).toEqual([...expected.keys()].sort())
        for (const [name, value] of expected) {
          // The value as it is written in the bytes (a lone surrogate is written as U+FFFD).
          expect(sliceText(bytes, found?.get(name))).toBe(utf8(value).toString('utf8'))
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
          const bytes = utf8(text)
          const found = topLevelMembers(bytes)
          expect(found && [...found.keys()]).toEqual(
            Object.keys(JSON.parse(bytes.toString('utf8')) as Record<string, unknown>)
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
    ['{"x": {"run": 1}, "run": NaN}', 'run', 'NaN'],
    ['{"é": "ü", "x": 1}', 'é', '"ü"'],
    ['{"\\u00e9": 1, "é": 2}', 'é', '2'],
    ['{"😀": {"中": "文"}, "z": 0}', '😀', '{"中": "文"}'],
    ['{"\\ud83d\\ude00": "😀"}', '😀', '"😀"'],
    ['{"中文": ["日本語", "한국어"]}', '中文', '["日本語", "한국어"]']
  ])('reads %j', (text, name, raw) => {
    expect(sliceText(utf8(text), topLevelMembers(utf8(text))?.get(name))).toBe(raw)
  })

  it('decodes a name holding invalid UTF-8 as JSON.parse does', () => {
    const bytes = Buffer.concat([utf8('{"a'), Buffer.from([0xff, 0xc3]), utf8('b": 1}')])
    expect([...(topLevelMembers(bytes)?.keys() ?? [])]).toEqual(['a\ufffd\ufffdb'])
    expect(Object.keys(JSON.parse(bytes.toString('utf8')) as object)).toEqual(['a\ufffd\ufffdb'])
  })

  it('gives an empty map for {}', () => {
    expect(topLevelMembers(utf8(' {} '))?.size).toBe(0)
  })

  it.each([['[1]'], ['"x"'], ['"é"'], ['NaN'], ['1'], ['null'], [' [{"a": 1}] ']])(
    'gives undefined for the non-object %j',
    text => {
      expect(topLevelMembers(utf8(text))).toBeUndefined()
    }
  )

  it.each([
    ['{"a":1} x'],
    ['{"a":1}}'],
    ['{"a":1}{}'],
    ['{"a":1} é'],
    ['[1] 2'],
    ['[1,'],
    ['{"a":1,}'],
    ['{"a":}'],
    ['{"a" 1}'],
    ['{1: 1}'],
    ['{"é\n": 1}'],
    ['']
  ])('throws a SyntaxError for %j', text => {
    expect(() => topLevelMembers(utf8(text))).toThrow(SyntaxError)
  })
})
