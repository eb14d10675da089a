// Fakes for the ports: an ActionIO that records, and a clock whose sleeps take no time.
import type { ActionIO, Clock } from '../../src/runtime.js'

export interface RecordingIO extends ActionIO {
  lines: string[]
  outputs: Map<string, string>
  masked: string[]
  summaries: string[]
  state: Map<string, string>
  failed?: string
}

export function recordingIO(): RecordingIO {
  const io: RecordingIO = {
    lines: [],
    outputs: new Map(),
    masked: [],
    summaries: [],
    state: new Map(),
    info: m => void io.lines.push(`info: ${m}`),
    debug: m => void io.lines.push(`debug: ${m}`),
    isDebug: () => true,
    notice: m => void io.lines.push(`notice: ${m}`),
    warning: m => void io.lines.push(`warning: ${m}`),
    error: m => void io.lines.push(`error: ${m}`),
    group: (name, fn) => {
      io.lines.push(`group: ${name}`)
      return fn()
    },
    setSecret: v => void io.masked.push(v),
    setOutput: (n, v) => void io.outputs.set(n, v),
    appendSummary: m => {
      io.summaries.push(m)
      return Promise.resolve()
    },
    saveState: (n, v) => void io.state.set(n, v),
    getState: n => io.state.get(n) ?? '',
    setFailed: m => {
      io.failed = m
    }
  }
  return io
}

export interface FakeClock extends Clock {
  sleeps: number[]
  advance(ms: number): void
}

export function fakeClock(start = 1_700_000_000_000, random = 0.5): FakeClock {
  let now = start
  const clock: FakeClock = {
    sleeps: [],
    now: () => now,
    random: () => random,
    sleep: ms => {
      clock.sleeps.push(ms)
      now += ms
      return Promise.resolve()
    },
    advance: ms => {
      now += ms
    }
  }
  return clock
}
