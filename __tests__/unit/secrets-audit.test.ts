// The secrets audit itself: it must catch what it promises to catch, and name kinds, not values.
import { describe, expect, it } from '@jest/globals'
import type { RecordedRequest } from '../../emulator/index.js'
import type { ActionRun } from '../../scripts/lib/run-dist.js'
import { type KnownSecret, givenSecrets } from '../helpers/known-secrets.js'
import { auditRun } from '../helpers/secrets-audit.js'

const PASSWORD: KnownSecret = {
  kind: 'cloud-password input',
  value: 'cloud-pass-123',
  duty: 'before-requests',
  serverHeld: false
}
const TOKEN: KnownSecret = {
  kind: 'Cloud session token',
  value: 'session-token-abc',
  duty: 'after-login',
  serverHeld: false
}
const HELD: KnownSecret = {
  kind: 'env value held by the cluster',
  value: 'existing-secret-value',
  duty: 'none',
  serverHeld: true
}

const LOGIN = 'POST /api/v1/sessions → 200 (5 ms)'
const READ = 'GET /api/v1/teams/t/clusters/c → 200 (3 ms)'

function run(stdout: string[], extra: Partial<ActionRun> = {}): ActionRun {
  return {
    code: 0,
    signal: null,
    stdout: stdout.join('\n'),
    stderr: '',
    outputs: {},
    summary: '',
    stateFile: '',
    state: {},
    startedAt: 0,
    endedAt: 1,
    durationMs: 1,
    closedAt: 1,
    commandFiles: {
      GITHUB_OUTPUT: '',
      GITHUB_STEP_SUMMARY: '',
      GITHUB_STATE: '',
      GITHUB_ENV: '',
      GITHUB_PATH: ''
    },
    tempFiles: [],
    everything: '',
    runnerTemp: '/tmp',
    ...extra
  }
}

function request(path: string, cookie?: string): RecordedRequest {
  return {
    server: 'cloud',
    method: 'GET',
    path,
    headers: { cookie },
    body: '',
    at: 0,
    receivedAt: 0,
    connection: 1
  }
}

const GOOD = [`::add-mask::${PASSWORD.value}`, LOGIN, `::add-mask::${TOKEN.value}`, READ]

function audit(action: ActionRun, requests: RecordedRequest[] = [], solo = true): string[] {
  return auditRun({ run: action, secrets: [PASSWORD, TOKEN, HELD], requests, solo })
}

describe('auditRun', () => {
  it('passes a run that masks first and prints no secret', () => {
    expect(audit(run(GOOD), [request('/x', `oauth_token=${TOKEN.value}`)])).toEqual([])
  })

  it.each<[string, Partial<ActionRun>, string]>([
    ['stderr', { stderr: `oops ${PASSWORD.value}` }, 'cloud-password input in stderr (line 1)'],
    [
      'an output',
      {
        commandFiles: { ...run([]).commandFiles, GITHUB_OUTPUT: `error<<D\nbad ${TOKEN.value}\nD` }
      },
      'Cloud session token in GITHUB_OUTPUT (line 2)'
    ],
    [
      'the summary',
      { commandFiles: { ...run([]).commandFiles, GITHUB_STEP_SUMMARY: 'existing-secret-value' } },
      'env value held by the cluster in GITHUB_STEP_SUMMARY (line 1)'
    ],
    [
      'a file under RUNNER_TEMP',
      { tempFiles: [{ path: '/tmp/x', text: `a\n${PASSWORD.value}` }] },
      'cloud-password input in a file under RUNNER_TEMP (line 2)'
    ]
  ])('finds a secret in %s, naming its kind only', (_where, extra, problem) => {
    const problems = audit(run(GOOD, extra))
    expect(problems).toEqual([problem])
    expect(problems.join()).not.toContain(PASSWORD.value)
  })

  it('finds a secret in a log line, even after its mask', () => {
    expect(audit(run([...GOOD, `::debug::body ${PASSWORD.value}`]))).toEqual([
      'cloud-password input in stdout (line 5)'
    ])
  })

  it('finds the command-escaped form of a multi-line secret', () => {
    const secret: KnownSecret = { ...PASSWORD, value: 'first-line\nsecond-line' }
    const action = run([`::error::it was first-line%0Asecond-line`])
    expect(auditRun({ run: action, secrets: [secret], requests: [], solo: true })).toContain(
      'cloud-password input in stdout (line 1)'
    )
  })

  it('requires a given secret masked before the first request', () => {
    expect(audit(run([LOGIN, `::add-mask::${PASSWORD.value}`]))).toContain(
      'cloud-password input was masked after a request'
    )
    expect(audit(run([LOGIN]))).toContain('cloud-password input was never masked')
  })

  it('requires a used session token masked right after its login, in a solo run only', () => {
    const used = [request('/x', `oauth_token=${TOKEN.value}`)]
    const late = [`::add-mask::${PASSWORD.value}`, LOGIN, READ, `::add-mask::${TOKEN.value}`]
    expect(audit(run(late), used)).toEqual([
      'Cloud session token was not masked right after the login that returned it'
    ])
    expect(audit(run([`::add-mask::${PASSWORD.value}`, LOGIN, READ]), used)).toEqual([
      'Cloud session token was used but never masked'
    ])
    expect(audit(run([`::add-mask::${PASSWORD.value}`, LOGIN, READ]), used, false)).toEqual([])
  })

  it('takes a value the server holds as data once a block returned it; never a known secret', () => {
    const data = `{"env": "${HELD.value}"}`
    const action = run(GOOD, {
      outputs: { output: data, 'output-file': '/tmp/out.json' },
      tempFiles: [{ path: '/tmp/out.json', text: data }]
    })
    expect(audit(action)).toEqual([])
    const known = run(GOOD, {
      outputs: { output: PASSWORD.value },
      commandFiles: { ...run([]).commandFiles, GITHUB_OUTPUT: `output<<D\n${PASSWORD.value}\nD` }
    })
    expect(audit(known)).toEqual(['cloud-password input in GITHUB_OUTPUT (line 2)'])
  })

  it('refuses a mask command the runner would split into lines', () => {
    expect(audit(run([...GOOD, '::add-mask::{%0A  "a": "b"%0A}']))).toEqual([
      '1 ::add-mask:: command(s) hold several lines'
    ])
  })

  it('finds a secret in a request URL, encoded or not', () => {
    const requests = [request(`/api/runs?token=${encodeURIComponent(TOKEN.value)}`)]
    expect(audit(run(GOOD), requests)).toEqual([
      'Cloud session token in the URL of a GET to the cloud API'
    ])
  })
})

describe('givenSecrets', () => {
  it('takes secret inputs, env fallbacks, set-env values of 8+ characters and URL passwords', () => {
    const secrets = givenSecrets({
      inputs: {
        operation: 'set-env',
        'cloud-password': ' pw-1 ',
        'cloud-api-key': 'oMqz2m320NfVERFonfytPFVETfPTHyN5N7db9dLK',
        'cluster-url': 'https://user:url-pass-99@host',
        env: 'LONG=a-long-value\nSHORT=1'
      },
      env: { MAGE_TRIGGER_TOKEN: 'trigger-from-env' }
    })
    expect(secrets.map(({ kind, value }) => [kind, value])).toEqual([
      ['cloud-password input', 'pw-1'],
      ['MAGE_TRIGGER_TOKEN env fallback', 'trigger-from-env'],
      ['password in cluster-url', 'url-pass-99'],
      ['set-env value of LONG', 'a-long-value']
    ])
  })
})
