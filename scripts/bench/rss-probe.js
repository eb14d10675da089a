// Loaded with `node --import` before an action: at exit, writes the process's peak resident
// memory (bytes) to the file named by RSS_PROBE_FILE. Node cannot read a child's peak itself.
import { writeFileSync } from 'node:fs'

const file = process.env.RSS_PROBE_FILE
if (file) {
  process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)))
}
