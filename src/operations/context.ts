// What every operation is handed: the ports, the deadline, the secrets, the report, and a way
// to build HTTP clients for the two APIs.
import type { CommonSettings } from '../config/types.js'
import type { ApiName } from '../errors.js'
import type { MageHttp } from '../http/request.js'
import type { Report } from '../report/report.js'
import type { ActionIO, Clock, Deadline } from '../runtime.js'
import type { Secrets } from '../secrets.js'

export interface OperationContext {
  readonly io: ActionIO
  readonly clock: Clock
  readonly deadline: Deadline
  readonly secrets: Secrets
  readonly common: CommonSettings
  readonly report: Report
  readonly http: (api: ApiName) => MageHttp
  /** RUNNER_TEMP (or the OS temp dir): where files for later steps go. */
  readonly tempDir: string
}
