const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** When failed attempts are tried again. */
export interface RetryPolicy {
  /** Delay after the 1st, 2nd, … failed attempt; the last entry repeats. */
  scheduleMs: readonly number[]
  /** Attempts in all, the first included; a delivery still failing after them is `failed`. */
  maxAttempts: number
  /** Each delay is spread by ± this fraction, so that retries to one recovering endpoint do not arrive as one burst. */
  jitter: number
  /** A recipient's Retry-After is honoured up to this. */
  maxRetryAfterMs: number
}

/** About 16 hours from the first attempt to the last: an alert is news for hours, not days. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  scheduleMs: [5 * SECOND, 30 * SECOND, 2 * MINUTE, 10 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR],
  maxAttempts: 10,
  jitter: 0.2,
  maxRetryAfterMs: 8 * HOUR,
}

/**
 * How long to wait after `attempts` attempts have failed, or null when none is left. A Retry-After longer than
 * the schedule's delay wins (up to `maxRetryAfterMs`); a shorter one does not hurry the schedule.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempts: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number | null {
  if (attempts >= policy.maxAttempts) return null
  const base = policy.scheduleMs[Math.min(Math.max(attempts, 1), policy.scheduleMs.length) - 1]
  const spread = base * (1 + policy.jitter * (2 * random() - 1))
  const asked = retryAfterMs === undefined ? 0 : Math.min(Math.max(retryAfterMs, 0), policy.maxRetryAfterMs)
  return Math.round(Math.max(spread, asked))
}
