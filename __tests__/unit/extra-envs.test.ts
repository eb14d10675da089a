import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { envNamesOf, missingChanges, planEnvChange } from '../../src/cloud/extra-envs.js'

const current = [
  { name: 'KEEP', value: 'k' },
  { name: 'CHANGE', value: 'old', description: 'kept' },
  { name: 'FROM_SECRET', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
  { name: 'REMOVE', value: 'r' },
  'not-an-object',
  { name: 'DUP', value: '1' },
  { name: 'DUP', value: '2' }
]

describe('planEnvChange', () => {
  it('changes only what it owns and keeps everything else in place', () => {
    const plan = planEnvChange(
      current,
      [
        { name: 'CHANGE', value: 'new' },
        { name: 'ADD', value: 'a' }
      ],
      ['REMOVE']
    )
    expect(plan.extraEnvs).toEqual([
      { name: 'KEEP', value: 'k' },
      { name: 'CHANGE', value: 'new', description: 'kept' },
      { name: 'FROM_SECRET', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
      'not-an-object',
      { name: 'DUP', value: '1' },
      { name: 'DUP', value: '2' },
      { name: 'ADD', value: 'a' }
    ])
    expect(plan.changedNames).toEqual(['CHANGE', 'ADD', 'REMOVE'])
  })

  it('reports nothing changed when every value is already there', () => {
    const plan = planEnvChange(current, [{ name: 'KEEP', value: 'k' }], ['ABSENT'])
    expect(plan.changedNames).toEqual([])
  })

  it('replaces a valueFrom entry with a plain value', () => {
    const plan = planEnvChange(current, [{ name: 'FROM_SECRET', value: 'v' }], [])
    expect(plan.changedNames).toEqual(['FROM_SECRET'])
    expect(plan.extraEnvs).toContainEqual({ name: 'FROM_SECRET', value: 'v' })
  })

  it('collapses duplicates of a name it sets', () => {
    const plan = planEnvChange(current, [{ name: 'DUP', value: '3' }], [])
    expect(
      plan.extraEnvs.filter(e => typeof e === 'object' && (e as { name: string }).name === 'DUP')
    ).toEqual([{ name: 'DUP', value: '3' }])
  })

  it.each([[undefined], [null], ['text'], [{}]])(
    'treats a missing or odd extraEnvs (%p) as empty',
    value => {
      expect(planEnvChange(value, [{ name: 'A', value: 'b' }], []).extraEnvs).toEqual([
        { name: 'A', value: 'b' }
      ])
    }
  )

  it('keeps a value byte for byte', () => {
    const value = 'line1\nline2 "quoted" \\ ünïcødé $(rm -rf /) `x` #not-a-comment  '
    const plan = planEnvChange([], [{ name: 'V', value }], [])
    expect(missingChanges(plan.extraEnvs, [{ name: 'V', value }], [])).toEqual([])
    expect((plan.extraEnvs[0] as { value: string }).value).toBe(value)
  })
})

describe('missingChanges', () => {
  it('names sets that are gone and unsets that came back', () => {
    const env = [{ name: 'A', value: '1' }]
    expect(missingChanges([{ name: 'B', value: '2' }], env, ['B'])).toEqual(['A', 'B'])
    expect(missingChanges([{ name: 'A', value: '1' }], env, ['B'])).toEqual([])
  })
})

describe('planEnvChange: properties', () => {
  const NAMES: string[] = ['A', 'B', 'C', 'D', 'E', 'F']
  const name = fc.constantFrom(...NAMES)
  const value = fc.string({ unit: 'binary', maxLength: 30 })
  // What a cluster may hold: plain entries, duplicates, valueFrom entries, odd shapes.
  const entry = fc.oneof(
    fc.record({ name, value }),
    fc.record({ name, value, description: fc.string() }),
    fc.record({ name, valueFrom: fc.record({ key: fc.string() }) }),
    fc.constantFrom('text', 7, null, { value: 'no name' })
  )
  const change = fc
    .uniqueArray(name, { maxLength: 6 })
    .chain(names =>
      fc.tuple(
        fc.tuple(...names.map(n => value.map(v => ({ name: n, value: v })))),
        fc.subarray(NAMES.filter(n => !names.includes(n)))
      )
    )

  it('after a JSON round trip every change reads back, everything else is kept in order, and a second plan is empty', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), change, (current, [env, unset]) => {
        const plan = planEnvChange(current, env, unset)
        const read = JSON.parse(JSON.stringify(plan.extraEnvs)) as unknown[]
        expect(missingChanges(read, env, unset)).toEqual([])
        expect(planEnvChange(read, env, unset).changedNames).toEqual([])
        const owned = new Set([...env.map(e => e.name), ...unset])
        const untouched = (list: unknown[]): unknown[] =>
          list.filter(item => !owned.has(envNamesOf([item])[0] ?? ''))
        expect(untouched(read)).toEqual(JSON.parse(JSON.stringify(untouched(current))))
      })
    )
  })
})
