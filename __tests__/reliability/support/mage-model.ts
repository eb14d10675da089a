// A plausible Mage for the fuzz test: the answer a real server would give to each request, so
// that garbage can be mixed into an otherwise working exchange at any depth.
import type { RawRequest, RawResponse } from '../../../src/http/transport.js'
import { jwtFor } from '../../helpers/fake-cluster.js'

const json = (body: unknown, status = 200): RawResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body)
})

export class MageModel {
  private cluster = { status: 'Active', config: { replicaCount: 1, extraEnvs: [] as unknown[] } }

  answer(request: RawRequest): RawResponse {
    const path = request.url.pathname
    const body: unknown = request.body ? JSON.parse(request.body) : undefined
    if (path.endsWith('/api/v1/sessions')) return json({ session: { token: 'cloud-token-1234' } })
    if (path.includes('/clusters/')) {
      if (request.method === 'PUT') {
        const write = (body as { cluster: { config: never; status?: string } }).cluster
        this.cluster = { status: write.status ?? this.cluster.status, config: write.config }
      }
      return json({ cluster: this.cluster })
    }
    if (path === '/api/sessions') return json({ session: { token: jwtFor('raw-session-token') } })
    if (path === '/api/status') return json({ statuses: [{ require_user_authentication: true }] })
    if (path === '/api/runs') return json({ run: { output: [{ rows: [1, 2] }] } })
    if (path.endsWith('/api_trigger')) {
      return json({ pipeline_run: { id: 5, status: 'initial', pipeline_uuid: 'etl' } })
    }
    if (path === '/api/pipeline_runs') return json({ pipeline_runs: [], metadata: { next: false } })
    if (path.startsWith('/api/pipeline_runs/')) {
      const status = request.method === 'PUT' ? 'cancelled' : 'completed'
      return json({ pipeline_run: { id: 5, status, pipeline_uuid: 'etl', block_runs: [] } })
    }
    if (path.endsWith('/logs')) return json({ logs: [] })
    if (path.endsWith('/deployments')) return json({ deployment: { id: 3, status: 'deployed' } })
    if (path === '/api/syncs/git') return json({ sync: { branch: 'main' } })
    if (path === '/api/syncs') return json({ syncs: [{ branch: 'main' }] })
    return json({ error: { code: 404, type: 'record_not_found', message: 'no route' } })
  }
}
