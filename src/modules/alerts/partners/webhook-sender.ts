import { eq } from 'drizzle-orm'
import { Webhook } from 'standardwebhooks'
import type { Db } from '../../../platform/db/client.ts'
import { systemClock, type Clock } from '../../../platform/clock.ts'
import { alertPartner } from '../tables.ts'
import type { ClaimedDelivery, DeliveryMessage, SendOutcome, Sender } from '../delivery/types.ts'

export const WEBHOOK_EVENT_TYPES = { Alert: 'alert.published', Update: 'alert.updated', Cancel: 'alert.cancelled' } as const

/** What a partner receives: the Standard Webhooks envelope around the message's JSON payload. */
export interface WebhookBody {
  type: (typeof WEBHOOK_EVENT_TYPES)[keyof typeof WEBHOOK_EVENT_TYPES]
  timestamp: string
  data: Record<string, unknown>
}

/** The same bytes on every attempt: the event's time is the message's, not the attempt's. */
export function webhookBody(message: DeliveryMessage): string {
  const body: WebhookBody = { type: WEBHOOK_EVENT_TYPES[message.msgType], timestamp: message.sentAt.toISOString(), data: message.payload }
  return JSON.stringify(body)
}

type PartnerRow = typeof alertPartner.$inferSelect

/**
 * The `webhook-signature` header: `v1,<base64 HMAC-SHA256>` with the current secret, followed by one with the
 * rotated-out secret while its grace lasts, space-separated as the spec allows.
 */
export function signWebhook(partner: PartnerRow, webhookId: string, at: Date, body: string, now: Date): string {
  const secrets = [partner.secret]
  if (partner.previousSecret && partner.previousSecretExpiresAt && partner.previousSecretExpiresAt > now)
    secrets.push(partner.previousSecret)
  return secrets.map((secret) => new Webhook(secret).sign(webhookId, at, body)).join(' ')
}

/** Seconds or an HTTP date, as milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (!value) return undefined
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime())
}

/** What an answer means: 2xx delivered; 408, 429 and 5xx worth another try; anything else will never work. */
export function classifyResponse(status: number, retryAfter: string | null, now: Date): SendOutcome {
  if (status >= 200 && status < 300) return { kind: 'delivered', status }
  if (status === 408 || status === 429 || status >= 500) {
    return { kind: 'retryable', status, error: `HTTP ${status}`, retryAfterMs: parseRetryAfter(retryAfter, now) }
  }
  if (status >= 300 && status < 400) return { kind: 'rejected', status, error: `HTTP ${status}: redirects are not followed` }
  // 410 included: the delivery fails, but the partner stays registered until an admin deactivates it.
  return { kind: 'rejected', status, error: `HTTP ${status}` }
}

export interface WebhookSenderOptions {
  db: Db
  /** The platform's clock: when a rotated-out secret stops signing. */
  clock: Clock
  /**
   * The real time for `webhook-timestamp`, which the partner checks against its own clock (5 minutes either way
   * in the reference libraries): never a test's simulated time.
   */
  wallClock?: Clock
  /** How long a partner's endpoint and secrets are reused before being read again. */
  partnerCacheMs?: number
}

/**
 * The webhook channel's sender: POSTs each message to its partner, signed per Standard Webhooks. The
 * `webhook-id` is the delivery's id, the same on every attempt, so a partner that gets a retry can drop it.
 */
export function createWebhookSender(options: WebhookSenderOptions): Sender {
  const wallClock = options.wallClock ?? systemClock
  const cacheMs = options.partnerCacheMs ?? 5000
  const cache = new Map<string, { row: PartnerRow | undefined; until: number }>()

  async function partnerOf(id: string): Promise<PartnerRow | undefined> {
    const now = Date.now()
    const cached = cache.get(id)
    if (cached && cached.until > now) return cached.row
    const [row] = await options.db.select().from(alertPartner).where(eq(alertPartner.id, id))
    cache.set(id, { row, until: now + cacheMs })
    return row
  }

  return async (delivery: ClaimedDelivery, message: DeliveryMessage, signal: AbortSignal): Promise<SendOutcome> => {
    const partner = await partnerOf(delivery.recipientId)
    if (!partner) return { kind: 'rejected', error: 'the partner no longer exists' }
    if (!partner.active) return { kind: 'rejected', error: 'the partner is deactivated' }
    const body = webhookBody(message)
    const at = wallClock.now()
    try {
      const response = await fetch(partner.endpointUrl, {
        method: 'POST',
        body,
        signal,
        redirect: 'manual',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Tuanyuan-Webhooks/1',
          'webhook-id': delivery.id,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': signWebhook(partner, delivery.id, at, body, options.clock.now()),
        },
      })
      // The body is not read: discarding it frees the kept-alive connection for the next delivery.
      await response.body?.cancel()
      return classifyResponse(response.status, response.headers.get('retry-after'), wallClock.now())
    } catch (err) {
      const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : ''
      return { kind: 'retryable', error: `${err instanceof Error ? err.message : String(err)}${cause}` }
    }
  }
}
