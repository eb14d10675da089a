import { describe, expect, it } from '@jest/globals'
import { missingChanges, planEnvChange } from '../../src/cloud/extra-envs.js'

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
