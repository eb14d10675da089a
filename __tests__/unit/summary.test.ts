// The job summary, built in-process from Reports as the operations fill them: a title with the
// verdict, a well-formed small table, links, per-block rows and collapsed previews, only the
// allowed HTML, secrets redacted, and under 64 KiB whatever the outputs.
import { describe, expect, it } from '@jest/globals'
import type { BlockResult } from '../../src/operations/block-results.js'
import { blockTable, outputPreviews } from '../../src/operations/block-summary.js'
import { Report } from '../../src/report/report.js'
import { type SummaryInput, buildSummary } from '../../src/report/summary.js'
import { Secrets } from '../../src/secrets.js'
import {
  SUMMARY_LIMIT_BYTES,
  cellsOf,
  factsOf,
  plainText,
  summaryProblems,
  titleOf
} from '../helpers/summary-checks.js'

/** Text built to break a summary: table pipes, line breaks, HTML, Markdown, multibyte. */
const NASTY =
  'a | b\n# heading\n<script>x</script></details><img src=x> [l](javascript:1) **b** \\| é漢🙂'
const MB = 1024 * 1024

function summarize(
  fill: (report: Report) => void,
  input: Partial<SummaryInput> = {},
  secretValues: string[] = []
): string {
  const report = new Report()
  fill(report)
  const secrets = new Secrets(() => {})
  for (const value of secretValues) secrets.add(value)
  return buildSummary(
    {
      operation: 'run-block',
      target: 'https://mage.example.com',
      durationMs: 1234,
      report,
      ...input
    },
    secrets
  )
}

/** A raw `run` value of about `bytes` bytes, full of characters that need escaping. */
function hugeOutput(bytes: number): string {
  const record = '{"name": "</pre><b>|\\n", "note": "漢字🙂 & more", "n": NaN}'
  return `{"output": [[${Array(Math.floor(bytes / (Buffer.byteLength(record) + 2)))
    .fill(record)
    .join(', ')}]]}`
}

