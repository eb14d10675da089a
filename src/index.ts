import { run } from './main.js'

// Not `await run()`: a top-level await makes the bundler wrap the whole action in an async
// module, which V8 compiles twice at start-up (README "Performance"). run() settles every
// failure itself; anything it throws still ends the process with a stack trace and exit 1.
void run()
