// oneLine: server text on one line, so a line a server starts with `::` is never a command.
import { describe, expect, it } from '@jest/globals'
import { readPipelineRun } from '../../src/cluster/pipeline-runs.js'
import { interpretResponse } from '../../src/http/envelope.js'
import { oneLine } from '../../src/http/one-line.js'
import { MageApiError } from '../../src/errors.js'

describe('oneLine', () => {
  it.each([
    ['Active\n::set-output name=status::Stopped', 'Active ::set-output name=status::Stopped'],
    ['a\r\n\tb\u0000c\u2028d\u0085e', 'a b c d e'],
    ['  spaced   out  ', 'spaced out']
  ])('%j → %j', (input, expected) => {
    expect(oneLine(input)).toBe(expected)
  })

  it('cuts to a length', () => {
    expect(oneLine('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`)
  })
})

describe('server text read on one line', () => {
  it('keeps an envelope exception on one line', () => {
    const body = JSON.stringify({ error: { code: 500, exception: 'boom\n::error::forged' } })
    const error = (() => {
      try {
        interpretResponse(
          { status: 200, headers: {}, body },
          { api: 'cluster', method: 'POST', logPath: '/api/runs', redact: t => t }
        )
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(MageApiError)
    expect((error as MageApiError).fields.exception).toBe('boom ::error::forged')
    expect((error as MageApiError).message).not.toMatch(/\n/)
  })

  it('reads a pipeline run status and id on one line, and no empty status', () => {
    expect(readPipelineRun({ id: '7\n::x', status: 'running\n::error::y' })).toMatchObject({
      id: '7 ::x',
      status: 'running ::error::y'
    })
    expect(readPipelineRun({ id: 7, status: '\n' })).toBeUndefined()
  })
})
