import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { MINUTE } from '../../platform/clock.ts'
import { queryRows } from '../../platform/db/client.ts'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import type { UnitView } from '../identity/schema.ts'
import { makeCase, makeImage } from '../cases/testing.ts'
import { addCasePhoto } from '../cases/case-photos.ts'
import { transitionCase } from '../cases/index.ts'
import { listCaseTimeline } from '../cases/timeline.ts'
import { createPartner } from './partners/service.ts'
import { validateCap } from './cap/index.ts'
import { draftAlert, rejectDraft } from './drafts.ts'
import { approveAlert } from './publish.ts'
import { changeRadius, sweepAlertStages } from './stages.ts'
import { endAlert } from './end.ts'
import { subscribe } from './subscriptions.ts'
import { capFeed, capMessage, getPublicAlertPhoto, listPublicAlerts } from './public.ts'
import { pushKeysForTest } from './testing.ts'
import './case-hooks.ts'

let t: TestPlatform
let city: UnitView
let nanshan: UnitView
let futian: UnitView
let investigator: TestUser
let commander: TestUser
let cityCommander: TestUser
let futianCommander: TestUser

// Nanshan, Shenzhen: the last-seen point of every test case.
const CENTER = { lat: 22.53, lon: 113.93 }
/** A point `km` due north of the centre (1° of latitude = 111.195 km on the IUGG sphere). */
const north = (km: number) => ({ latitude: CENTER.lat + km / 111.195, longitude: CENTER.lon })

async function deliveries(alertId: string) {
  return queryRows<{ seq: number; channel: string; recipient_id: string; status: string }>(
    t.platform.db,
    sql`SELECT m.seq, d.channel, d.recipient_id, d.status FROM alert_delivery d JOIN alert_message m ON m.id = d.message_id
        WHERE d.alert_id = ${alertId} ORDER BY m.seq, d.channel, d.recipient_id`,
  )
}

beforeAll(async () => {
  t = await testPlatform()
  const nation = await makeUnit(t.ctx(), { divisionCode: '000000' })
  city = await makeUnit(t.ctx(), { divisionCode: '440300', parentId: nation.id })
  nanshan = await makeUnit(t.ctx(), { divisionCode: '440305', parentId: city.id })
  futian = await makeUnit(t.ctx(), { divisionCode: '440304', parentId: city.id })
  investigator = await makeUser(t.ctx(), nanshan, ['investigator'])
  commander = await makeUser(t.ctx(), nanshan, ['command'])
  cityCommander = await makeUser(t.ctx(), city, ['command'])
  futianCommander = await makeUser(t.ctx(), futian, ['command'])
  await createPartner(t.ctx(), { name: '某地图 App', endpointUrl: 'http://127.0.0.1:9/hook' })
})
afterAll(() => t?.close())

