// A "likely cause" line for a failure: never control flow, only words for the user.
import {
  ConfigError,
  DeadlineError,
  MageApiError,
  NetworkError,
  OutcomeUnknownError,
  RedirectError,
  RequestTimeoutError
} from '../errors.js'

export function hintFor(error: unknown): string | undefined {
  if (error instanceof ConfigError) return undefined
  if (error instanceof MageApiError) return apiHint(error)
  if (error instanceof OutcomeUnknownError) {
    return 'the answer was lost on the way: check in Mage whether the change took before running the step again'
  }
  if (error instanceof RedirectError) {
    return 'check the URL input (scheme, host and base path): the server redirects elsewhere'
  }
  if (error instanceof NetworkError || error instanceof RequestTimeoutError) {
    return 'check the URL and that the runner can reach it (on self-hosted runners: HTTPS_PROXY / NO_PROXY)'
  }
  if (error instanceof DeadlineError)
    return 'raise the `timeout` input if the operation needs longer'
  return undefined
}

function apiHint(error: MageApiError): string | undefined {
  const { api, type, code, httpStatus, path } = error.fields
  const cloud = api === 'cloud'
  const login = path.endsWith('/sessions')
  if (type === 'invalid_api_key') {
    return cloud
      ? "check cloud-api-key (empty uses the portal's public key)"
      : "check cluster-api-key (empty uses Mage's public client key)"
  }
  if (login && (type === 'record_not_found' || code === 404)) {
    return cloud
      ? 'check cloud-email and cloud-password (use a dedicated Mage Cloud user without SSO or MFA)'
      : 'check cluster-email and cluster-password (a cluster user without SSO or MFA)'
  }
  if (type === 'invalid_oauth_token' || type === 'expired_oauth_token' || httpStatus === 401) {
    return cloud
      ? 'the Mage Cloud session was refused: check cloud-email and cloud-password'
      : 'the cluster session was refused: check cluster-email and cluster-password'
  }
  if (type === 'unauthorized_access' || code === 403 || httpStatus === 403) {
    if (cloud)
      return 'the Mage Cloud user needs the Admin role to start, stop or change env of the cluster'
    return /\/(deployment_settings|syncs)\//.test(path)
      ? 'the cluster user lacks a role: deploys need the editor role'
      : 'the cluster user lacks a role: listing and watching pipeline runs needs at least the viewer role'
  }
  if (cloud && (type === 'record_not_found' || code === 404)) return 'check team-id and cluster-id'
  if (path.includes('/deployment_settings/') && (type === 'record_not_found' || code === 404)) {
    return "check deployment-setting: the name shown on the cluster's /apps/deploy page"
  }
  if (error.fields.kind === 'not_json' || error.fields.kind === 'http_status') {
    if (httpStatus >= 500 || error.fields.kind === 'not_json') {
      return 'the server or a proxy in front of it failed; try again later'
    }
  }
  return undefined
}
