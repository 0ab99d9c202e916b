import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { testApp, type TestApp } from '../../../platform/http/testing.ts'
import { queryRows } from '../../../platform/db/client.ts'
import { makeUnit, makeUser, type TestUser } from '../../identity/testing.ts'
import { enqueueDeliveries } from '../delivery/outbox.ts'
import type { PartnerView, PartnerWithSecret } from './schema.ts'

let t: TestApp
const users: Record<string, TestUser> = {}

async function signedIn(who: TestUser) {
  const client = t.client()
  expect((await client.login(who.user.username, who.password)).statusCode).toBe(200)
  return client
}

const auditOf = (id: string) =>
  queryRows<{ action: string; actor_id: string; details: Record<string, unknown> }>(
    t.platform.db,
    sql`SELECT action, actor_id, details FROM audit_entry WHERE resource_type = 'alert_partner' AND resource_id = ${id} ORDER BY id`,
  )

beforeAll(async () => {
  t = await testApp()
  const ctx = t.ctx()
  const nation = await makeUnit(ctx, { divisionCode: '000000' })
  const guangdong = await makeUnit(ctx, { divisionCode: '440000', parentId: nation.id })
  users.nationalAdmin = await makeUser(ctx, nation, ['admin'])
  users.provincialAdmin = await makeUser(ctx, guangdong, ['admin'])
  users.command = await makeUser(ctx, nation, ['command'])
})
afterAll(() => t?.close())