describe('drafting and approval', () => {
  it('publishes at the radius reached, to partners and exactly the subscribers inside it, with a valid CAP Alert', async () => {
    const subscribers = await Promise.all(
      [10, 99, 101, 150, 250].map((km) => subscribe(t.ctx(), { ...north(km), ...pushKeysForTest(km), locale: 'zh-CN' })),
    )
    const kase = await makeCase(t.ctx(investigator.actor), nanshan, {
      lastSeen: { at: new Date(t.clock.now().getTime() - 20 * MINUTE).toISOString(), lat: CENTER.lat, lon: CENTER.lon },
    })
    const photo = await addCasePhoto(t.ctx(investigator.actor), kase.id, await makeImage('png', 1600, 1200))
    const draft = await draftAlert(t.ctx(investigator.actor), {
      contactPhone: '0755-26543110',
      caseId: kase.id,
      description: '穿红色上衣',
      photoId: photo.id,
    })
    expect(draft).toMatchObject({
      status: 'draft',
      radiusKm: null,
      details: { childName: '测试儿童', description: '穿红色上衣' },
      hasPhoto: true,
    })

    await expect(approveAlert(t.ctx(futianCommander.actor), draft.id)).rejects.toMatchObject({ kind: 'not_found' })
    await expect(approveAlert(t.ctx(investigator.actor), draft.id)).rejects.toMatchObject({ kind: 'forbidden' })
    const published = await approveAlert(t.ctx(commander.actor), draft.id)
    expect(published.alert).toMatchObject({ status: 'active', radiusKm: 100 })
    expect(published.stages.map((s) => [s.stageNo, s.radiusKm, s.sentAt !== null])).toEqual([
      [0, 100, true],
      [1, 200, false],
      [2, 300, false],
      [3, 500, false],
    ])
    const [message] = published.messages
    expect(message).toMatchObject({ seq: 1, msgType: 'Alert', radiusKm: 100 })
    const xml = await capMessage(t.ctx(), message.id)
    expect(await validateCap(xml)).toEqual({ valid: true, errors: [] })
    expect(xml).toContain('<msgType>Alert</msgType>')
    expect(xml).toContain('<circle>22.53,113.93 100</circle>')
    expect(xml).toContain('<value>440305</value>')
    expect(xml).not.toContain('13800138000') // the reporter's phone never leaves in an alert

    const sent = await deliveries(draft.id)
    expect(sent.filter((d) => d.channel === 'webhook')).toHaveLength(1)
    expect(
      sent
        .filter((d) => d.channel === 'push')
        .map((d) => d.recipient_id)
        .sort(),
    ).toEqual([subscribers[0].id, subscribers[1].id].sort())

    const photoBytes = await getPublicAlertPhoto(t.ctx(), draft.id)
    expect(photoBytes.contentType).toBe('image/jpeg')
    expect((await listPublicAlerts(t.ctx(), { lat: 23, lon: 114 })).map((a) => a.id)).toContain(draft.id)
  })

  it('keeps a returned draft unpublished with the approver’s note, and refuses a second open alert for the case', async () => {
    const kase = await makeCase(t.ctx(investigator.actor), nanshan)
    const draft = await draftAlert(t.ctx(investigator.actor), { contactPhone: '0755-26543110', caseId: kase.id, description: '走失' })
    await expect(
      draftAlert(t.ctx(investigator.actor), { contactPhone: '0755-26543110', caseId: kase.id, description: '再次' }),
    ).rejects.toMatchObject({ code: 'alert.already_open' })
    const returned = await rejectDraft(t.ctx(cityCommander.actor), draft.id, { note: '请补充衣着' })
    expect(returned).toMatchObject({ status: 'draft', rejectedNote: '请补充衣着' })
    // A city commander is above the county: the approval is theirs to give.
    const published = await approveAlert(t.ctx(cityCommander.actor), draft.id)
    expect(published.alert.status).toBe('active')
    await expect(approveAlert(t.ctx(cityCommander.actor), draft.id)).rejects.toMatchObject({ code: 'alert.wrong_status' })
  })
})

