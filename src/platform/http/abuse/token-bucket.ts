/**
 * Token buckets in memory: `capacity` requests at once, then `perSecond` on average. The process is the only
 * one serving the API, so memory is the right store; a restart forgets the counts, which only forgives.
 */
export interface BucketRule {
  capacity: number
  perSecond: number
}

interface Bucket {
  tokens: number
  /** Milliseconds since the epoch when `tokens` was counted. */
  at: number
}

export type Take = { allowed: true } | { allowed: false; retryAfterSeconds: number }

function refill(bucket: Bucket, rule: BucketRule, now: number) {
  // A clock stepped backwards adds nothing rather than taking tokens away.
  const elapsed = Math.max(0, now - bucket.at) / 1000
  bucket.tokens = Math.min(rule.capacity, bucket.tokens + elapsed * rule.perSecond)
  bucket.at = now
}

function take(bucket: Bucket, rule: BucketRule, now: number): Take {
  refill(bucket, rule, now)
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1
    return { allowed: true }
  }
  // Less a hair, so that 1.0000000001 s of float error does not read as 2 s.
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rule.perSecond - 1e-6)) }
}

/** One bucket for everybody. */
export class TokenBucket {
  readonly #rule: BucketRule
  readonly #bucket: Bucket
  constructor(rule: BucketRule, now: number) {
    this.#rule = rule
    this.#bucket = { tokens: rule.capacity, at: now }
  }
  take(now: number): Take {
    return take(this.#bucket, this.#rule, now)
  }
}

/**
 * One bucket per key (a client address). A full bucket is the same as none, so idle ones are dropped; past
 * `maxKeys` the least recently used goes first, which can only forgive a client, never refuse one wrongly.
 */
export class KeyedTokenBuckets {
  readonly #rule: BucketRule
  readonly #maxKeys: number
  readonly #buckets = new Map<string, Bucket>()
  constructor(rule: BucketRule, maxKeys = 200_000) {
    this.#rule = rule
    this.#maxKeys = maxKeys
  }

  get size(): number {
    return this.#buckets.size
  }

  take(key: string, now: number): Take {
    let bucket = this.#buckets.get(key)
    if (bucket) this.#buckets.delete(key)
    else bucket = { tokens: this.#rule.capacity, at: now }
    const result = take(bucket, this.#rule, now)
    // Re-inserted, so that the Map's order is least recently used first.
    this.#buckets.set(key, bucket)
    this.#evict(now)
    return result
  }

  #evict(now: number) {
    const fullAfterMs = (this.#rule.capacity / this.#rule.perSecond) * 1000
    for (const [key, bucket] of this.#buckets) {
      const idleAndFull = now - bucket.at >= fullAfterMs
      if (!idleAndFull && this.#buckets.size <= this.#maxKeys) return
      this.#buckets.delete(key)
    }
  }
}
