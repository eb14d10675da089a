// Preloaded into a step under test (node --import): names ending in .test resolve to 127.0.0.1,
// so a test can reach the emulator under a name that is not a loopback one (@actions/http-client
// never proxies loopback names, whatever NO_PROXY says) and no DNS query leaves the machine.
// Every other name resolves as usual.
import dns from 'node:dns'

const lookup = dns.lookup
dns.lookup = function lookupTestHosts(hostname, options, callback) {
  if (typeof hostname !== 'string' || !hostname.endsWith('.test')) {
    return lookup.call(this, hostname, options, callback)
  }
  const done = typeof options === 'function' ? options : callback
  const all = typeof options === 'object' && options !== null && options.all
  process.nextTick(() =>
    all ? done(null, [{ address: '127.0.0.1', family: 4 }]) : done(null, '127.0.0.1', 4)
  )
  return undefined
}