function smokeRun(report: Report, results: BlockResult[]): void {
  report.status = results.every(result => result.status === 'completed') ? 'completed' : 'failed'
  report.row('Pipeline', 'etl_demo')
  report.link('Pipeline runs in Mage', 'https://mage.example.com/pipelines/etl_demo/runs')
  report.section(blockTable(results))
  const previews = outputPreviews(results)
  if (previews) report.section(previews)
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

describe('the summary of one operation', () => {
  it('opens with the verdict, the error, a small table, durations and links', () => {
    const markdown = summarize(
      report => {
        report.status = 'failed'
        report.changed = true
        report.row('Pipeline', 'etl_demo')
        report.link('Cluster', 'https://mage.example.com')
        report.link('Pipeline run in Mage', 'https://mage.example.com/pipelines/etl_demo/runs/5')
      },
      { operation: 'run-pipeline', error: 'pipeline run 5 failed; failed block(s): load' }
    )
    expect(summaryProblems(markdown)).toEqual([])
    expect(titleOf(markdown)).toBe('### ❌ Mage run-pipeline: failed')
    expect(markdown.split('\n')[2]).toBe('**Error:** pipeline run 5 failed; failed block(s): load')
    expect(factsOf(markdown)).toEqual({
      Operation: 'run-pipeline',
      Target: 'https://mage.example.com',
      Status: 'failed',
      Changed: 'yes',
      Duration: '1.2 s',
      Pipeline: 'etl_demo'
    })
    expect(markdown).toContain(
      '[Cluster](https://mage.example.com) · [Pipeline run in Mage](https://mage.example.com/pipelines/etl_demo/runs/5)'
    )
  })

  it('says success, and a dry run, in the title', () => {
    const markdown = summarize(report => (report.status = 'Active'), {
      operation: 'start-cluster',
      dryRun: true
    })
    expect(titleOf(markdown)).toBe('### ✅ Mage start-cluster: Active (dry run)')
    expect(factsOf(markdown).Changed).toBe('no')
  })

  it.each([
    [0, '0 ms'],
    [999, '999 ms'],
    [1234, '1.2 s'],
    [59_960, '1 min 0 s'],
    [119_600, '2 min 0 s'],
    [5_400_000, '1 h 30 min']
  ])('shows a duration of %i ms as %s', (durationMs, shown) => {
    expect(factsOf(summarize(() => {}, { durationMs })).Duration).toBe(shown)
  })

  it('escapes pipes, line breaks, HTML and Markdown wherever a text lands', () => {
    const markdown = summarize(
      report => {
        report.status = NASTY
        report.row(NASTY, NASTY)
        report.link(NASTY, 'https://mage.example.com/a (b)')
      },
      { operation: NASTY, target: NASTY, error: `${NASTY}\n${NASTY}` }
    )
    expect(summaryProblems(markdown)).toEqual([])
    expect(markdown.split('\n')[0]).toMatch(/^### ❌ Mage a \\\| b # heading &lt;script&gt;/)
    expect(markdown).not.toMatch(/<(script|img)|[^\\]\]\(javascript/)
    const row = markdown.split('\n').find(line => line.startsWith('| a \\| b'))
    expect(cellsOf(row ?? '')).toHaveLength(2)
    expect(plainText(row ?? '')).toContain('a | b # heading <script>x</script></details><img')
    expect(markdown).toContain('(https://mage.example.com/a%20%28b%29)')
  })

  it('stays under 64 KiB with a 100 KB exception, 500 env names and huge rows', () => {
    const exception = `Traceback | <b>\n${'ValueError: 漢字 & <tag> | \n'.repeat(4000)}`
    expect(exception.length).toBeGreaterThan(100_000)
    const names = Array.from({ length: 500 }, (_, i) => `SOME_RATHER_LONG_ENV_NAME_${i}`)
    const markdown = summarize(
      report => {
        report.row('Env names', names.join(', '))
        for (let i = 0; i < 100; i++) report.row(`row ${i}`, exception)
      },
      { operation: 'set-env', error: `${exception} (likely cause: the block raised)` }
    )
    expect(summaryProblems(markdown)).toEqual([])
    expect(bytes(markdown)).toBeLessThan(SUMMARY_LIMIT_BYTES / 2)
    expect(factsOf(markdown)['Env names']).toMatch(
      /^SOME_RATHER_LONG_ENV_NAME_0, .*, … \(500 in all\)$/
    )
    expect(markdown).toMatch(/\*\*Error:\*\* Traceback \\\| &lt;b&gt;<br>ValueError/)
    // Six lines at most, and the likely cause kept at the end however long the message.
    const errorLine = markdown.split('\n')[2]
    expect(errorLine.split('<br>')).toHaveLength(8)
    expect(errorLine).toMatch(/<br>… 3995 more line\(s\)<br>\(likely cause: the block raised\)$/)
  })

  it('leaves out sections that do not fit, and says so', () => {
    const section = `<pre>${'x'.repeat(20_000)}</pre>`
    const markdown = summarize(report => {
      for (let i = 0; i < 5; i++) report.section(section)
    })
    expect(summaryProblems(markdown)).toEqual([])
    expect(markdown.match(/<pre>/g)).toHaveLength(3)
    expect(markdown).toContain('_2 section(s) left out to keep the summary under 64 KiB')
  })

  it('redacts secrets before escaping them, wherever they are', () => {
    const secrets = ['p&ss|w<rd>*x_', 'plain-secret-123', 'tok_en/with spaces']
    const markdown = summarize(
      report => {
        report.status = `status ${secrets[0]}`
        report.row('Cluster', `${secrets[0]} and ${secrets[1]}`)
        report.row(`label ${secrets[2]}`, 'x')
        report.link('Run', `https://mage.example.com/${secrets[1]}`)
        report.section(`Section with ${secrets[1]} in it`)
      },
      { target: `target ${secrets[2]}`, error: `failed: ${secrets[0]}\n${secrets[2]}` },
      secrets
    )
    expect(summaryProblems(markdown, secrets)).toEqual([])
    expect(markdown).toContain('***')
  })
})

describe('a smoke run', () => {
  const completed = (block: string, raw: string): BlockResult => ({
    block,
    status: 'completed',
    raw: Buffer.from(raw, 'utf8'),
    durationMs: 2500
  })

  it('has one row per block with status, output size and duration, and a preview of each output', () => {
    const markdown = summarize(report =>
      smokeRun(report, [
        completed('load_data', '{"output": [{"rows": [1, 2, 3]}]}'),
        {
          block: 'raise_err',
          status: 'failed',
          durationMs: 40,
          failure: { text: 'boom | <b>', mayHaveRun: true }
        },
        { block: 'transform', status: 'not run' }
      ])
    )
    expect(summaryProblems(markdown)).toEqual([])
    const lines = markdown.split('\n')
    const header = lines.indexOf('| Block | Status | Output size | Duration | Error |')
    expect(lines.slice(header + 2, header + 5)).toEqual([
      '| load_data | ✅\u00a0completed | 33 B | 2.5 s |  |',
      '| raise_err | ❌\u00a0failed | — | 40 ms | boom \\| &lt;b&gt; |',
      '| transform | ⏭️\u00a0not run | — | — |  |'
    ])
    expect(markdown).toContain(
      '<details><summary>Output of <code>load_data</code> (33 B)</summary>\n\n' +
        '<pre>{"output": [{"rows": [1, 2, 3]}]}</pre>\n\n</details>'
    )
    expect(markdown).not.toContain('<details open')
  })

  it('stays under 64 KiB with 50 blocks of 3 MB output each, every block previewed and cut', () => {
    const raw = hugeOutput(3 * MB)
    const results = Array.from({ length: 50 }, (_, i) => completed(`block_${i}`, raw))
    const markdown = summarize(report => smokeRun(report, results))
    expect(summaryProblems(markdown)).toEqual([])
    expect(bytes(markdown)).toBeLessThan(SUMMARY_LIMIT_BYTES)
    expect(markdown.match(/ ✅\u00a0completed \| 3\.0 MiB \| 2\.5 s \|/g)).toHaveLength(50)
    expect(markdown.match(/\(3\.0 MiB, start shown\)<\/summary>/g)).toHaveLength(50)
    expect(markdown).not.toContain('left out')
    expect(markdown).toContain('&lt;/pre&gt;&lt;b&gt;|')
  })

  it('shows what fits of 1,000 blocks and says how many more there are', () => {
    const results = Array.from({ length: 1000 }, (_, i) =>
      i % 2 === 0
        ? completed(`a_block_with_a_long_name_${i}`, hugeOutput(2000))
        : {
            block: `a_block_with_a_long_name_${i}`,
            status: 'failed' as const,
            failure: { text: `${NASTY}\n`.repeat(20), mayHaveRun: true }
          }
    )
    const markdown = summarize(report => smokeRun(report, results))
    expect(summaryProblems(markdown)).toEqual([])
    expect(markdown).toMatch(/_\d+ more block\(s\) not shown: see the step log\._/)
    expect(markdown).toMatch(/_Previews of \d+ more block\(s\) left out: see `output-file`\._/)
  })

  it('keeps a preview readable: short values on one line, long ones indented', () => {
    const records = Array.from({ length: 40 }, (_, i) => `{"id": ${i}, "name": "record ${i}"}`)
    const markdown = summarize(report =>
      smokeRun(report, [completed('transform', `{"output": [[${records.join(', ')}]]}`)])
    )
    expect(markdown).toContain('<pre>{\n  "output": [\n    [\n      {"id": 0, "name": "record 0"},')
  })
})

describe('the checks themselves', () => {
  it.each([
    ['a row with a cell too many', '| a | b |\n| --- | --- |\n| 1 | 2 | 3 |', /row 3: 3 cells/],
    ['an unescaped pipe in a cell', '| a | b |\n| --- | --- |\n| 1 | x|y |', /row 3: 3 cells/],
    ['a broken separator', '| a | b |\n| - | --- |', /begins no table/],
    ['a table glued to text', 'text\n| a |\n| --- |', /no blank line before/],
    ['a tag not allowed', 'x <img src=x> y', /HTML not allowed/],
    ['an attribute', '<details open><summary>s</summary>\n\n</details>', /HTML not allowed/],
    ['an unclosed tag', '<details><summary>s</summary>\n\ntext', /unclosed: <details>/],
    ['an injected heading', '### title\n# injected', /unexpected heading/],
    ['a summary of 64 KiB', `### t\n${'x'.repeat(SUMMARY_LIMIT_BYTES)}`, /not under 64 KiB/]
  ])('catch %s', (_name, markdown, problem) => {
    expect(summaryProblems(markdown).join('\n')).toMatch(problem)
  })

  it('catch a secret, also when it was escaped', () => {
    expect(summaryProblems('a p&amp;ss\\|w&lt;rd b', ['p&ss|w<rd'])).toEqual([
      'secret in the summary: p&ss…'
    ])
  })
})
