import { randomUUID } from 'node:crypto'
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { testDb, reopen } from '../../../platform/db/testing.ts'
import type { Database } from '../../../platform/db/client.ts'
import { manualClock, type ManualClock } from '../../../platform/clock.ts'
import { testLog } from '../../../platform/testing.ts'
import { alertDelivery } from '../tables.ts'
import { enqueueDeliveries } from './outbox.ts'
import { claimDue, recordAttempt } from './store.ts'
import { DeliveryDispatcher, type DispatcherOptions } from './dispatcher.ts'
import { makeMessage } from './testing.ts'
import type { ClaimedDelivery, DeliveryMessage, SendOutcome, Sender } from './types.ts'

let database: Database
let clock: ManualClock
const running: DeliveryDispatcher[] = []

beforeAll(async () => {
  database = await testDb()
})
afterAll(() => database?.close())
afterEach(async () => {
  await Promise.all(running.splice(0).map((d) => d.stop()))
  // Each test's clock starts later: what one test left pending would fall due in the next.
  await database.db.delete(alertDelivery)
})

const retry = { scheduleMs: [5000, 30_000], maxAttempts: 3, jitter: 0.2, maxRetryAfterMs: 3_600_000 }

function dispatcher(senders: DispatcherOptions['senders'], extra: Partial<DispatcherOptions> = {}, db = database.db) {
  const d = new DeliveryDispatcher({
    db,
    clock,
    log: testLog,
    senders,
    random: () => 0.5,
    config: { retry, sendTimeoutMs: 2000, leaseMs: 30_000, pollMs: 60_000, ...extra.config },
    ...extra,
  })
  running.push(d)
  return d
}

async function queue(recipients: number, channel: 'webhook' | 'push' = 'webhook', db = database.db) {
  const message = await makeMessage(db, { sentAt: clock.now() })
  const recipientIds = Array.from({ length: recipients }, () => randomUUID())
  await enqueueDeliveries(db, { messageId: message.id, alertId: message.alertId, channel, recipientIds, now: clock.now() })
  return { message, recipientIds }
}

const rowsOf = (message: DeliveryMessage, db = database.db) =>
  db.select().from(alertDelivery).where(eq(alertDelivery.messageId, message.id))

/** A sender that answers from a script per recipient, and logs every call. */
function scripted(answer: (delivery: ClaimedDelivery, call: number) => SendOutcome | Promise<SendOutcome>) {
  const calls: ClaimedDelivery[] = []
  const sender: Sender = async (delivery) => {
    calls.push(delivery)
    return answer(delivery, calls.filter((c) => c.id === delivery.id).length)
  }
  return { sender, calls }
}

