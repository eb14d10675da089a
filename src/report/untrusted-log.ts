// Prints text that came from the server (tracebacks, block logs) in a collapsed log group. A
// line of that text could look like a workflow command (`::set-output …`, `::add-mask::`), so
// command processing is paused around it with a one-time token.
import { randomUUID } from 'node:crypto'
import type { ActionIO } from '../runtime.js'

export async function printUntrusted(io: ActionIO, title: string, text: string): Promise<void> {
  await io.group(title, () => {
    const token = randomUUID()
    io.info(`::stop-commands::${token}`)
    io.info(text)
    io.info(`::${token}::`)
    return Promise.resolve()
  })
}
