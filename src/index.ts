import { run } from './main.js'

// Not `await run()`: a top-level await makes the bundler wrap the whole action in an async
// module, which costs every step about 15 ms of start-up (npm run bench). run() settles every
// failure itself; anything it throws still ends the process with a stack trace and exit code 1.
void run()
