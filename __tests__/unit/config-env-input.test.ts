import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseEnvInput, parseEnvNames } from '../../src/config/env-input.js'
import { expectConfigError } from './config-expect-error.js'

const SECRET = 's3cr3t-Value'
const BIG = 'x'.repeat(100 * 1024)
const SHELL = '$(rm -rf /); `id` && echo $HOME | cat > /dev/null; \'"\\ *?[a] ~ !! %PATH%'

describe('parseEnvInput: dotenv lines', () => {
  it.each<[string, string, [string, string][]]>([
    ['one line', 'A=1', [['A', '1']]],
    [
      'several lines, in order',
      'B=2\nA=1',
      [
        ['B', '2'],
        ['A', '1']
      ]
    ],
    ['export prefix', 'export TOKEN=abc', [['TOKEN', 'abc']]],
    ['export with spaces', 'export   TOKEN = abc', [['TOKEN', 'abc']]],
    ['a name that starts with export', 'exportA=1', [['exportA', '1']]],
    ['a name that is export', 'export=1', [['export', '1']]],
    ['export, a space, then =', 'export =1', [['export', '1']]],
    ['key and unquoted value trimmed', '  A  =  spaced value  ', [['A', 'spaced value']]],
    ['# inside an unquoted value', 'A=b#c', [['A', 'b#c']]],
    ['a comment after a value is part of it', 'A=b # c', [['A', 'b # c']]],
    ['quoted value then a comment: verbatim', 'A="x" # c', [['A', '"x" # c']]],
    ['split at the first =', 'A=a=b==c', [['A', 'a=b==c']]],
    ['empty value', 'A=', [['A', '']]],
    ['empty double-quoted value', 'A=""', [['A', '']]],
    ['empty single-quoted value', "A=''", [['A', '']]],
    ['double quotes keep inner spaces', 'A="  x  "', [['A', '  x  ']]],
    ['double quotes: \\n', 'A="x\\ny"', [['A', 'x\ny']]],
    ['double quotes: \\"', 'A="say \\"hi\\""', [['A', 'say "hi"']]],
    ['double quotes: \\\\', 'A="back\\\\slash"', [['A', 'back\\slash']]],
    ['double quotes: \\\\n is a backslash and n', 'A="\\\\n"', [['A', '\\n']]],
    ['double quotes: other escapes verbatim', 'A="\\t\\x"', [['A', '\\t\\x']]],
    ['double quotes: an inner quote is kept', 'A="a"b"', [['A', 'a"b']]],
    ['single quotes are literal', 'A=\'x\\ny "q"\'', [['A', 'x\\ny "q"']]],
    ['single quotes inside', "A='it''s'", [['A', "it''s"]]],
    ['an unterminated quote is verbatim', 'A="open', [['A', '"open']]],
    ['mismatched quotes are verbatim', 'A="x\'', [['A', '"x\'']]],
    ['a lone quote', 'A="', [['A', '"']]],
    [
      'comments and blank lines',
      '# note\n\nA=1\n   # indented\n\t\nB=2\n',
      [
        ['A', '1'],
        ['B', '2']
      ]
    ],
    [
      'CRLF',
      'A=1\r\nB="two"\r\n\r\nC=\r\n',
      [
        ['A', '1'],
        ['B', 'two'],
        ['C', '']
      ]
    ],
    [
      'lower case and _ names',
      '_a1=x\nabc=y',
      [
        ['_a1', 'x'],
        ['abc', 'y']
      ]
    ],
    ['unicode', 'GREETING=héllo wörld 🚀 日本', [['GREETING', 'héllo wörld 🚀 日本']]],
    ['shell metacharacters, verbatim', `CMD=${SHELL}`, [['CMD', SHELL]]],
    ['a 100 KiB value', `BIG=${BIG}`, [['BIG', BIG]]],
    ['nothing', '', []],
    ['only comments', '# a\n# b', []]
  ])('%s', (_, raw, entries) => {
    expect(parseEnvInput(raw)).toEqual(entries.map(([name, value]) => ({ name, value })))
  })

  it.each([
    ['a line without =', `A=1\n${SECRET}`, 'line 2 is not NAME=VALUE'],
    ['a multi-line value', `KEY="first\n${SECRET}"`, 'line 2 is not NAME=VALUE'],
    ['a name starting with a digit', `1A=${SECRET}`, "line 1: '1A' is not a valid env name"],
    ['a name with -', `MY-VAR=${SECRET}`, "'MY-VAR' is not a valid env name"],
    ['a name with a space', `MY VAR=${SECRET}`, "'MY VAR' is not a valid env name"],
    ['a name with a dot', `my.var=${SECRET}`, "'my.var' is not a valid env name"],
    ['an empty name', `=${SECRET}`, 'line 1: the name is empty'],
    ['a name given twice', `A=1\nB=2\nA=${SECRET}`, "'A' is given twice (line 1 and line 3)"],
    ['a name given twice, CRLF', `A=1\r\nA=${SECRET}\r\n`, "'A' is given twice"],
    ['a unicode name', `NÄME=${SECRET}`, 'is not a valid env name']
  ])('%s is an error naming env and never the value', (_, raw, fragment) => {
    const error = expectConfigError(() => parseEnvInput(raw), 'env', fragment)
    expect(error.message).not.toContain(SECRET)
  })

  it('does not show a bad "name" that may be part of a value', () => {
    const pem = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcw+ggSjAgEAAoIBAQC7/abc=='
    const error = expectConfigError(
      () => parseEnvInput(`KEY=-----BEGIN\n${pem}`),
      'env',
      'line 2: the name is not a valid env name, and is not shown'
    )
    expect(error.message).not.toContain('MIIEv')
  })
})