describe('DeliveryDispatcher', () => {
  it('delivers on a kick and records the time from the message to the acknowledgement', async () => {
    clock = manualClock('2026-01-05T02:00:00Z')
    const { message } = await queue(3)
    const { sender, calls } = scripted(() => {
      clock.advance(250)
      return { kind: 'delivered', status: 204 }
    })
    // One at a time, so that each acknowledgement comes 250 ms after the previous one.
    const d = dispatcher({ webhook: sender }, { config: { concurrency: { webhook: 1, push: 1 } } })
    d.start()
    await d.idle()
    expect(calls).toHaveLength(3)
    expect(calls.every((c) => c.attempts === 1)).toBe(true)
    const rows = await rowsOf(message)
    expect(rows.map((r) => r.status)).toEqual(['delivered', 'delivered', 'delivered'])
    expect(rows.map((r) => r.latencyMs).sort()).toEqual([250, 500, 750])
    expect(rows.every((r) => r.lastStatus === 204 && r.claimedUntil === null && r.deliveredAt !== null)).toBe(true)
  })

  it('retries a retryable failure on the backoff schedule, then fails the delivery when attempts run out', async () => {
    clock = manualClock('2026-01-05T03:00:00Z')
    const { message } = await queue(1)
    const { sender, calls } = scripted(() => ({ kind: 'retryable', status: 503, error: 'HTTP 503' }))
    const d = dispatcher({ webhook: sender })
    d.start()
    await d.idle()
    let [row] = await rowsOf(message)
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 503, lastError: 'HTTP 503' })
    expect(row.nextAttemptAt.getTime() - clock.now().getTime()).toBe(5000)

    clock.advance(4999)
    d.kick()
    await d.idle()
    expect(calls).toHaveLength(1)
    clock.advance(1)
    d.kick()
    await d.idle()
    ;[row] = await rowsOf(message)
    expect(row).toMatchObject({ status: 'pending', attempts: 2 })
    expect(row.nextAttemptAt.getTime() - clock.now().getTime()).toBe(30_000)

    clock.advance(30_000)
    d.kick()
    await d.idle()
    ;[row] = await rowsOf(message)
    expect(row).toMatchObject({ status: 'failed', attempts: 3, lastError: 'HTTP 503' })
    expect(calls).toHaveLength(3)
  })

  it('waits as long as the recipient’s Retry-After asks, and succeeds on a later attempt', async () => {
    clock = manualClock('2026-01-05T04:00:00Z')
    const { message } = await queue(1)
    const { sender } = scripted((_, call) =>
      call === 1 ? { kind: 'retryable', status: 429, error: 'HTTP 429', retryAfterMs: 120_000 } : { kind: 'delivered', status: 200 },
    )
    const d = dispatcher({ webhook: sender })
    d.start()
    await d.idle()
    const [row] = await rowsOf(message)
    expect(row.nextAttemptAt.getTime() - clock.now().getTime()).toBe(120_000)
    clock.advance(120_000)
    d.kick()
    await d.idle()
    expect((await rowsOf(message))[0]).toMatchObject({ status: 'delivered', attempts: 2, lastError: null })
  })

  it('marks gone and rejected recipients, and tells the channel about the gone ones', async () => {
    clock = manualClock('2026-01-05T05:00:00Z')
    const { message, recipientIds } = await queue(2, 'push')
    const [goneId] = recipientIds
    const { sender } = scripted((delivery) =>
      delivery.recipientId === goneId ? { kind: 'gone', status: 410 } : { kind: 'rejected', status: 400, error: 'HTTP 400' },
    )
    const told: string[] = []
    const d = dispatcher({ push: sender }, { onGone: async (delivery) => void told.push(delivery.recipientId) })
    d.start()
    await d.idle()
    const rows = await rowsOf(message)
    expect(Object.fromEntries(rows.map((r) => [r.recipientId, r.status]))).toEqual({ [goneId]: 'gone', [recipientIds[1]]: 'failed' })
    expect(told).toEqual([goneId])
  })

  it('gives up on an attempt after the timeout, aborting the sender, and retries it later', async () => {
    clock = manualClock('2026-01-05T06:00:00Z')
    const { message } = await queue(1)
    let aborted = false
    const sender: Sender = (_, __, signal) =>
      new Promise((resolve) => signal.addEventListener('abort', () => ((aborted = true), resolve({ kind: 'retryable', error: 'aborted' }))))
    const d = dispatcher({ webhook: sender }, { config: { sendTimeoutMs: 50, leaseMs: 30_000 } })
    d.start()
    await d.idle()
    expect(aborted).toBe(true)
    expect((await rowsOf(message))[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'no answer within 50 ms' })
  })

  it('keeps sending to the others while one recipient hangs: no head-of-line blocking', async () => {
    clock = manualClock('2026-01-05T07:00:00Z')
    const { message, recipientIds } = await queue(40)
    const slow = recipientIds[0]
    let slowTimedOut = false
    let delivered = 0
    const sender: Sender = async (delivery, _, signal) => {
      if (delivery.recipientId === slow) {
        await new Promise((resolve) => signal.addEventListener('abort', resolve))
        slowTimedOut = true
        return { kind: 'retryable', error: 'aborted' }
      }
      await new Promise((resolve) => setTimeout(resolve, 5))
      delivered++
      return { kind: 'delivered' }
    }
    // Four slots: the slow recipient holds one, the other three carry the 39 before it times out.
    const d = dispatcher({ webhook: sender }, { config: { concurrency: { webhook: 4, push: 4 }, sendTimeoutMs: 1500, leaseMs: 30_000 } })
    d.start()
    while (delivered < 39 && !slowTimedOut) await new Promise((resolve) => setTimeout(resolve, 10))
    expect({ delivered, slowTimedOut }).toEqual({ delivered: 39, slowTimedOut: false })
    await d.idle()
    const rows = await rowsOf(message)
    expect(rows.filter((r) => r.status === 'delivered')).toHaveLength(39)
    expect(rows.find((r) => r.recipientId === slow)).toMatchObject({ status: 'pending', attempts: 1 })
  })

  it('sends each channel from its own slots', async () => {
    clock = manualClock('2026-01-05T08:00:00Z')
    const pushes = await queue(30, 'push')
    const hooks = await queue(2, 'webhook')
    const order: string[] = []
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const push: Sender = async () => {
      await held
      return { kind: 'delivered' }
    }
    const webhook: Sender = async (delivery) => {
      order.push(delivery.recipientId)
      return { kind: 'delivered' }
    }
    const d = dispatcher({ push, webhook }, { config: { concurrency: { webhook: 1, push: 2 } } })
    d.start()
    // The push lane is full and stuck; the webhooks still go.
    while (order.length < 2) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(order.sort()).toEqual([...hooks.recipientIds].sort())
    release()
    await d.idle()
    expect((await rowsOf(pushes.message)).every((r) => r.status === 'delivered')).toBe(true)
  })
})

