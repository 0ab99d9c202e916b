import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { testApp, type TestApp } from '../../platform/http/testing.ts'
import { queryRows } from '../../platform/db/client.ts'
import { makeUnit, makeUser, type TestUser } from './testing.ts'
import type { UnitView } from './schema.ts'

let t: TestApp
const units: Record<string, UnitView> = {}
const admins: Record<string, TestUser> = {}

async function signedIn(who: TestUser) {
  const client = t.client()
  expect((await client.login(who.user.username, who.password)).statusCode).toBe(200)
  return client
}

beforeAll(async () => {
  t = await testApp()
  const ctx = t.ctx()
  units.nation = await makeUnit(ctx, { divisionCode: '000000', name: '测试部' })
  units.gd = await makeUnit(ctx, { divisionCode: '440000', parentId: units.nation.id })
  units.sz = await makeUnit(ctx, { divisionCode: '440300', parentId: units.gd.id })
  units.nanshan = await makeUnit(ctx, { divisionCode: '440305', parentId: units.sz.id })
  units.futian = await makeUnit(ctx, { divisionCode: '440304', parentId: units.sz.id })
  units.civil = await makeUnit(ctx, { divisionCode: '440300', parentId: units.sz.id, type: 'civil_affairs' })
  for (const key of ['gd', 'nanshan', 'futian']) admins[key] = await makeUser(ctx, units[key], ['admin'])
})
afterAll(() => t?.close())

describe('jurisdiction scoping', () => {
  it('shows a county admin only its own county, by list and by id', async () => {
    const futian = await signedIn(admins.futian)
    const nanshanUser = await makeUser(t.ctx(), units.nanshan, ['investigator'])
    const unitIds = (await futian.get('/api/units')).json().map((u: UnitView) => u.id)
    expect(unitIds).toContain(units.futian.id)
    expect(unitIds).not.toContain(units.nanshan.id)
    const users = (await futian.get('/api/users')).json().map((u: { id: string }) => u.id)
    expect(users).toContain(admins.futian.user.id)
    expect(users).not.toContain(nanshanUser.user.id)
    const byId = await futian.patch(`/api/users/${nanshanUser.user.id}`, { displayName: '改名' })
    expect(byId.statusCode).toBe(404)
    expect(byId.json().code).toBe('user.not_found')
    const filtered = await futian.get(`/api/users?unitId=${units.nanshan.id}`)
    expect(filtered.json()).toEqual([])
  })

  it('lets a province admin read and manage its counties', async () => {
    const province = await signedIn(admins.gd)
    const nanshanUser = await makeUser(t.ctx(), units.nanshan, ['investigator'])
    const users = (await province.get('/api/users')).json().map((u: { id: string }) => u.id)
    expect(users).toEqual(expect.arrayContaining([nanshanUser.user.id, admins.futian.user.id]))
    const renamed = await province.patch(`/api/users/${nanshanUser.user.id}`, { displayName: '新名字' })
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json().displayName).toBe('新名字')
  })

  it('refuses to create a unit outside the caller’s jurisdiction or inconsistent with the tree', async () => {
    const futian = await signedIn(admins.futian)
    const outside = await futian.post('/api/units', {
      name: '南山某所',
      type: 'public_security',
      level: 'county',
      divisionCode: '440305',
      parentId: units.sz.id,
    })
    expect(outside.statusCode).toBe(404)
    const province = await signedIn(admins.gd)
    const wrongLevel = await province.post('/api/units', {
      name: '错级单位',
      type: 'public_security',
      level: 'city',
      divisionCode: '440305',
      parentId: units.sz.id,
    })
    expect(wrongLevel.json()).toMatchObject({ code: 'unit.level_mismatch', errors: [{ path: '/level' }] })
    const ok = await province.post('/api/units', {
      name: '广州市公安局',
      type: 'public_security',
      level: 'city',
      divisionCode: '440100',
      parentId: units.gd.id,
    })
    expect(ok.statusCode).toBe(201)
    expect(ok.json().divisionName).toBe('广州市')
  })

  it('keeps police roles out of non-police units', async () => {
    const province = await signedIn(admins.gd)
    const res = await province.post('/api/users', {
      username: 'mz-analyst',
      displayName: '民政',
      unitId: units.civil.id,
      roles: ['dna_analyst'],
      password: 'Strong-Password-1',
    })
    expect(res.json()).toMatchObject({ status: 400, code: 'user.role_needs_police_unit' })
  })
})

