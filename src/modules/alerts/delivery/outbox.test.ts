import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { testDb } from '../../../platform/db/testing.ts'
import { queryRows, type Database } from '../../../platform/db/client.ts'
import { alertDelivery } from '../tables.ts'
import { enqueueDeliveries } from './outbox.ts'

let database: Database
beforeAll(async () => {
  database = await testDb()
})
afterAll(() => database?.close())

const now = new Date('2026-01-05T02:00:00.000Z')
const ids = (n: number) => Array.from({ length: n }, () => randomUUID())

describe('enqueueDeliveries', () => {
  it('queues one pending delivery per recipient, due at once', async () => {
    const messageId = randomUUID()
    const recipients = ids(3)
    const added = await enqueueDeliveries(database.db, {
      messageId,
      alertId: randomUUID(),
      channel: 'webhook',
      recipientIds: recipients,
      now,
    })
    expect(added).toBe(3)
    const rows = await database.db.select().from(alertDelivery).where(eq(alertDelivery.messageId, messageId))
    expect(rows.map((r) => r.recipientId).sort()).toEqual([...recipients].sort())
    for (const row of rows)
      expect(row).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now, channel: 'webhook' })
  })

  it('skips recipients already queued for the message and channel, and duplicates in the list', async () => {
    const messageId = randomUUID()
    const alertId = randomUUID()
    const [a, b, c] = ids(3)
    expect(await enqueueDeliveries(database.db, { messageId, alertId, channel: 'webhook', recipientIds: [a, b], now })).toBe(2)
    expect(await enqueueDeliveries(database.db, { messageId, alertId, channel: 'webhook', recipientIds: [a, b, c, c], now })).toBe(1)
    // The same recipient id on the other channel is another delivery.
    expect(await enqueueDeliveries(database.db, { messageId, alertId, channel: 'push', recipientIds: [a], now })).toBe(1)
    const [{ count }] = await queryRows<{ count: number }>(
      database.db,
      sql`SELECT count(*)::int AS count FROM alert_delivery WHERE message_id = ${messageId}`,
    )
    expect(count).toBe(4)
  })

  it('writes nothing when the transaction that queues rolls back', async () => {
    const messageId = randomUUID()
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueDeliveries(tx, { messageId, alertId: randomUUID(), channel: 'push', recipientIds: ids(5), now })
        throw new Error('approval failed')
      }),
    ).rejects.toThrow('approval failed')
    expect(await database.db.select().from(alertDelivery).where(eq(alertDelivery.messageId, messageId))).toEqual([])
  })

  it('inserts a list longer than one statement’s chunk completely', async () => {
    const messageId = randomUUID()
    const recipients = ids(45_000)
    const added = await enqueueDeliveries(database.db, { messageId, alertId: randomUUID(), channel: 'push', recipientIds: recipients, now })
    expect(added).toBe(45_000)
    const [{ count, distinct }] = await queryRows<{ count: number; distinct: number }>(
      database.db,
      sql`SELECT count(*)::int AS count, count(DISTINCT recipient_id)::int AS distinct FROM alert_delivery WHERE message_id = ${messageId}`,
    )
    expect({ count, distinct }).toEqual({ count: 45_000, distinct: 45_000 })
  })
})