describe('parseEnvInput: JSON object', () => {
  it.each<[string, string, [string, string][]]>([
    [
      'strings',
      '{"A": "1", "B": "two"}',
      [
        ['A', '1'],
        ['B', 'two']
      ]
    ],
    [
      'numbers and booleans as JSON.stringify prints them',
      '{"N": 8080, "F": 1.50, "E": 1e3, "Z": -0, "T": true, "X": false, "S": -12.5e-1}',
      [
        ['N', '8080'],
        ['F', '1.5'],
        ['E', '1000'],
        ['Z', '0'],
        ['T', 'true'],
        ['X', 'false'],
        ['S', '-1.25']
      ]
    ],
    ['leading whitespace', '  \n {"A":"x"}', [['A', 'x']]],
    ['empty object', '{}', []],
    ['empty object with spaces', ' { \n } ', []],
    ['escapes', '{"A": "\\u00e9\\n\\"\\\\\\/"}', [['A', 'é\n"\\/']]],
    ['escaped key', '{"\\u0041B": "x"}', [['AB', 'x']]],
    [
      'pretty, CRLF',
      '{\r\n  "A": "1",\r\n  "B": 2\r\n}\r\n',
      [
        ['A', '1'],
        ['B', '2']
      ]
    ],
    ['unicode', '{"G": "héllo 🚀"}', [['G', 'héllo 🚀']]],
    ['shell metacharacters', JSON.stringify({ CMD: SHELL }), [['CMD', SHELL]]],
    ['a value with = and #', '{"A": "a=b # c"}', [['A', 'a=b # c']]],
    ['a 100 KiB value', JSON.stringify({ BIG }), [['BIG', BIG]]]
  ])('%s', (_, raw, entries) => {
    expect(parseEnvInput(raw)).toEqual(entries.map(([name, value]) => ({ name, value })))
  })

  it.each([
    ['invalid JSON', `{"A": "${SECRET}",}`, 'is not valid JSON'],
    ['unquoted JSON key', `{A: "${SECRET}"}`, 'is not valid JSON'],
    ['null', `{"A": null, "B": "${SECRET}"}`, "the value of 'A' is null"],
    ['an object', `{"A": {"b": "${SECRET}"}}`, "the value of 'A' is an object"],
    ['an array', `{"A": ["${SECRET}"]}`, "the value of 'A' is an array"],
    ['a duplicate key', `{"A": "1", "A": "${SECRET}"}`, "'A' is given twice (key 1 and key 2)"],
    ['a duplicate key, escaped', `{"A": "1", "\\u0041": "${SECRET}"}`, "'A' is given twice"],
    ['a bad name', `{"A-B": "${SECRET}"}`, "'A-B' is not a valid env name"],
    ['a name with =', `{"A=B": "${SECRET}"}`, 'the name is not a valid env name'],
    ['a name with a space', `{"A B": "${SECRET}"}`, "'A B' is not a valid env name"],
    ['an empty name', `{"": "${SECRET}"}`, 'the name is empty'],
    ['an integer too large', '{"A": 12345678901234567890}', "'A' is an integer too large"],
    ['a number too large', '{"A": 1e400}', "'A' is too large a number"],
    ['trailing text', `{"A": "${SECRET}"} x`, 'is not valid JSON']
  ])('%s is an error naming env and never the value', (_, raw, fragment) => {
    const error = expectConfigError(() => parseEnvInput(raw), 'env', fragment)
    expect(error.message).not.toContain(SECRET)
  })

  it('gives the position of a syntax error, not the text', () => {
    const error = expectConfigError(() => parseEnvInput(`{\n "A": ${SECRET}\n}`), 'env')
    expect(error.message).not.toContain(SECRET)
    expect(error.message).toMatch(/is not valid JSON( \(line 2, column \d+\))?$/)
  })
})