describe('role limits', () => {
  it('refuses admin pages to other roles and audits the denial', async () => {
    const caseworker = await makeUser(t.ctx(), units.civil, ['caseworker'])
    const client = await signedIn(caseworker)
    const res = await client.get('/api/users')
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('auth.forbidden')
    const [denied] = await queryRows<{ outcome: string; action: string }>(
      t.platform.db,
      sql`SELECT outcome, action FROM audit_entry WHERE actor_id = ${caseworker.user.id} AND outcome = 'denied'`,
    )
    expect(denied).toEqual({ outcome: 'denied', action: 'user.manage' })
    expect((await t.client().get('/api/users')).statusCode).toBe(401)
  })

  it('stops a disabled user at once', async () => {
    const victim = await makeUser(t.ctx(), units.nanshan, ['investigator'])
    const session = await signedIn(victim)
    const admin = await signedIn(admins.nanshan)
    expect((await admin.patch(`/api/users/${victim.user.id}`, { disabled: true })).statusCode).toBe(200)
    expect((await session.get('/api/auth/me')).statusCode).toBe(401)
    expect((await t.client().login(victim.user.username, victim.password)).json().code).toBe('auth.disabled')
  })
})

describe('API keys', () => {
  it('authenticates by bearer key within its scopes, audited as the key, until revoked', async () => {
    const admin = await signedIn(admins.gd)
    const created = await admin.post('/api/api-keys', {
      name: '省厅DNA实验室',
      unitId: units.gd.id,
      scopes: ['unit.read', 'dna.profile.write'],
    })
    expect(created.statusCode).toBe(201)
    const { secret, apiKey } = created.json()
    expect(secret).toMatch(/^ty_[A-Za-z0-9]{12}_/)
    const [stored] = await queryRows<{ secret_hash: string }>(t.platform.db, sql`SELECT secret_hash FROM api_key WHERE id = ${apiKey.id}`)
    expect(stored.secret_hash).not.toContain(secret.split('_')[2])

    const bearer = { authorization: `Bearer ${secret}` }
    const list = await t.app.inject({ method: 'GET', url: '/api/units', headers: bearer })
    expect(list.statusCode).toBe(200)
    expect(list.json().map((u: UnitView) => u.id)).toContain(units.nanshan.id)
    // No CSRF for bearer clients, but the scope still decides.
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: bearer,
      payload: { name: '珠海市公安局', type: 'public_security', level: 'city', divisionCode: '440400', parentId: units.gd.id },
    })
    expect(write.statusCode).toBe(403)
    const [entry] = await queryRows<{ actor_type: string }>(
      t.platform.db,
      sql`SELECT actor_type FROM audit_entry WHERE actor_id = ${apiKey.id} AND outcome = 'denied'`,
    )
    expect(entry.actor_type).toBe('api_key')

    expect((await admin.delete(`/api/api-keys/${apiKey.id}`)).statusCode).toBe(204)
    const revoked = await t.app.inject({ method: 'GET', url: '/api/units', headers: bearer })
    expect(revoked.statusCode).toBe(401)
    expect(revoked.json().code).toBe('auth.invalid_api_key')
  })

  it('refuses unknown scopes and DNA scopes for non-police units', async () => {
    const admin = await signedIn(admins.gd)
    expect((await admin.post('/api/api-keys', { name: 'x', unitId: units.gd.id, scopes: ['everything.all'] })).json().code).toBe(
      'apikey.unknown_scope',
    )
    expect((await admin.post('/api/api-keys', { name: 'x', unitId: units.civil.id, scopes: ['dna.profile.read'] })).json().code).toBe(
      'apikey.dna_scope_needs_police_unit',
    )
  })

  it('rejects a forged key with a known prefix', async () => {
    const admin = await signedIn(admins.gd)
    const { secret } = (await admin.post('/api/api-keys', { name: 'k', unitId: units.gd.id, scopes: ['unit.read'] })).json()
    const forged = `${secret.slice(0, 16)}${'A'.repeat(43)}`
    const res = await t.app.inject({ method: 'GET', url: '/api/units', headers: { authorization: `Bearer ${forged}` } })
    expect(res.statusCode).toBe(401)
  })
})

describe('divisions', () => {
  it('lists the GB/T 2260 tree from the data package', async () => {
    const client = await signedIn(admins.gd)
    const provinces = (await client.get('/api/divisions?parent=000000')).json()
    expect(provinces.length).toBeGreaterThanOrEqual(31)
    const shenzhen = (await client.get('/api/divisions?parent=440300')).json()
    expect(shenzhen).toContainEqual({ code: '440305', name: '南山区', level: 'county', parentCode: '440300' })
  })
})
