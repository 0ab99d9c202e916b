import { describe, expect, it } from 'vitest'
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './backoff.ts'

const policy: RetryPolicy = { scheduleMs: [5000, 30_000, 120_000], maxAttempts: 5, jitter: 0.2, maxRetryAfterMs: 3_600_000 }
const middle = () => 0.5

describe('retryDelayMs', () => {
  it('follows the schedule, repeating its last delay, until the attempts run out', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(policy, n, undefined, middle))).toEqual([5000, 30_000, 120_000, 120_000])
    expect(retryDelayMs(policy, 5, undefined, middle)).toBeNull()
  })

  it('spreads each delay by the jitter fraction either way', () => {
    expect(retryDelayMs(policy, 2, undefined, () => 0)).toBe(24_000)
    expect(retryDelayMs(policy, 2, undefined, () => 0.999999)).toBe(36_000)
  })

  it('honours a longer Retry-After, up to its cap, but lets no shorter one hurry the schedule', () => {
    expect(retryDelayMs(policy, 1, 600_000, middle)).toBe(600_000)
    expect(retryDelayMs(policy, 1, 1000, middle)).toBe(5000)
    expect(retryDelayMs(policy, 1, 86_400_000, middle)).toBe(3_600_000)
  })

  it('gives the default policy ten attempts over about sixteen hours', () => {
    let total = 0
    for (let n = 1; n < DEFAULT_RETRY_POLICY.maxAttempts; n++) total += retryDelayMs(DEFAULT_RETRY_POLICY, n, undefined, middle)!
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, DEFAULT_RETRY_POLICY.maxAttempts)).toBeNull()
    expect(total / 3_600_000).toBeCloseTo(15.7, 1)
  })
})
