import { waitedRunOf } from './cluster/post-state.js'

// The post step runs after every use of the action but has work only when the main step left a
// pipeline run in its state. That is checked before anything else is loaded (@actions/core and
// the HTTP stack, in a chunk of dist/post), so a post step with nothing to do costs a bare Node
// start. No top-level await, for the start-up reason given in index.ts.
const stateOf = (name: string): string => process.env[`STATE_${name}`] ?? ''
if (waitedRunOf({ getState: stateOf })) {
  void import('./post-main.js').then(({ runPost }) => runPost())
}
