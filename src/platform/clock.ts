/** Time as the application sees it: services call `clock.now()`, never `Date.now()`, so tests can move it. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export interface ManualClock extends Clock {
  set(at: Date | string): void
  advance(ms: number): void
}

export function manualClock(start: Date | string = '2026-01-05T01:00:00Z'): ManualClock {
  let current = new Date(start).getTime()
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at).getTime()
    },
    advance: (ms) => {
      current += ms
    },
  }
}

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR
