import { and, eq, inArray, sql } from 'drizzle-orm'
import { queryRows, type Db } from '../../../platform/db/client.ts'
import { alertDelivery, alertMessage } from '../tables.ts'
import type { ClaimedDelivery, DeliveryChannel, DeliveryMessage, SendOutcome } from './types.ts'

interface ClaimRow {
  id: string
  message_id: string
  alert_id: string
  channel: DeliveryChannel
  recipient_id: string
  attempts: number
}

/**
 * Claims up to `limit` due deliveries of one channel for `leaseMs`: pending ones whose time has come, and ones
 * another sender claimed but never finished (its lease ran out). The claim also moves `next_attempt_at` to the
 * lease's end, so one index finds both kinds. SKIP LOCKED lets several processes claim side by side.
 */
export async function claimDue(db: Db, channel: DeliveryChannel, limit: number, now: Date, leaseMs: number): Promise<ClaimedDelivery[]> {
  const leaseEnd = new Date(now.getTime() + leaseMs).toISOString()
  const rows = await queryRows<ClaimRow>(
    db,
    sql`UPDATE alert_delivery
        SET status = 'sending', attempts = attempts + 1, claimed_until = ${leaseEnd}::timestamptz,
          next_attempt_at = ${leaseEnd}::timestamptz, last_attempt_at = ${now.toISOString()}::timestamptz
        WHERE id IN (
          SELECT id FROM alert_delivery
          WHERE channel = ${channel} AND status IN ('pending', 'sending') AND next_attempt_at <= ${now.toISOString()}::timestamptz
          ORDER BY next_attempt_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, message_id, alert_id, channel, recipient_id, attempts`,
  )
  return rows.map((r) => ({
    id: r.id,
    messageId: r.message_id,
    alertId: r.alert_id,
    channel: r.channel,
    recipientId: r.recipient_id,
    attempts: Number(r.attempts),
  }))
}

export async function loadMessages(db: Db, ids: string[]): Promise<DeliveryMessage[]> {
  if (ids.length === 0) return []
  return db
    .select({
      id: alertMessage.id,
      alertId: alertMessage.alertId,
      seq: alertMessage.seq,
      msgType: alertMessage.msgType,
      radiusKm: alertMessage.radiusKm,
      sentAt: alertMessage.sentAt,
      capXml: alertMessage.capXml,
      payload: alertMessage.payload,
    })
    .from(alertMessage)
    .where(inArray(alertMessage.id, ids))
}

/** What becomes of a delivery after an attempt; `retryAt` is set for a retry. */
export type Resolution = { status: 'delivered' } | { status: 'pending'; retryAt: Date } | { status: 'failed' | 'gone' }

/**
 * Writes an attempt's result. A failure is written only while this claim still holds (`attempts` unchanged): if
 * the lease ran out and another sender took the delivery over, that sender's result counts. A success is always
 * written, since the recipient has the message whatever the other attempt says.
 */
export async function recordAttempt(
  db: Db,
  delivery: ClaimedDelivery,
  outcome: SendOutcome,
  resolution: Resolution,
  at: Date,
  latencyMs: number | null,
): Promise<boolean> {
  const lastStatus = outcome.status ?? null
  const lastError = outcome.kind === 'delivered' ? null : (outcome.error ?? null)
  const common = { claimedUntil: null, lastStatus, lastError: lastError?.slice(0, 500) ?? null }
  if (resolution.status === 'delivered') {
    const done = await db
      .update(alertDelivery)
      .set({ ...common, status: 'delivered', deliveredAt: at, latencyMs })
      .where(and(eq(alertDelivery.id, delivery.id), inArray(alertDelivery.status, ['pending', 'sending'])))
      .returning({ id: alertDelivery.id })
    return done.length > 0
  }
  const done = await db
    .update(alertDelivery)
    .set({ ...common, status: resolution.status, ...(resolution.status === 'pending' ? { nextAttemptAt: resolution.retryAt } : {}) })
    .where(and(eq(alertDelivery.id, delivery.id), eq(alertDelivery.status, 'sending'), eq(alertDelivery.attempts, delivery.attempts)))
    .returning({ id: alertDelivery.id })
  return done.length > 0
}
