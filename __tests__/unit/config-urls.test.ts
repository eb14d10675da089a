import { describe, expect, it } from '@jest/globals'
import { isLoopback, parseBaseUrl } from '../../src/config/urls.js'
import { expectConfigError } from './config-expect-error.js'

const cluster = { stripApiSuffix: true }
const cloud = { stripApiSuffix: false }

describe('parseBaseUrl', () => {
  it.each([
    ['https://mage.example.com', cluster, 'https://mage.example.com'],
    ['https://mage.example.com/', cluster, 'https://mage.example.com'],
    ['https://mage.example.com/api', cluster, 'https://mage.example.com'],
    ['https://mage.example.com/api/', cluster, 'https://mage.example.com'],
    ['https://mage.example.com/mage', cluster, 'https://mage.example.com/mage'],
    ['https://mage.example.com/mage/api/', cluster, 'https://mage.example.com/mage'],
    ['https://mage.example.com/apis', cluster, 'https://mage.example.com/apis'],
    ['https://mage.example.com/api/api', cluster, 'https://mage.example.com/api'],
    ['https://MAGE.Example.com:443/', cluster, 'https://mage.example.com'],
    ['https://mage.example.com:8443/x/', cluster, 'https://mage.example.com:8443/x'],
    ['  https://mage.example.com/  ', cluster, 'https://mage.example.com'],
    ['https://cloud.mage.ai/api/v1', cloud, 'https://cloud.mage.ai/api/v1'],
    ['https://cloud.mage.ai/api/v1/', cloud, 'https://cloud.mage.ai/api/v1'],
    ['https://host/api', cloud, 'https://host/api'],
    ['http://localhost:6789', cluster, 'http://localhost:6789'],
    ['http://LOCALHOST:6789/api', cluster, 'http://localhost:6789'],
    ['http://127.0.0.1:6789/', cluster, 'http://127.0.0.1:6789'],
    ['http://127.1.2.3', cluster, 'http://127.1.2.3'],
    ['http://[::1]:6789', cluster, 'http://[::1]:6789'],
    ['http://[0:0:0:0:0:0:0:1]:6789', cluster, 'http://[::1]:6789'],
    ['https://host/a%20b', cluster, 'https://host/a%20b'],
    ['https://host/path@x', cluster, 'https://host/path@x']
  ])('%j gives %j', (raw, options, url) => {
    expect(parseBaseUrl('cluster-url', raw, options)).toBe(url)
  })

  it.each([
    ['', 'is empty'],
    ['mage.example.com', 'is not a valid URL'],
    ['https://', 'is not a valid URL'],
    ['http://mage.example.com', 'must start with https://'],
    ['http://10.0.0.1:6789', 'must start with https://'],
    ['http://localhost.evil.com', 'must start with https://'],
    ['http://128.0.0.1', 'must start with https://'],
    ['http://[::2]', 'must start with https://'],
    ['ftp://host', 'must start with https://'],
    ['file:///etc/passwd', 'must start with https://'],
    ['https://host?x=1', 'must not contain a query'],
    ['https://host/?', 'must not contain a query'],
    ['https://host/#top', 'must not contain a fragment'],
    ['https://host#', 'must not contain a fragment'],
    ['https://host/a b', 'must not contain spaces'],
    ['https://ho\nst', 'must not contain spaces'],
    ['https://user:hunter2@host', 'contains credentials'],
    ['https://user@host', 'contains credentials'],
    ['https://@host', 'contains credentials'],
    ['http://user:hunter2@localhost', 'contains credentials']
  ])('%j is an error: %s', (raw, fragment) => {
    expectConfigError(() => parseBaseUrl('cluster-url', raw, cluster), 'cluster-url', fragment)
  })

  it('never echoes the URL (it may hold credentials)', () => {
    for (const raw of ['https://user:hunter2@host', 'http://hunter2.example', 'hunter2://x']) {
      const error = expectConfigError(
        () => parseBaseUrl('cloud-api-url', raw, cloud),
        'cloud-api-url'
      )
      expect(error.message).not.toContain('hunter2')
    }
  })
})

describe('isLoopback', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['[::1]', true],
    ['::1', true],
    ['localhost.', false],
    ['0.0.0.0', false],
    ['example.com', false],
    ['127.example.com', false]
  ])('%s is %s', (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback)
  })
})
