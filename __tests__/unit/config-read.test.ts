import { describe, expect, it } from '@jest/globals'
import { parseConfig, readConfig } from '../../src/config/parse-config.js'

// The YAML parser is loaded only for a `variables` input beyond `{}`. Jest gives this file its
// own module registry, so the parser starts unloaded; the cases run in order.
const github = { eventName: 'push', sha: 'abc1234', refName: 'main', headRef: '', payload: {} }
const runBlock = (variables: string) => ({
  input: (name: string) =>
    ({
      operation: 'run-block',
      'cluster-url': 'https://mage.example.com',
      'trigger-token': 'token-123456',
      pipeline: 'etl',
      block: 'load',
      variables
    })[name] ?? '',
  env: {},
  github
})

describe('readConfig: the YAML parser is loaded only when variables need it', () => {
  it('parses the default `{}` and blank variables without the parser', () => {
    for (const variables of ['{}', ' { } ', '']) {
      const config = parseConfig(runBlock(variables))
      expect(config.operation === 'run-block' && config.variables).toEqual({})
    }
  })

  it('refuses to parse YAML variables synchronously before the parser is loaded', () => {
    expect(() => parseConfig(runBlock('day: 2024-01-01'))).toThrow(/loadYamlParser/)
  })

  it('readConfig loads the parser, then parses', async () => {
    const config = await readConfig(runBlock('day: "2024-01-01"\nrows: 3'))
    expect(config.operation === 'run-block' && config.variables).toEqual({
      day: '2024-01-01',
      rows: 3
    })
  })
})