// Names and values as the properties generate them.
const envName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,30}$/)
const anyValue = fc.string({ unit: 'binary', maxLength: 200 })
const dotenvQuoted = (value: string): string =>
  `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`

describe('parseEnvInput: round trips', () => {
  it('NAME="escaped" gives back any value byte for byte', () => {
    fc.assert(
      fc.property(envName, anyValue, (name, value) => {
        expect(parseEnvInput(`${name}=${dotenvQuoted(value)}`)).toEqual([{ name, value }])
      })
    )
  })

  it('a JSON object gives back any values, in order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(envName, anyValue), { selector: ([n]) => n }), pairs => {
        const raw = JSON.stringify(Object.fromEntries(pairs), null, pairs.length % 2 === 0 ? 2 : 0)
        fc.pre(raw.startsWith('{'))
        // Object.fromEntries puts integer-like keys first; names never are integer-like.
        expect(parseEnvInput(raw)).toEqual(pairs.map(([name, value]) => ({ name, value })))
      })
    )
  })

  it('several dotenv lines, LF or CRLF, give back every entry', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(envName, anyValue), { selector: ([n]) => n, minLength: 1 }),
        fc.constantFrom('\n', '\r\n'),
        (pairs, eol) => {
          const raw = pairs.map(([n, v]) => `${n}=${dotenvQuoted(v)}`).join(eol) + eol
          expect(parseEnvInput(raw)).toEqual(pairs.map(([name, value]) => ({ name, value })))
        }
      )
    )
  })

  it('an unquoted single-line value comes back trimmed and verbatim', () => {
    const line = fc
      .string({ unit: 'grapheme', maxLength: 80 })
      .filter(v => !/[\r\n]/.test(v) && !/^\s*["']/.test(v))
    fc.assert(
      fc.property(envName, line, (name, value) => {
        expect(parseEnvInput(`${name}=${value}`)).toEqual([{ name, value: value.trim() }])
      })
    )
  })
})

describe('parseEnvNames', () => {
  it.each<[string, string, string[]]>([
    ['one name', 'A', ['A']],
    ['several, trimmed', ' A \nB\n\n_c1 ', ['A', 'B', '_c1']],
    ['CRLF', 'A\r\nB\r\n', ['A', 'B']],
    ['comments skipped', '# old ones\nA', ['A']],
    ['nothing', '', []]
  ])('%s', (_, raw, names) => {
    expect(parseEnvNames(raw)).toEqual(names)
  })

  it.each([
    ['a bad name', 'A\nMY-VAR', "line 2: 'MY-VAR' is not a valid env name"],
    ['a name with a space', 'MY VAR', "'MY VAR' is not a valid env name"],
    ['a duplicate', 'A\nB\nA', "'A' is given twice (line 1 and line 3)"],
    ['NAME=VALUE', `A=${SECRET}`, "line 1 holds '=': unset-env takes names only"]
  ])('%s is an error naming unset-env', (_, raw, fragment) => {
    const error = expectConfigError(() => parseEnvNames(raw), 'unset-env', fragment)
    expect(error.message).not.toContain(SECRET)
  })
})