describe('durability', () => {
  it('retries a delivery whose sender crashed mid-send once the claim expires, after a restart, logging it once', async () => {
    const disk = await testDb({ onDisk: true })
    try {
      clock = manualClock('2026-01-05T09:00:00Z')
      const { message, recipientIds } = await queue(3, 'webhook', disk.db)
      // The crashed process: it claimed two deliveries and never finished them.
      const crashed = await claimDue(disk.db, 'webhook', 2, clock.now(), 30_000)
      expect(crashed).toHaveLength(2)

      const restarted = await reopen(disk)
      try {
        const { sender, calls } = scripted(() => ({ kind: 'delivered', status: 200 }))
        const d = dispatcher({ webhook: sender }, {}, restarted.db)
        d.start()
        await d.idle()
        // Only the unclaimed one goes at once; the claimed ones wait for their lease.
        expect(calls.map((c) => c.recipientId)).toEqual(recipientIds.filter((id) => !crashed.some((c) => c.recipientId === id)))
        clock.advance(30_000)
        d.kick()
        await d.idle()
        expect(calls).toHaveLength(3)
        expect(calls.filter((c) => crashed.some((x) => x.id === c.id)).every((c) => c.attempts === 2)).toBe(true)
        const rows = await rowsOf(message, restarted.db)
        expect(rows).toHaveLength(3)
        expect(rows.every((r) => r.status === 'delivered')).toBe(true)
        expect(new Set(rows.map((r) => r.recipientId))).toEqual(new Set(recipientIds))
        await d.stop()
      } finally {
        await restarted.close()
      }
    } finally {
      await disk.close()
    }
  })

  it('lets two dispatchers on one database share the work, each delivery sent once', async () => {
    clock = manualClock('2026-01-05T11:00:00Z')
    const { message } = await queue(200)
    const { sender, calls } = scripted(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1))
      return { kind: 'delivered' }
    })
    const config = { concurrency: { webhook: 8, push: 8 } }
    const first = dispatcher({ webhook: sender }, { config })
    const second = dispatcher({ webhook: sender }, { config })
    first.start()
    second.start()
    await Promise.all([first.idle(), second.idle()])
    expect(calls).toHaveLength(200)
    expect(new Set(calls.map((c) => c.id)).size).toBe(200)
    expect((await rowsOf(message)).every((r) => r.status === 'delivered' && r.attempts === 1)).toBe(true)
  })

  it('lets a late failure from an expired claim not overwrite the attempt that took over', async () => {
    clock = manualClock('2026-01-05T10:00:00Z')
    const { message } = await queue(1)
    const [first] = await claimDue(database.db, 'webhook', 1, clock.now(), 1000)
    clock.advance(1000)
    const [second] = await claimDue(database.db, 'webhook', 1, clock.now(), 30_000)
    expect(second.id).toBe(first.id)
    expect(second.attempts).toBe(2)
    expect(await recordAttempt(database.db, first, { kind: 'rejected', error: 'late' }, { status: 'failed' }, clock.now(), null)).toBe(
      false,
    )
    expect(await recordAttempt(database.db, second, { kind: 'delivered' }, { status: 'delivered' }, clock.now(), 5)).toBe(true)
    expect((await rowsOf(message))[0]).toMatchObject({ status: 'delivered', attempts: 2, latencyMs: 5 })
  })
})
