import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { Webhook, WebhookVerificationError } from 'standardwebhooks'
import { testPlatform, testLog, type TestPlatform } from '../../../platform/testing.ts'
import { alertDelivery } from '../tables.ts'
import { DeliveryDispatcher } from '../delivery/dispatcher.ts'
import { enqueueDeliveries } from '../delivery/outbox.ts'
import { makeMessage } from '../delivery/testing.ts'
import type { DeliveryMessage } from '../delivery/types.ts'
import { createPartner, generateSecret, listActivePartnerIds, rotatePartnerSecret, updatePartner } from './service.ts'
import { createWebhookSender } from './webhook-sender.ts'
import { startPartnerServer, type PartnerServer, type Responder } from './testing.ts'

let t: TestPlatform
const servers: PartnerServer[] = []
const dispatchers: DeliveryDispatcher[] = []

beforeAll(async () => {
  t = await testPlatform()
})
afterAll(() => t?.close())
afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((d) => d.stop()))
  await Promise.all(servers.splice(0).map((s) => s.close()))
  // Partners and deliveries of one test must not receive the next test's messages.
  for (const id of await listActivePartnerIds(t.platform.db)) await updatePartner(t.ctx(), id, { active: false })
  await t.platform.db.delete(alertDelivery)
})

async function partner(respond?: Responder) {
  const server = await startPartnerServer(respond)
  servers.push(server)
  const { partner, secret } = await createPartner(t.ctx(), { name: `合作方 ${servers.length}`, endpointUrl: server.url })
  return { server, partner, secret }
}

function startDispatcher(sendTimeoutMs = 2000) {
  const dispatcher = new DeliveryDispatcher({
    db: t.platform.db,
    clock: t.clock,
    log: testLog,
    senders: { webhook: createWebhookSender({ db: t.platform.db, clock: t.clock, partnerCacheMs: 0 }) },
    random: () => 0.5,
    config: {
      sendTimeoutMs,
      leaseMs: 30_000,
      pollMs: 60_000,
      retry: { scheduleMs: [5000, 30_000], maxAttempts: 4, jitter: 0.2, maxRetryAfterMs: 3_600_000 },
    },
  })
  dispatchers.push(dispatcher)
  dispatcher.start()
  return dispatcher
}

/** What the core does on approval: the message and its webhook deliveries in one transaction. */
async function publish(msgType: DeliveryMessage['msgType'] = 'Alert') {
  return t.platform.db.transaction(async (tx) => {
    const message = await makeMessage(tx, { msgType, sentAt: t.clock.now(), payload: { alertId: 'a-1', childName: '小明', radiusKm: 100 } })
    const recipientIds = await listActivePartnerIds(tx)
    await enqueueDeliveries(tx, { messageId: message.id, alertId: message.alertId, channel: 'webhook', recipientIds, now: t.clock.now() })
    return message
  })
}

const deliveriesOf = (message: DeliveryMessage) => t.platform.db.select().from(alertDelivery).where(eq(alertDelivery.messageId, message.id))
const headersOf = (server: PartnerServer, n = 0) => server.received[n].headers as Record<string, string>

