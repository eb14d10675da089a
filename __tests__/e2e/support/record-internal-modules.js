// Preloaded into a step under test (node --import): when the step exits, the Node internal
// modules it loaded are written, one per line, to the file named by INTERNAL_MODULES_FILE.
import * as fs from 'node:fs'

process.on('exit', () => {
  fs.writeFileSync(process.env.INTERNAL_MODULES_FILE, process.moduleLoadList.join('\n'))
})
