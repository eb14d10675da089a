import { describe, expect, it } from '@jest/globals'
import {
  parseBoolean,
  parseChoice,
  parseLines,
  parseNonNegativeInteger,
  parsePositiveInteger,
  parseUniqueLines
} from '../../src/config/scalars.js'
import { ENVIRONMENTS } from '../../src/config/types.js'
import { expectConfigError } from './config-expect-error.js'

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    ['  true  ', true],
    ['false\r\n', false]
  ])('%j is %s', (raw, value) => {
    expect(parseBoolean('wait', raw)).toBe(value)
  })

  it.each(['yes', 'no', 'y', '1', '0', 'on', 'off', 'tRUE', 'truee', '', 't'])(
    '%j is an error: must be true or false',
    raw => {
      expectConfigError(() => parseBoolean('wait', raw), 'wait', 'must be true or false')
    }
  )

  it('quotes the bad value', () => {
    expectConfigError(() => parseBoolean('record', 'yes'), 'record', "(got 'yes')")
  })
})

describe('parsePositiveInteger', () => {
  it.each([
    ['1', 1],
    ['42', 42],
    ['007', 7],
    [' 3 ', 3],
    ['9007199254740991', Number.MAX_SAFE_INTEGER]
  ])('%j is %d', (raw, value) => {
    expect(parsePositiveInteger('replicas', raw)).toBe(value)
  })

  it.each(['0', '-1', '1.5', '1e3', '+1', '', 'abc', '0x10', '1 2', '9007199254740993'])(
    '%j is an error',
    raw => {
      expectConfigError(
        () => parsePositiveInteger('schedule-id', raw),
        'schedule-id',
        'must be a positive integer'
      )
    }
  )
})

describe('parseNonNegativeInteger', () => {
  it.each([
    ['0', 0],
    ['12', 12]
  ])('%j is %d', (raw, value) => {
    expect(parseNonNegativeInteger('n', raw)).toBe(value)
  })

  it.each(['-1', '1.0', 'x', ''])('%j is an error', raw => {
    expectConfigError(() => parseNonNegativeInteger('n', raw), 'n', 'must be a whole number')
  })
})

describe('parseLines', () => {
  it.each([
    ['', []],
    ['a', ['a']],
    ['a\nb', ['a', 'b']],
    ['a\r\n   \r\nb\n\n c ', ['a', 'b', 'c']],
    ['\n\n  \n', []],
    ['  one two  \n', ['one two']]
  ])('%j gives %j', (raw, lines) => {
    expect(parseLines('block', raw)).toEqual(lines)
  })
})

describe('parseUniqueLines', () => {
  it('keeps order', () => {
    expect(parseUniqueLines('block', 'load\r\ntransform\n\nexport\n')).toEqual([
      'load',
      'transform',
      'export'
    ])
  })

  it.each([
    ['a\na', "'a' is given twice"],
    ['a\r\nb\r\n a ', "'a' is given twice"]
  ])('%j is an error', (raw, fragment) => {
    expectConfigError(() => parseUniqueLines('block', raw), 'block', fragment)
  })
})

describe('parseChoice', () => {
  it.each([...ENVIRONMENTS])('%s is accepted', value => {
    expect(parseChoice('environment', ` ${value} `, ENVIRONMENTS)).toBe(value)
  })

  it.each(['prod', 'Production', 'dev', '', 'staging production'])(
    '%j is an error listing the valid values',
    raw => {
      expectConfigError(
        () => parseChoice('environment', raw, ENVIRONMENTS),
        'environment',
        'must be one of development, staging, production'
      )
    }
  )
})
