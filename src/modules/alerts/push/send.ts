// One Web Push message to one subscription (RFC 8030), encrypted with aes128gcm (RFC 8291) and signed with
// VAPID (RFC 8292) by the web-push library, and the push service's answer sorted into what the caller does next.
import type https from 'node:https'
import webpush, { type RequestOptions } from 'web-push'
import type { VapidKeys } from './vapid.ts'

/** What a browser's PushSubscription.toJSON() gives, minus expirationTime. */
export interface PushSubscriptionKeys {
  endpoint: string
  keys: { p256dh: string; auth: string }
}

export type PushUrgency = 'very-low' | 'low' | 'normal' | 'high'

export interface PushOptions {
  vapid: VapidKeys
  /** How long the push service may hold the message for an offline browser; default 4 hours. */
  ttlSeconds?: number
  /** Default `high`: a missing child alert should wake the phone. */
  urgency?: PushUrgency
  /** Messages with the same topic replace each other while undelivered (1–32 characters of base64url). */
  topic?: string
  /** Give up on the push service after this long; default 10 s. */
  timeoutMs?: number
  /** A TLS agent, e.g. one that trusts a test push service's certificate, or keeps connections alive. */
  agent?: https.Agent
  /** The clock, for Retry-After given as a date; default Date.now. */
  now?: () => number
}

/**
 * - delivered: the push service accepted the message (201, or any 2xx).
 * - gone: 404/410, the subscription has expired or was withdrawn: delete it.
 * - retryable: 429, 5xx, a timeout or a network failure: try again, not before retryAfterMs when given.
 * - rejected: any other answer (400, 401/403 for a VAPID key the subscription does not accept, 413), or a
 *   message that could not be built (bad subscription keys, payload too large): retrying will not help.
 */
export type PushOutcome = 'delivered' | 'gone' | 'retryable' | 'rejected'

export interface PushResult {
  outcome: PushOutcome
  /** The push service's HTTP status, when it answered. */
  status?: number
  retryAfterMs?: number
  detail?: string
  latencyMs: number
}

/** RFC 8291 §4: 4096 bytes of body less the header (86), the AEAD tag (16) and the padding delimiter (1). */
export const MAX_PAYLOAD_BYTES = 3993

const DEFAULT_TTL_SECONDS = 4 * 3600
const DEFAULT_TIMEOUT_MS = 10_000

/** Sends `payload` as JSON to one subscription; never throws for anything the push service or network does. */
export async function sendPush(subscription: PushSubscriptionKeys, payload: object, options: PushOptions): Promise<PushResult> {
  const request = requestOptions(options)
  const started = performance.now()
  const latency = () => Math.round((performance.now() - started) * 10) / 10
  const body = Buffer.from(JSON.stringify(payload))
  if (body.length > MAX_PAYLOAD_BYTES) {
    return { outcome: 'rejected', detail: `payload is ${body.length} bytes, more than ${MAX_PAYLOAD_BYTES}`, latencyMs: 0 }
  }
  try {
    const response = await webpush.sendNotification(subscription, body, request)
    return { ...classifyStatus(response.statusCode, undefined, options.now ?? Date.now), latencyMs: latency() }
  } catch (error) {
    if (error instanceof webpush.WebPushError) {
      const classified = classifyStatus(error.statusCode, headerValue(error.headers, 'retry-after'), options.now ?? Date.now)
      return { ...classified, detail: error.body?.slice(0, 200) || undefined, latencyMs: latency() }
    }
    return { ...classifyFailure(error), latencyMs: latency() }
  }
}

function requestOptions(options: PushOptions): RequestOptions {
  if (options.topic !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(options.topic)) {
    throw new RangeError(`a push topic is 1–32 characters of base64url, got "${options.topic}"`)
  }
  const ttl = options.ttlSeconds ?? DEFAULT_TTL_SECONDS
  if (!Number.isInteger(ttl) || ttl < 0) throw new RangeError(`TTL must be a whole number of seconds, got ${ttl}`)
  return {
    vapidDetails: { subject: options.vapid.subject, publicKey: options.vapid.publicKey, privateKey: options.vapid.privateKey },
    contentEncoding: 'aes128gcm',
    TTL: ttl,
    urgency: options.urgency ?? 'high',
    topic: options.topic,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    agent: options.agent,
  }
}

/** Sorts a push service's status into an outcome (RFC 8030 §5–§8 and what FCM and Mozilla answer). */
export function classifyStatus(status: number, retryAfter: string | undefined, now: () => number): Omit<PushResult, 'latencyMs'> {
  if (status >= 200 && status < 300) return { outcome: 'delivered', status }
  if (status === 404 || status === 410) return { outcome: 'gone', status }
  if (status === 429 || status >= 500) return { outcome: 'retryable', status, retryAfterMs: parseRetryAfter(retryAfter, now) }
  return { outcome: 'rejected', status }
}

/** Retry-After as seconds or as an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: () => number): number | undefined {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const at = Date.parse(trimmed)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now())
}

// web-push throws plain errors both for a network failure (with a Node error code, or its own socket timeout)
// and for a message it cannot build (bad keys, a bad VAPID subject); only the first is worth retrying.
function classifyFailure(error: unknown): Omit<PushResult, 'latencyMs'> {
  const message = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' || message === 'Socket timeout') {
    return { outcome: 'retryable', detail: typeof code === 'string' ? `${code}: ${message}` : message }
  }
  return { outcome: 'rejected', detail: message }
}

function headerValue(headers: Record<string, string | string[] | undefined> | undefined, name: string): string | undefined {
  const value = headers?.[name]
  return Array.isArray(value) ? value[0] : value
}
