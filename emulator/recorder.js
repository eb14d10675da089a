// Keeps every request either server received, faulted or not, for tests to inspect.

export function createRecorder() {
  const requests = []

  function record(entry) {
    requests.push(entry)
    return entry
  }

  // A string matches as a prefix of the path (query included); a RegExp is tested against it.
  function filter(server, method, pathMatch) {
    return requests.filter(
      entry =>
        entry.server === server &&
        (method === undefined || entry.method === method.toUpperCase()) &&
        matchesPath(entry.path, pathMatch)
    )
  }

  function clear() {
    requests.length = 0
  }

  return { requests, record, filter, clear }
}

export function matchesPath(path, pathMatch) {
  if (pathMatch === undefined || pathMatch === null) return true
  if (pathMatch instanceof RegExp) {
    pathMatch.lastIndex = 0
    return pathMatch.test(path)
  }
  return path.startsWith(pathMatch)
}
