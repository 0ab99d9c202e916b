import { asc, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/client.ts'
import { queryRows } from '../../platform/db/client.ts'
import { enqueueDeliveries } from './delivery/outbox.ts'
import { SubscriberIndex } from './push/spatial-index.ts'
import { alert, alertMessage, alertPartner, pushSubscription } from './tables.ts'
import type { AlertRow, MessageRow, PushAudience } from './messages.ts'

/** One process's spatial index of push subscribers, caught up by subscriber number before each use. */
interface Subscribers {
  index: SubscriberIndex
  loadedUpTo: number
}

const indexes = new WeakMap<Db, Subscribers>()
const PAGE = 50_000

/** The subscriber index of this database, loaded on first use, caught up by number, told of removals by `noteRemoved`. */
export async function subscriberIndex(root: Db, reader: Db = root): Promise<SubscriberIndex> {
  let subscribers = indexes.get(root)
  if (!subscribers) {
    subscribers = { index: new SubscriberIndex(), loadedUpTo: 0 }
    indexes.set(root, subscribers)
  }
  // Catching up by number also picks up subscriptions another process (a second server) wrote.
  for (;;) {
    const rows = await reader
      .select({ num: pushSubscription.num, lat: pushSubscription.latitude, lon: pushSubscription.longitude })
      .from(pushSubscription)
      .where(gt(pushSubscription.num, subscribers.loadedUpTo))
      .orderBy(asc(pushSubscription.num))
      .limit(PAGE)
    for (const row of rows) {
      subscribers.index.add({ id: row.num, lat: row.lat, lon: row.lon })
      subscribers.loadedUpTo = row.num
    }
    if (rows.length < PAGE) return subscribers.index
  }
}

/** Forgets a subscriber (unsubscribed, or its push service said it is gone). */
export function noteRemoved(root: Db, subscriber: { num: number; latitude: number; longitude: number }): void {
  indexes.get(root)?.index.remove({ id: subscriber.num, lat: subscriber.latitude, lon: subscriber.longitude })
}

const CHUNK = 20_000

async function enqueuePush(tx: Db, row: AlertRow, message: MessageRow, audience: PushAudience, now: Date, root: Db): Promise<number> {
  const at = now.toISOString()
  if (audience === 'notified') {
    const [{ n }] = await queryRows<{ n: number }>(
      tx,
      sql`WITH added AS (
            INSERT INTO alert_delivery (message_id, alert_id, channel, recipient_id, status, next_attempt_at, created_at)
            SELECT DISTINCT ${message.id}::uuid, ${row.id}::uuid, 'push', d.recipient_id, 'pending', ${at}::timestamptz, ${at}::timestamptz
            FROM alert_delivery d
            WHERE d.alert_id = ${row.id} AND d.channel = 'push' AND d.status IN ('delivered', 'sending')
            ON CONFLICT (message_id, channel, recipient_id) DO NOTHING RETURNING 1)
          SELECT count(*)::int AS n FROM added`,
    )
    return Number(n)
  }
  const nums = (await subscriberIndex(root, tx)).selectWithin(row.centerLat, row.centerLon, message.radiusKm)
  let added = 0
  for (let start = 0; start < nums.length; start += CHUNK) {
    const list = Array.from(nums.subarray(start, start + CHUNK)).join(',')
    const onlyNew = audience === 'newly_in_radius'
    const [{ n }] = await queryRows<{ n: number }>(
      tx,
      sql`WITH added AS (
            INSERT INTO alert_delivery (message_id, alert_id, channel, recipient_id, status, next_attempt_at, created_at)
            SELECT ${message.id}::uuid, ${row.id}::uuid, 'push', s.id, 'pending', ${at}::timestamptz, ${at}::timestamptz
            FROM push_subscription s
            WHERE s.num = ANY(string_to_array(${list}, ',')::int[])
              AND (NOT ${onlyNew} OR NOT EXISTS (
                SELECT 1 FROM alert_delivery d WHERE d.alert_id = ${row.id} AND d.channel = 'push' AND d.recipient_id = s.id))
            -- In key order: the inserts then touch the primary-key index page by page, not at random.
            ORDER BY s.id
            ON CONFLICT (message_id, channel, recipient_id) DO NOTHING RETURNING 1)
          SELECT count(*)::int AS n FROM added`,
    )
    added += Number(n)
  }
  return added
}

/** Queues one message for every active partner, in the transaction that wrote it: webhooks leave at once. */
export async function queueWebhooks(tx: Db, row: AlertRow, message: MessageRow, now: Date): Promise<number> {
  const partners = await tx.select({ id: alertPartner.id }).from(alertPartner).where(eq(alertPartner.active, true))
  return enqueueDeliveries(tx, { messageId: message.id, alertId: row.id, channel: 'webhook', recipientIds: partners.map((p) => p.id), now })
}

/**
 * Queues the push deliveries of every message still waiting for them, oldest first per alert (a widening
 * tells only those not yet told, so the message before it must be queued first), each in its own
 * transaction. A message of an alert that has since ended, other than its Cancel, tells no one: the child
 * may already be found. Returns the deliveries queued.
 */
export async function queuePendingPushes(root: Db, now: () => Date): Promise<number> {
  const waiting = await root
    .select({ id: alertMessage.id })
    .from(alertMessage)
    .where(isNull(alertMessage.pushQueuedAt))
    .orderBy(asc(alertMessage.alertId), asc(alertMessage.seq))
  let queued = 0
  for (const { id } of waiting) {
    queued += await root.transaction(async (tx) => {
      const [message] = await tx.select().from(alertMessage).where(eq(alertMessage.id, id)).for('update')
      if (!message || message.pushQueuedAt) return 0
      const [row] = await tx.select().from(alert).where(eq(alert.id, message.alertId))
      const stale = row.status === 'ended' && message.msgType !== 'Cancel'
      const added = stale ? 0 : await enqueuePush(tx, row, message, message.pushAudience, now(), root)
      await tx.update(alertMessage).set({ pushQueuedAt: now() }).where(eq(alertMessage.id, id))
      return added
    })
  }
  return queued
}
