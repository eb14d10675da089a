// Writes every output from the Report, plus status/error/changed, before the step can fail.
import type { ActionIO } from '../runtime.js'
import type { Secrets } from '../secrets.js'
import type { Report } from './report.js'

export function writeOutputs(io: ActionIO, report: Report, secrets: Secrets, error?: string): void {
  const status = report.status ?? (error ? 'failed' : '')
  io.setOutput('status', status)
  io.setOutput('error', error ? secrets.redact(error) : '')
  io.setOutput('changed', String(report.changed))
  for (const [name, value] of report.outputs) io.setOutput(name, value)
}