describe('partner routes', () => {
  it('registers a partner and shows its secret once, audited without the secret', async () => {
    const admin = await signedIn(users.nationalAdmin)
    const created = await admin.post('/api/alerts/partners', { name: '某地图 App', endpointUrl: 'http://127.0.0.1:9/hooks' })
    expect(created.statusCode).toBe(201)
    const { partner, secret }: PartnerWithSecret = created.json()
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32)
    expect(partner).toMatchObject({
      name: '某地图 App',
      endpointUrl: 'http://127.0.0.1:9/hooks',
      active: true,
      previousSecretExpiresAt: null,
    })

    const listed = await admin.get('/api/alerts/partners')
    expect(listed.body).not.toContain(secret.slice(6))
    expect((listed.json() as PartnerView[]).map((p) => p.id)).toContain(partner.id)
    const one = await admin.get(`/api/alerts/partners/${partner.id}`)
    expect(one.json()).toEqual(partner)
    expect(one.body).not.toContain('whsec_')

    const audit = await auditOf(partner.id)
    expect(audit).toMatchObject([{ action: 'alert.partner.create', actor_id: users.nationalAdmin.user.id }])
    expect(JSON.stringify(audit)).not.toContain(secret.slice(6))
  })

  it('edits, deactivates and rotates, each audited; rotation shows the new secret once', async () => {
    const admin = await signedIn(users.nationalAdmin)
    const { partner, secret }: PartnerWithSecret = (
      await admin.post('/api/alerts/partners', { name: '某出行 App', endpointUrl: 'http://localhost:8/h' })
    ).json()
    const edited = await admin.patch(`/api/alerts/partners/${partner.id}`, { name: '某出行', active: false })
    expect(edited.json()).toMatchObject({ name: '某出行', active: false })
    const rotated = await admin.post(`/api/alerts/partners/${partner.id}/rotate-secret`)
    expect(rotated.statusCode).toBe(200)
    const body: PartnerWithSecret = rotated.json()
    expect(body.secret).not.toBe(secret)
    expect(body.partner.previousSecretExpiresAt).toBe(new Date(t.clock.now().getTime() + 24 * 3_600_000).toISOString())
    const audit = await auditOf(partner.id)
    expect(audit.map((a) => a.action)).toEqual(['alert.partner.create', 'alert.partner.update', 'alert.partner.rotate_secret'])
    expect(audit[1].details).toEqual({ changed: { name: { from: '某出行 App', to: '某出行' }, active: { from: true, to: false } } })
    expect(JSON.stringify(audit)).not.toContain(body.secret.slice(6))
  })

  it('deletes a partner never sent anything, and keeps one with deliveries (409)', async () => {
    const admin = await signedIn(users.nationalAdmin)
    const unused: PartnerWithSecret = (
      await admin.post('/api/alerts/partners', { name: '未用', endpointUrl: 'http://127.0.0.1:7/h' })
    ).json()
    expect((await admin.delete(`/api/alerts/partners/${unused.partner.id}`)).statusCode).toBe(204)
    expect((await admin.get(`/api/alerts/partners/${unused.partner.id}`)).json()).toMatchObject({
      status: 404,
      code: 'alert_partner.not_found',
    })
    expect((await auditOf(unused.partner.id)).map((a) => a.action)).toEqual(['alert.partner.create', 'alert.partner.delete'])

    const used: PartnerWithSecret = (await admin.post('/api/alerts/partners', { name: '已用', endpointUrl: 'http://127.0.0.1:6/h' })).json()
    await enqueueDeliveries(t.platform.db, {
      messageId: randomUUID(),
      alertId: randomUUID(),
      channel: 'webhook',
      recipientIds: [used.partner.id],
      now: t.clock.now(),
    })
    const refused = await admin.delete(`/api/alerts/partners/${used.partner.id}`)
    expect(refused.json()).toMatchObject({ status: 409, code: 'alert_partner.has_deliveries' })
  })

  it('refuses endpoints that are not https on the public internet, naming the field', async () => {
    const admin = await signedIn(users.nationalAdmin)
    for (const endpointUrl of ['http://partner.example.com/h', 'https://10.0.0.8/h', 'https://169.254.169.254/x']) {
      const res = await admin.post('/api/alerts/partners', { name: '坏地址', endpointUrl })
      expect(res.statusCode, endpointUrl).toBe(400)
      expect(res.json()).toMatchObject({ code: 'alert_partner.bad_endpoint', errors: [{ path: '/endpointUrl' }] })
    }
    const { partner }: PartnerWithSecret = (
      await admin.post('/api/alerts/partners', { name: '好地址', endpointUrl: 'https://hooks.example.com/t' })
    ).json()
    const moved = await admin.patch(`/api/alerts/partners/${partner.id}`, { endpointUrl: 'https://192.168.0.2/t' })
    expect(moved.json()).toMatchObject({ status: 400, code: 'alert_partner.bad_endpoint' })
    const schema = await admin.post('/api/alerts/partners', { name: 'x', endpointUrl: 'https://hooks.example.com/t', secret: 'mine' })
    expect(schema.json()).toMatchObject({ status: 400, code: 'request.invalid' })
  })

  it('is for national admins only', async () => {
    const provincial = await signedIn(users.provincialAdmin)
    expect((await provincial.get('/api/alerts/partners')).json()).toMatchObject({ status: 403, code: 'alert_partner.national_only' })
    const created = await provincial.post('/api/alerts/partners', { name: '省级', endpointUrl: 'https://hooks.example.com/p' })
    expect(created.json()).toMatchObject({ status: 403, code: 'alert_partner.national_only' })
    const command = await signedIn(users.command)
    expect((await command.get('/api/alerts/partners')).json()).toMatchObject({ status: 403, code: 'auth.forbidden' })
    expect((await t.client().get('/api/alerts/partners')).statusCode).toBe(401)
  })
})

describe('plain http to this machine', () => {
  it('is refused when TUANYUAN_ALLOW_HTTP_WEBHOOKS is off, as in production', async () => {
    const strict = await testApp({ env: { TUANYUAN_ALLOW_HTTP_WEBHOOKS: 'false' } })
    try {
      const nation = await makeUnit(strict.ctx(), { divisionCode: '000000' })
      const admin = await makeUser(strict.ctx(), nation, ['admin'])
      const client = strict.client()
      await client.login(admin.user.username, admin.password)
      const res = await client.post('/api/alerts/partners', { name: '本机', endpointUrl: 'http://127.0.0.1:9/h' })
      expect(res.json()).toMatchObject({ status: 400, code: 'alert_partner.bad_endpoint', errors: [{ code: 'loopback' }] })
    } finally {
      await strict.close()
    }
  })
})
