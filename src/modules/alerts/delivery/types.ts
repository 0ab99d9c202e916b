import type { alertDelivery, alertMessage } from '../tables.ts'

export type DeliveryChannel = (typeof alertDelivery.$inferSelect)['channel']
export const DELIVERY_CHANNELS: readonly DeliveryChannel[] = ['webhook', 'push']

/** A delivery as a sender sees it: claimed for one attempt (`attempts` counts this one). */
export interface ClaimedDelivery {
  id: string
  messageId: string
  alertId: string
  channel: DeliveryChannel
  recipientId: string
  attempts: number
}

/** The message a delivery carries, as stored when the core wrote it. */
export type DeliveryMessage = Pick<
  typeof alertMessage.$inferSelect,
  'id' | 'alertId' | 'seq' | 'msgType' | 'radiusKm' | 'sentAt' | 'capXml' | 'payload'
>

/**
 * What one attempt came to. `status` is the recipient's HTTP status when there was one. `retryable` may say when
 * the recipient asked to be tried again (Retry-After); `gone` means the recipient no longer exists (a push
 * subscription the browser dropped); `rejected` will never succeed.
 */
export type SendOutcome =
  | { kind: 'delivered'; status?: number }
  | { kind: 'retryable'; status?: number; error: string; retryAfterMs?: number }
  | { kind: 'gone'; status?: number; error?: string }
  | { kind: 'rejected'; status?: number; error: string }

/** Sends one delivery. It must give up when `signal` aborts (the dispatcher's per-attempt timeout). */
export type Sender = (delivery: ClaimedDelivery, message: DeliveryMessage, signal: AbortSignal) => Promise<SendOutcome>
