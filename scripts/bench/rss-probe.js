// Loaded with `node --import` before an action: at exit, writes the process's peak resident
// memory (bytes) and the CPU time it used (ms, user + system) as JSON to the file named by
// RSS_PROBE_FILE. Node cannot read a child's peak itself; CPU time, unlike wall time, does not
// count the time spent waiting for a core or for the emulator on a shared machine.
import { writeFileSync } from 'node:fs'

const file = process.env.RSS_PROBE_FILE
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000
    writeFileSync(file, JSON.stringify({ peakRssBytes: usage.maxRSS * 1024, cpuMs }))
  })
}
