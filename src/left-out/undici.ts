// What the bundle holds in place of undici (tsconfig.json "paths", which ncc applies to every
// import, node_modules included). @actions/http-client imports undici for one class, ProxyAgent,
// which only HttpClient.getAgentDispatcher() builds: a fetch() dispatcher this action never asks
// for. Its requests go through node:http with HttpClient.getAgent(), which honours HTTPS_PROXY
// and NO_PROXY without undici. Bundled, undici was three quarters of dist/index.js and most of
// every step's start-up (README "Performance"). Tests run with the real package; dist/ with this.
export class ProxyAgent {
  constructor() {
    throw new Error(
      'undici is left out of the bundle: HttpClient.getAgentDispatcher() is not available, use HttpClient.getAgent()'
    )
  }
}
