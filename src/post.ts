import { runPost } from './post-main.js'

// No top-level await, for the same start-up reason as index.ts.
void runPost()
