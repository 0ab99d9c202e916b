import { sql } from 'drizzle-orm'
import { queryRows, type Db } from '../../../platform/db/client.ts'
import type { DeliveryChannel } from './types.ts'

export interface EnqueueInput {
  messageId: string
  alertId: string
  channel: DeliveryChannel
  recipientIds: readonly string[]
  now: Date
}

/** Ids per statement: one text parameter of ~0.7 MB, far below either driver's limits, and few round trips. */
const CHUNK = 20_000

/**
 * Queues `message` for every recipient on one channel, in the caller's transaction, so that the deliveries exist
 * exactly when the message does. Idempotent: a recipient already queued for this message and channel is skipped.
 * Returns how many deliveries were added. Kick the dispatcher after the transaction commits.
 */
export async function enqueueDeliveries(tx: Db, input: EnqueueInput): Promise<number> {
  let added = 0
  // In order, each chunk extends the (message, channel, recipient) index at one end instead of touching pages
  // all over it: 2.5 times faster at 200 000 recipients on PGlite, more as the index outgrows memory.
  const recipients = [...input.recipientIds].sort()
  for (let start = 0; start < recipients.length; start += CHUNK) {
    // One comma-joined parameter unnested in the database: a million recipients insert in a few dozen
    // statements, with the same SQL on PGlite and PostgreSQL.
    const ids = recipients.slice(start, start + CHUNK).join(',')
    const [row] = await queryRows<{ added: number | string }>(
      tx,
      sql`WITH added AS (
            INSERT INTO alert_delivery (message_id, alert_id, channel, recipient_id, status, next_attempt_at, created_at)
            SELECT ${input.messageId}::uuid, ${input.alertId}::uuid, ${input.channel}, recipient, 'pending', ${input.now.toISOString()}::timestamptz,
              ${input.now.toISOString()}::timestamptz
            FROM unnest(string_to_array(${ids}, ',')::uuid[]) AS recipient
            ON CONFLICT (message_id, channel, recipient_id) DO NOTHING
            RETURNING 1)
          SELECT count(*)::int AS added FROM added`,
    )
    added += Number(row.added)
  }
  return added
}
