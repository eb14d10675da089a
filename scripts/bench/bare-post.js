// The least a run-block step can cost: a fresh Node process that sends the same POST /api/runs
// requests one after the other, each on a fresh connection as the action sends them, and reads
// each answer, with nothing else. Arguments: url, Bearer token, then one JSON body per request.
import { postRun } from './post-run.js'

const [url, token, ...bodies] = process.argv.slice(2)

for (const body of bodies) {
  if ((await postRun(url, token, body)) !== 200) process.exitCode = 1
}