describe('staged widening', () => {
  it('widens on time, tells only the newly covered subscribers, and never repeats a stage', async () => {
    const near = await subscribe(t.ctx(), { ...north(50), ...pushKeysForTest(1050), locale: 'en' })
    const middle = await subscribe(t.ctx(), { ...north(180), ...pushKeysForTest(1180), locale: 'zh-CN' })
    const kase = await makeCase(t.ctx(investigator.actor), nanshan, {
      lastSeen: { at: t.clock.now().toISOString(), lat: CENTER.lat, lon: CENTER.lon },
    })
    const draft = await draftAlert(t.ctx(investigator.actor), { contactPhone: '0755-26543110', caseId: kase.id, description: '走失' })
    await approveAlert(t.ctx(commander.actor), draft.id)
    const pushTo = async (seq: number) =>
      (await deliveries(draft.id)).filter((d) => d.seq === seq && d.channel === 'push').map((d) => d.recipient_id)
    expect(await pushTo(1)).toContain(near.id)
    expect(await pushTo(1)).not.toContain(middle.id)

    // Other tests' alerts widen on the same clock: count this alert's messages.
    const messages = async () => {
      await sweepAlertStages(t.ctx())
      const [{ n }] = await queryRows<{ n: number }>(
        t.platform.db,
        sql`SELECT count(*)::int AS n FROM alert_message WHERE alert_id = ${draft.id}`,
      )
      return n
    }
    t.clock.advance(59 * MINUTE)
    expect(await messages()).toBe(1)
    t.clock.advance(2 * MINUTE)
    expect(await messages()).toBe(2)
    expect(await messages()).toBe(2)
    const second = await pushTo(2)
    expect(second).toContain(middle.id)
    expect(second).not.toContain(near.id)
    const [update] = await queryRows<{ cap_xml: string; radius_km: number }>(
      t.platform.db,
      sql`SELECT cap_xml, radius_km FROM alert_message WHERE alert_id = ${draft.id} AND seq = 2`,
    )
    expect(update.radius_km).toBe(200)
    expect(update.cap_xml).toContain('<msgType>Update</msgType>')
    expect(update.cap_xml).toMatch(/<references>[^,<]+,tuanyuan-[0-9a-f-]{36},\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00<\/references>/)
    expect((await validateCap(update.cap_xml)).valid).toBe(true)

    // A sweep that comes hours late sends only the widest stage due, once.
    t.clock.advance(5 * 60 * MINUTE)
    expect(await messages()).toBe(3)
    const [{ n, radius }] = await queryRows<{ n: number; radius: number }>(
      t.platform.db,
      sql`SELECT count(*)::int AS n, max(radius_km) AS radius FROM alert_message WHERE alert_id = ${draft.id}`,
    )
    expect([n, radius]).toEqual([3, 500])
    const stages = await queryRows<{ stage_no: number; skipped: boolean; sent: boolean }>(
      t.platform.db,
      sql`SELECT stage_no, skipped, message_id IS NOT NULL AS sent FROM alert_stage WHERE alert_id = ${draft.id} ORDER BY stage_no`,
    )
    expect(stages.map((s) => [s.stage_no, s.sent, s.skipped])).toEqual([
      [0, true, false],
      [1, true, false],
      [2, false, true],
      [3, true, false],
    ])
  })

  it('lets the approver set the radius by hand, after which the schedule no longer moves it', async () => {
    const kase = await makeCase(t.ctx(investigator.actor), nanshan, {
      lastSeen: { at: t.clock.now().toISOString(), lat: CENTER.lat, lon: CENTER.lon },
    })
    const draft = await draftAlert(t.ctx(investigator.actor), { contactPhone: '0755-26543110', caseId: kase.id, description: '走失' })
    await approveAlert(t.ctx(commander.actor), draft.id)
    await expect(changeRadius(t.ctx(investigator.actor), draft.id, { radiusKm: 50, reason: '已锁定区域' })).rejects.toMatchObject({
      kind: 'forbidden',
    })
    const narrowed = await changeRadius(t.ctx(commander.actor), draft.id, { radiusKm: 50, reason: '已锁定区域' })
    expect(narrowed.alert).toMatchObject({ radiusKm: 50, manualRadius: true })
    expect(narrowed.stages.filter((s) => s.sentAt === null).every((s) => s.skipped)).toBe(true)
    t.clock.advance(4 * 60 * MINUTE)
    await sweepAlertStages(t.ctx())
    const [{ n }] = await queryRows<{ n: number }>(
      t.platform.db,
      sql`SELECT count(*)::int AS n FROM alert_message WHERE alert_id = ${draft.id}`,
    )
    expect(n).toBe(2)
  })
})

