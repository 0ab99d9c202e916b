// The whole path of an alert, from approval to a partner's signed webhook and a subscriber's decrypted push,
// through the real dispatcher, a local partner server and a local push service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { Webhook } from 'standardwebhooks'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import type { UnitView } from '../identity/schema.ts'
import { makeCase } from '../cases/testing.ts'
import { DeliveryDispatcher } from './delivery/dispatcher.ts'
import { createWebhookSender } from './partners/index.ts'
import { createPartner } from './partners/service.ts'
import { startPartnerServer, type PartnerServer } from './partners/testing.ts'
import { LocalPushService } from './push/testing/push-service.ts'
import { createPushSender, vapidKeys } from './push-channel.ts'
import { useDeliveryKick } from './kick.ts'
import { draftAlert } from './drafts.ts'
import { approveAlert } from './publish.ts'
import { changeRadius } from './stages.ts'
import { endAlert } from './end.ts'
import { dropGoneSubscription, subscribe } from './subscriptions.ts'
import { pushSubscription } from './tables.ts'

let t: TestPlatform
let nanshan: UnitView
let investigator: TestUser
let commander: TestUser
let partner: PartnerServer
let partnerSecret: string
let pushService: LocalPushService
let dispatcher: DeliveryDispatcher

const CENTER = { lat: 22.53, lon: 113.93 }

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

beforeAll(async () => {
  t = await testPlatform()
  const nation = await makeUnit(t.ctx(), { divisionCode: '000000' })
  nanshan = await makeUnit(t.ctx(), { divisionCode: '440305', parentId: nation.id })
  investigator = await makeUser(t.ctx(), nanshan, ['investigator'])
  commander = await makeUser(t.ctx(), nanshan, ['command'])
  partner = await startPartnerServer()
  partnerSecret = (await createPartner(t.ctx(), { name: '合作 App', endpointUrl: partner.url })).secret
  pushService = await LocalPushService.start()
  dispatcher = new DeliveryDispatcher({
    db: t.platform.db,
    clock: t.clock,
    log: t.platform.log,
    senders: {
      webhook: createWebhookSender({ db: t.platform.db, clock: t.clock }),
      push: createPushSender(t.platform.db, t.config, { agent: pushService.agent }),
    },
    config: { pollMs: 50 },
    onGone: async (delivery) => dropGoneSubscription(t.ctx(), delivery.recipientId),
  })
  useDeliveryKick(t.platform.db, () => dispatcher.kick())
  dispatcher.start()
})
afterAll(async () => {
  await dispatcher?.stop()
  await partner?.close()
  await pushService?.close()
  await t?.close()
})

describe('an alert from approval to the public', () => {
  it('reaches the partner signed and the nearby subscriber encrypted, and the Cancel follows', async () => {
    const publicKey = (await vapidKeys(t.platform.db, t.config)).publicKey
    const near = pushService.subscribe({ applicationServerKey: publicKey })
    const far = pushService.subscribe({ applicationServerKey: publicKey })
    const nearSub = await subscribe(t.ctx(), { endpoint: near.endpoint, keys: near.keys, latitude: 22.6, longitude: 114.0, locale: 'en' })
    await subscribe(t.ctx(), { endpoint: far.endpoint, keys: far.keys, latitude: 31.23, longitude: 121.47, locale: 'zh-CN' })

    const kase = await makeCase(t.ctx(investigator.actor), nanshan, { lastSeen: { lat: CENTER.lat, lon: CENTER.lon } })
    const draft = await draftAlert(t.ctx(investigator.actor), { caseId: kase.id, description: '穿红色上衣', contactPhone: '0755-26543110' })
    await approveAlert(t.ctx(commander.actor), draft.id)

    await partner.waitFor(1)
    const [hook] = partner.received
    const verified = new Webhook(partnerSecret).verify(hook.body, {
      'webhook-id': String(hook.headers['webhook-id']),
      'webhook-timestamp': String(hook.headers['webhook-timestamp']),
      'webhook-signature': String(hook.headers['webhook-signature']),
    }) as { type: string; data: { alertId: string; msgType: string; details: { childName: string } } }
    expect(verified).toMatchObject({
      type: 'alert.published',
      data: { alertId: draft.id, msgType: 'Alert', details: { childName: '测试儿童' } },
    })
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(hook.body, hook.headers as Record<string, string>),
    ).toThrow()

    await until(() => pushService.receivedBy(near.id).length === 1)
    const [push] = pushService.receivedBy(near.id)
    expect(push.payload).toMatchObject({ title: 'Missing child: 测试儿童, male, 5', msgType: 'Alert', tag: `alert-${draft.id}` })
    expect(push.vapid.publicKey).toBe(publicKey)
    expect(push.urgency).toBe('high')
    expect(pushService.receivedBy(far.id)).toHaveLength(0)

    await endAlert(t.ctx(investigator.actor), draft.id, { reason: 'found' })
    await partner.waitFor(2)
    expect(JSON.parse(partner.received[1].body)).toMatchObject({ type: 'alert.cancelled', data: { msgType: 'Cancel', details: null } })
    await until(() => pushService.receivedBy(near.id).length === 2)
    expect(pushService.receivedBy(near.id)[1].payload).toMatchObject({ msgType: 'Cancel', tag: `alert-${draft.id}` })
    expect(pushService.receivedBy(far.id)).toHaveLength(0)
    expect(nearSub.id).toBeTruthy()
  })

  it('deletes a subscription the push service says is gone', async () => {
    const publicKey = (await vapidKeys(t.platform.db, t.config)).publicKey
    const browser = pushService.subscribe({ applicationServerKey: publicKey })
    const { id } = await subscribe(t.ctx(), {
      endpoint: browser.endpoint,
      keys: browser.keys,
      latitude: 22.6,
      longitude: 114.0,
      locale: 'zh-CN',
    })
    pushService.unsubscribe(browser.id)
    const kase = await makeCase(t.ctx(investigator.actor), nanshan, { lastSeen: { lat: CENTER.lat, lon: CENTER.lon } })
    const draft = await draftAlert(t.ctx(investigator.actor), { caseId: kase.id, description: '走失', contactPhone: '0755-26543110' })
    await approveAlert(t.ctx(commander.actor), draft.id)
    await until(async () => (await t.platform.db.select().from(pushSubscription).where(eq(pushSubscription.id, id))).length === 0)
    // A later widening no longer selects the deleted subscriber.
    const widened = await changeRadius(t.ctx(commander.actor), draft.id, { radiusKm: 150, reason: '扩大范围' })
    expect(widened.alert.radiusKm).toBe(150)
    expect(pushService.answers.filter((a) => a.subscriptionId === browser.id).map((a) => a.status)).toEqual([410])
  })
})