describe('signed webhooks', () => {
  it('sends each partner the message signed with its own secret, as Standard Webhooks verifies it', async () => {
    const a = await partner()
    const b = await partner()
    const d = startDispatcher()
    const message = await publish('Update')
    d.kick()
    await Promise.all([a.server.waitFor(1), b.server.waitFor(1)])
    await d.idle()

    const request = a.server.received[0]
    const verified = new Webhook(a.secret).verify(request.body, headersOf(a.server))
    expect(verified).toEqual({
      type: 'alert.updated',
      timestamp: message.sentAt.toISOString(),
      data: { alertId: 'a-1', childName: '小明', radiusKm: 100 },
    })
    expect(request.headers['content-type']).toBe('application/json')
    expect(() => new Webhook(b.secret).verify(request.body, headersOf(a.server))).toThrow(WebhookVerificationError)
    expect(() => new Webhook(generateSecret()).verify(request.body, headersOf(a.server))).toThrow('No matching signature found')
    expect(() => new Webhook(a.secret).verify(request.body.replace('小明', '小红'), headersOf(a.server))).toThrow(WebhookVerificationError)
    expect(new Webhook(b.secret).verify(b.server.received[0].body, headersOf(b.server))).toMatchObject({ type: 'alert.updated' })

    const rows = await deliveriesOf(message)
    expect(rows.map((r) => r.status)).toEqual(['delivered', 'delivered'])
    const rowOfA = rows.find((r) => r.recipientId === a.partner.id)!
    expect(request.headers['webhook-id']).toBe(rowOfA.id)
    expect(rowOfA.lastStatus).toBe(204)
  })

  it('retries a failing endpoint with backoff, with the same webhook-id and body, until it answers', async () => {
    const flaky = await partner((_, attempt) => (attempt <= 2 ? { status: 500 } : { status: 200 }))
    const d = startDispatcher()
    const message = await publish()
    d.kick()
    await flaky.server.waitFor(1)
    await d.idle()
    let [row] = await deliveriesOf(message)
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500, lastError: 'HTTP 500' })
    expect(row.nextAttemptAt.getTime() - t.clock.now().getTime()).toBe(5000)

    t.clock.advance(5000)
    d.kick()
    await flaky.server.waitFor(2)
    await d.idle()
    ;[row] = await deliveriesOf(message)
    expect(row.nextAttemptAt.getTime() - t.clock.now().getTime()).toBe(30_000)
    t.clock.advance(30_000)
    d.kick()
    await flaky.server.waitFor(3)
    await d.idle()

    ;[row] = await deliveriesOf(message)
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 200, lastError: null })
    const ids = new Set(flaky.server.received.map((r) => r.headers['webhook-id']))
    expect(ids).toEqual(new Set([row.id]))
    expect(new Set(flaky.server.received.map((r) => r.body)).size).toBe(1)
    for (const request of flaky.server.received)
      expect(() => new Webhook(flaky.secret).verify(request.body, request.headers as Record<string, string>)).not.toThrow()
  })

  it('honours Retry-After on 429, and fails at once on 410 and other 4xx', async () => {
    const busy = await partner(() => ({ status: 429, headers: { 'retry-after': '90' } }))
    const gone = await partner(() => ({ status: 410 }))
    const bad = await partner(() => ({ status: 400 }))
    const d = startDispatcher()
    const message = await publish()
    d.kick()
    await Promise.all([busy.server.waitFor(1), gone.server.waitFor(1), bad.server.waitFor(1)])
    await d.idle()
    const rows = new Map((await deliveriesOf(message)).map((r) => [r.recipientId, r]))
    expect(rows.get(busy.partner.id)).toMatchObject({ status: 'pending', lastStatus: 429 })
    expect(rows.get(busy.partner.id)!.nextAttemptAt.getTime() - t.clock.now().getTime()).toBe(90_000)
    expect(rows.get(gone.partner.id)).toMatchObject({ status: 'failed', lastStatus: 410 })
    expect(rows.get(bad.partner.id)).toMatchObject({ status: 'failed', lastStatus: 400 })
  })

  it('logs and sends the same message to the same partner once, however often it is queued', async () => {
    const p = await partner()
    const d = startDispatcher()
    const message = await publish()
    await enqueueDeliveries(t.platform.db, {
      messageId: message.id,
      alertId: message.alertId,
      channel: 'webhook',
      recipientIds: [p.partner.id],
      now: t.clock.now(),
    })
    d.kick()
    await p.server.waitFor(1)
    await d.idle()
    await enqueueDeliveries(t.platform.db, {
      messageId: message.id,
      alertId: message.alertId,
      channel: 'webhook',
      recipientIds: [p.partner.id],
      now: t.clock.now(),
    })
    t.clock.advance(3_600_000)
    d.kick()
    await d.idle()
    expect(p.server.received).toHaveLength(1)
    expect(await deliveriesOf(message)).toHaveLength(1)
  })

  it('keeps delivering to the other partners while one hangs and one fails', async () => {
    const hanging = await partner(() => ({ status: 204, delayMs: 5000 }))
    const failing = await partner(() => ({ status: 500 }))
    const healthy = await Promise.all(Array.from({ length: 8 }, () => partner()))
    const d = startDispatcher(1500)
    await publish()
    const kicked = performance.timeOrigin + performance.now()
    d.kick()
    await Promise.all(healthy.map((h) => h.server.waitFor(1)))
    const slowest = Math.max(...healthy.map((h) => h.server.received[0].receivedAt - kicked))
    // Far below the hanging endpoint's 1.5 s timeout: the others never waited for it.
    expect(slowest).toBeLessThan(750)
    await d.idle()
    expect(failing.server.received).toHaveLength(1)
    expect(hanging.server.received).toHaveLength(1)
  })

  it('signs with both secrets for a day after a rotation, so the partner can switch without a gap', async () => {
    const p = await partner()
    const rotated = await rotatePartnerSecret(t.ctx(), p.partner.id)
    const d = startDispatcher()
    await publish()
    d.kick()
    await p.server.waitFor(1)
    const request = p.server.received[0]
    expect(String(request.headers['webhook-signature']).split(' ')).toHaveLength(2)
    expect(() => new Webhook(p.secret).verify(request.body, request.headers as Record<string, string>)).not.toThrow()
    expect(() => new Webhook(rotated.secret).verify(request.body, request.headers as Record<string, string>)).not.toThrow()

    t.clock.advance(24 * 3_600_000 + 1)
    await publish()
    d.kick()
    await p.server.waitFor(2)
    const later = p.server.received[1]
    expect(String(later.headers['webhook-signature']).split(' ')).toHaveLength(1)
    expect(() => new Webhook(p.secret).verify(later.body, later.headers as Record<string, string>)).toThrow(WebhookVerificationError)
  })

  it('sends nothing to a partner deactivated after the message was queued', async () => {
    const p = await partner()
    const message = await publish()
    await updatePartner(t.ctx(), p.partner.id, { active: false })
    const d = startDispatcher()
    await d.idle()
    expect(p.server.received).toHaveLength(0)
    expect((await deliveriesOf(message))[0]).toMatchObject({ status: 'failed', lastError: 'the partner is deactivated' })
  })
})