describe('ending', () => {
  it('sends a Cancel to everyone told, and takes the found child off every public view at once', async () => {
    const kase = await makeCase(t.ctx(investigator.actor), nanshan, {
      lastSeen: { at: t.clock.now().toISOString(), lat: CENTER.lat, lon: CENTER.lon },
    })
    const photo = await addCasePhoto(t.ctx(investigator.actor), kase.id, await makeImage('jpeg'))
    const draft = await draftAlert(t.ctx(investigator.actor), {
      contactPhone: '0755-26543110',
      caseId: kase.id,
      description: '走失',
      photoId: photo.id,
    })
    const published = await approveAlert(t.ctx(commander.actor), draft.id)
    // Deliveries of the Alert count as made for this test: the Cancel goes to those told.
    await t.platform.db.execute(sql`UPDATE alert_delivery SET status = 'delivered' WHERE alert_id = ${draft.id}`)
    const told = (await deliveries(draft.id)).filter((d) => d.channel === 'push').map((d) => d.recipient_id)

    const ended = await endAlert(t.ctx(investigator.actor), draft.id, { reason: 'found' })
    expect(ended.alert).toMatchObject({ status: 'ended', endReason: 'found' })
    const cancel = ended.messages.at(-1)!
    expect(cancel.msgType).toBe('Cancel')
    const xml = await capMessage(t.ctx(), cancel.id)
    expect((await validateCap(xml)).valid).toBe(true)
    expect(xml).not.toContain('测试儿童')
    const cancelled = (await deliveries(draft.id)).filter((d) => d.seq === cancel.seq)
    expect(
      cancelled
        .filter((d) => d.channel === 'push')
        .map((d) => d.recipient_id)
        .sort(),
    ).toEqual([...told].sort())
    expect(cancelled.filter((d) => d.channel === 'webhook')).toHaveLength(1)

    await expect(getPublicAlertPhoto(t.ctx(), draft.id)).rejects.toMatchObject({ kind: 'not_found' })
    await expect(capMessage(t.ctx(), published.messages[0].id)).rejects.toMatchObject({ kind: 'not_found' })
    expect((await listPublicAlerts(t.ctx(), {})).map((a) => a.id)).not.toContain(draft.id)
    const feed = await capFeed(t.ctx())
    expect(feed).toContain(cancel.id)
    expect(feed).not.toContain(published.messages[0].id)
  })

  it('ends the alert when the case’s child is found, in the same step', async () => {
    const kase = await makeCase(t.ctx(investigator.actor), nanshan)
    const draft = await draftAlert(t.ctx(investigator.actor), { contactPhone: '0755-26543110', caseId: kase.id, description: '走失' })
    await approveAlert(t.ctx(commander.actor), draft.id)
    await transitionCase(t.ctx(investigator.actor), kase.id, { to: 'found', reason: '在公园找到' })
    expect((await listPublicAlerts(t.ctx(), {})).map((a) => a.id)).not.toContain(draft.id)
    const [row] = await queryRows<{ status: string; end_reason: string }>(
      t.platform.db,
      sql`SELECT status, end_reason FROM alert WHERE id = ${draft.id}`,
    )
    expect(row).toEqual({ status: 'ended', end_reason: 'found' })
    const oldestFirst = await listCaseTimeline(t.ctx(investigator.actor), kase.id)
    expect(oldestFirst.map((e) => e.kind)).toEqual(expect.arrayContaining(['alert.published', 'alert.ended', 'case.status']))
    const newestFirst = await listCaseTimeline(t.ctx(investigator.actor), kase.id, { order: 'desc' })
    expect(newestFirst.map((e) => e.id)).toEqual(oldestFirst.map((e) => e.id).reverse())
  })

  it('refuses an alert for a case whose child is no longer missing, or without coordinates', async () => {
    const found = await makeCase(t.ctx(investigator.actor), nanshan)
    await transitionCase(t.ctx(investigator.actor), found.id, { to: 'found', reason: '已找到' })
    await expect(
      draftAlert(t.ctx(investigator.actor), { contactPhone: '0755-26543110', caseId: found.id, description: 'x' }),
    ).rejects.toMatchObject({ code: 'alert.case_not_missing' })
    const ready = await makeCase(t.ctx(investigator.actor), nanshan)
    await expect(draftAlert(t.ctx(investigator.actor), { caseId: ready.id, description: 'x' })).rejects.toMatchObject({
      code: 'alert.contact_phone_required',
    })
    const vague = await makeCase(t.ctx(investigator.actor), nanshan, { lastSeen: { lat: undefined, lon: undefined } })
    await expect(
      draftAlert(t.ctx(investigator.actor), { contactPhone: '0755-26543110', caseId: vague.id, description: 'x' }),
    ).rejects.toMatchObject({ code: 'alert.no_coordinates' })
  })
})
