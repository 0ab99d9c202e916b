import { proofOfWorkHeaders } from '../../platform/http/abuse/testing.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../../platform/http/testing.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import type { UnitView } from '../identity/schema.ts'
import { makeCase, makeImage } from '../cases/testing.ts'
import { addCasePhoto } from '../cases/case-photos.ts'
import { validateCap } from './cap/index.ts'
import { pushKeysForTest } from './testing.ts'
import { draftAlert } from './drafts.ts'
import { approveAlert } from './publish.ts'
import { systemActor } from '../../platform/auth/actor.ts'
import type { AlertView, AlertWorkspace, PublicAlert } from './schema.ts'

let t: TestApp
let nanshan: UnitView
const users: Record<string, TestUser> = {}

async function signedIn(who: string) {
  const client = t.client()
  expect((await client.login(users[who].user.username, users[who].password)).statusCode).toBe(200)
  return client
}

beforeAll(async () => {
  t = await testApp()
  const ctx = t.ctx()
  const nation = await makeUnit(ctx, { divisionCode: '000000' })
  const city = await makeUnit(ctx, { divisionCode: '440300', parentId: nation.id })
  nanshan = await makeUnit(ctx, { divisionCode: '440305', parentId: city.id })
  const futian = await makeUnit(ctx, { divisionCode: '440304', parentId: city.id })
  users.investigator = await makeUser(ctx, nanshan, ['investigator'])
  users.command = await makeUser(ctx, nanshan, ['command'])
  users.futianInvestigator = await makeUser(ctx, futian, ['investigator'])
  users.caseworker = await makeUser(ctx, nanshan, ['caseworker'])
})
afterAll(() => t?.close())

describe('the alert console over HTTP', () => {
  it('drafts, approves and ends an alert, with jurisdiction and role checks answered as problems', async () => {
    const kase = await makeCase(t.ctx(users.investigator.actor), nanshan)
    const photo = await addCasePhoto(t.ctx(users.investigator.actor), kase.id, await makeImage('webp', 600, 800))
    const investigator = await signedIn('investigator')

    const bad = await investigator.post('/api/alerts', {
      caseId: kase.id,
      description: '',
      contactPhone: '0755-26543110',
      childName: '改名',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/)

    const created = await investigator.post('/api/alerts', {
      caseId: kase.id,
      description: '穿红色上衣',
      contactPhone: '0755-26543110',
      photoId: photo.id,
    })
    expect(created.statusCode).toBe(201)
    const draft: AlertView = created.json()

    expect((await (await signedIn('futianInvestigator')).get(`/api/alerts/${draft.id}`)).statusCode).toBe(404)
    expect((await (await signedIn('caseworker')).get('/api/alerts')).statusCode).toBe(403)
    expect((await investigator.post(`/api/alerts/${draft.id}/approve`, {})).statusCode).toBe(403)

    const command = await signedIn('command')
    const approved = await command.post(`/api/alerts/${draft.id}/approve`, {})
    expect(approved.statusCode).toBe(200)
    const workspace: AlertWorkspace = approved.json()
    expect(workspace.alert.status).toBe('active')
    expect(workspace.channels.map((c) => c.channel)).toEqual(['webhook', 'push'])

    const anonymous = t.client()
    const list = await anonymous.get('/api/public/alerts?lat=22.6&lon=114.0')
    expect(list.statusCode).toBe(200)
    const [shown]: PublicAlert[] = list.json()
    expect(shown).toMatchObject({ id: draft.id, details: { childName: '测试儿童' } })
    expect(shown).not.toHaveProperty('caseId')
    expect(JSON.stringify(shown)).not.toContain('13800138000')
    const picture = await anonymous.get(new URL(shown.photoUrl!).pathname)
    expect(picture.statusCode).toBe(200)
    expect(picture.headers['content-type']).toBe('image/jpeg')

    const feed = await anonymous.get('/api/alerts/cap.atom')
    expect(feed.statusCode).toBe(200)
    expect(feed.headers['content-type']).toMatch(/application\/atom\+xml/)
    const capUrl = workspace.messages[0].capUrl
    expect(feed.body).toContain(capUrl)
    const cap = await anonymous.get(new URL(capUrl).pathname)
    expect(cap.headers['content-type']).toMatch(/application\/cap\+xml/)
    expect((await validateCap(cap.body)).valid).toBe(true)

    const ended = await investigator.post(`/api/alerts/${draft.id}/end`, { reason: 'found' })
    expect(ended.statusCode).toBe(200)
    expect((await anonymous.get(new URL(shown.photoUrl!).pathname)).statusCode).toBe(404)
    expect((await anonymous.get(`/api/public/alerts/${draft.id}`)).statusCode).toBe(404)
    const again = await investigator.post(`/api/alerts/${draft.id}/end`, { reason: 'found' })
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ code: 'alert.wrong_status' })
  })
})

describe('public Web Push subscriptions', () => {
  it('subscribes without sign-in, refuses malformed keys clearly, and unsubscribes only with the auth secret', async () => {
    const anonymous = t.client()
    const key = await anonymous.get('/api/public/alerts/push/key')
    expect(key.statusCode).toBe(200)
    expect(Buffer.from(key.json().publicKey, 'base64url')).toHaveLength(65)

    const browser = pushKeysForTest(7)
    // Like every public submission, a subscription carries a solved proof-of-work challenge.
    const subscribe = async (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/public/alerts/push/subscriptions', payload, headers: await proofOfWorkHeaders(t.app) })
    const unproven = await anonymous.post('/api/public/alerts/push/subscriptions', { ...browser, latitude: 22.6, longitude: 114.0 })
    expect(unproven.statusCode).toBe(403)
    expect(unproven.json()).toMatchObject({ code: 'intake.challenge_required' })
    const wrong = await subscribe({
      ...browser,
      keys: { ...browser.keys, p256dh: 'A'.repeat(87) },
      latitude: 22.6,
      longitude: 114.0,
    })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json()).toMatchObject({ code: 'push.bad_key' })

    const made = await subscribe({
      ...browser,
      latitude: 22.6,
      longitude: 114.0,
      locale: 'en',
    })
    expect(made.statusCode).toBe(201)
    const stranger = await anonymous.post('/api/public/alerts/push/unsubscribe', {
      endpoint: browser.endpoint,
      auth: pushKeysForTest(8).keys.auth,
    })
    expect(stranger.statusCode).toBe(404)
    const owner = await anonymous.post('/api/public/alerts/push/unsubscribe', { endpoint: browser.endpoint, auth: browser.keys.auth })
    expect(owner.statusCode).toBe(204)
  })
})

describe('alerts made by the system (CLI, demo seeder)', () => {
  it('lists and shows them, with the system actors named', async () => {
    const kase = await makeCase(t.ctx(), nanshan)
    const draft = await draftAlert(t.ctx(systemActor('demo-drafter')), {
      caseId: kase.id,
      description: '示例',
      contactPhone: '0755-26543110',
    })
    await approveAlert(t.ctx(systemActor('demo-approver')), draft.id)
    const command = await signedIn('command')
    const list = await command.get('/api/alerts')
    expect(list.statusCode).toBe(200)
    expect(list.json().find((a: AlertView) => a.id === draft.id)).toMatchObject({
      draftedBy: 'system:demo-drafter',
      approvedBy: 'system:demo-approver',
    })
    expect((await command.get(`/api/alerts/${draft.id}`)).statusCode).toBe(200)
  })
})
