import { describe, expect, it } from 'vitest'
import { KeyedTokenBuckets, TokenBucket } from './token-bucket.ts'

describe('token buckets', () => {
  it('allows the capacity at once, then refills at the rate', () => {
    const bucket = new TokenBucket({ capacity: 2, perSecond: 0.5 }, 0)
    expect(bucket.take(0)).toEqual({ allowed: true })
    expect(bucket.take(0)).toEqual({ allowed: true })
    expect(bucket.take(0)).toEqual({ allowed: false, retryAfterSeconds: 2 })
    expect(bucket.take(1_000)).toEqual({ allowed: false, retryAfterSeconds: 1 })
    expect(bucket.take(2_000)).toEqual({ allowed: true })
    // Never more than the capacity, however long it was idle.
    expect([10_000_000, 10_000_000, 10_000_000].map((at) => bucket.take(at).allowed)).toEqual([true, true, false])
  })

  it('gives nothing back when the clock steps backwards', () => {
    const bucket = new TokenBucket({ capacity: 1, perSecond: 1 }, 5_000)
    expect(bucket.take(5_000).allowed).toBe(true)
    expect(bucket.take(1_000).allowed).toBe(false)
  })

  it('keeps one bucket per key and drops idle full ones', () => {
    const buckets = new KeyedTokenBuckets({ capacity: 1, perSecond: 1 })
    expect(buckets.take('a', 0).allowed).toBe(true)
    expect(buckets.take('a', 0).allowed).toBe(false)
    expect(buckets.take('b', 0).allowed).toBe(true)
    expect(buckets.size).toBe(2)
    // A second later both are full again: forgotten as the next client comes.
    expect(buckets.take('c', 1_000).allowed).toBe(true)
    expect(buckets.size).toBe(1)
  })

  it('forgets the least recently used past its size, which only forgives', () => {
    const buckets = new KeyedTokenBuckets({ capacity: 1, perSecond: 0.001 }, 2)
    buckets.take('a', 0)
    buckets.take('b', 0)
    buckets.take('a', 0)
    buckets.take('c', 0)
    expect(buckets.size).toBe(2)
    expect(buckets.take('a', 0).allowed).toBe(false)
    expect(buckets.take('b', 0).allowed).toBe(true)
  })
})
