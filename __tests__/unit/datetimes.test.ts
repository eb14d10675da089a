import { describe, expect, it } from '@jest/globals'
import { parseMageDatetime } from '../../src/cluster/datetimes.js'

const utc = (iso: string): number => Date.parse(iso)

describe('parseMageDatetime', () => {
  it.each([
    // The three forms of mage-real-observations.md §8.7, and their variants.
    ['2026-11-28 17:04:34', '2026-11-28T17:04:34.000Z'],
    ['2026-11-28 17:04:34.598006', '2026-11-28T17:04:34.598Z'],
    ['2023-04-01 00:36:23.507282+00:00', '2023-04-01T00:36:23.507Z'],
    ['2026-11-28T17:01:28.031296+00:00', '2026-11-28T17:01:28.031Z'],
    ['2026-11-28T17:07:38', '2026-11-28T17:07:38.000Z'],
    ['2026-11-28T17:07:40.521053', '2026-11-28T17:07:40.521Z'],
    ['2026-11-28T17:07:40Z', '2026-11-28T17:07:40.000Z'],
    ['2026-11-28 19:07:40+02:00', '2026-11-28T17:07:40.000Z'],
    ['2026-11-28 12:07:40-0500', '2026-11-28T17:07:40.000Z'],
    ['2026-11-28T17:07', '2026-11-28T17:07:00.000Z'],
    ['2026-11-28 17:04:34.5', '2026-11-28T17:04:34.500Z'],
    ['  2026-11-28 17:04:34  ', '2026-11-28T17:04:34.000Z']
  ])('reads %j as UTC', (text, expected) => {
    expect(parseMageDatetime(text)).toBe(utc(expected))
  })

  it.each([
    [null],
    [undefined],
    [1700000000],
    [''],
    ['yesterday'],
    ['2026-11-28'],
    ['2026-02-31 10:00:00'],
    ['2026-11-28 25:00:00'],
    ['2026-11-28 17:61:00'],
    ['28/11/2026 17:04:34']
  ])('gives undefined for %j', value => {
    expect(parseMageDatetime(value)).toBeUndefined()
  })
})
