// Ports over the outside world, so tests can pass fakes (no module mocking).

/** What the action needs of @actions/core, narrowed. */
export interface ActionIO {
  info(message: string): void
  debug(message: string): void
  isDebug(): boolean
  notice(message: string): void
  warning(message: string): void
  error(message: string): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
  setSecret(value: string): void
  setOutput(name: string, value: string): void
  appendSummary(markdown: string): Promise<void>
  saveState(name: string, value: string): void
  getState(name: string): string
  setFailed(message: string): void
}

/** Time, so retries and waits take no real time in unit tests. */
export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
  /** A number in [0, 1), for jitter. */
  random(): number
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: ms => new Promise(resolve => setTimeout(resolve, Math.max(0, ms))),
  random: () => Math.random()
}

/** The operation's overall deadline. */
export class Deadline {
  readonly expiresAt: number
  private readonly clock: Clock
  constructor(clock: Clock, timeoutMs: number) {
    this.clock = clock
    this.expiresAt = clock.now() + timeoutMs
  }

  remainingMs(): number {
    return Math.max(0, this.expiresAt - this.clock.now())
  }

  expired(): boolean {
    return this.remainingMs() <= 0
  }
}
