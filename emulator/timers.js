// Every timer the emulator starts goes through here, so stop() can clear them all and a test
// process never waits on a forgotten cluster transition or run tick.

export function createTimers() {
  const pending = new Set()
  let stopped = false

  function after(ms, fn) {
    if (stopped) return undefined
    const handle = setTimeout(() => {
      pending.delete(handle)
      fn()
    }, ms)
    handle.unref()
    pending.add(handle)
    return handle
  }

  function cancel(handle) {
    if (handle === undefined || handle === null) return
    clearTimeout(handle)
    pending.delete(handle)
  }

  // Resolves after ms; never resolves once stopped (its socket is destroyed by then anyway).
  function sleep(ms) {
    return new Promise(resolve => after(ms, resolve))
  }

  function clearAll() {
    stopped = true
    for (const handle of pending) clearTimeout(handle)
    pending.clear()
  }

  return {
    after,
    cancel,
    sleep,
    clearAll,
    get size() {
      return pending.size
    }
  }
}
