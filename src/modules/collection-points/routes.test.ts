import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../../platform/http/testing.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import type { UnitView } from '../identity/schema.ts'
import { makeCollectionPoint, csvFile } from './testing.ts'
import type { CollectionPointView, PublicCollectionPointView } from './schema.ts'

let t: TestApp
const units: Record<string, UnitView> = {}
const users: Record<string, TestUser> = {}

async function signedIn(who: TestUser) {
  const client = t.client()
  expect((await client.login(who.user.username, who.password)).statusCode).toBe(200)
  return client
}

beforeAll(async () => {
  t = await testApp()
  const ctx = t.ctx()
  units.nation = await makeUnit(ctx, { divisionCode: '000000' })
  units.sz = await makeUnit(ctx, { divisionCode: '440300', parentId: units.nation.id })
  units.nanshan = await makeUnit(ctx, { divisionCode: '440305', parentId: units.sz.id })
  units.futian = await makeUnit(ctx, { divisionCode: '440304', parentId: units.sz.id })
  users.nanshanAdmin = await makeUser(ctx, units.nanshan, ['admin'])
  users.futianAdmin = await makeUser(ctx, units.futian, ['admin'])
  users.command = await makeUser(ctx, units.sz, ['command'])
})
afterAll(() => t?.close())

describe('managing points', () => {
  it('creates, edits and deactivates a point of the caller’s county', async () => {
    const client = await signedIn(users.nanshanAdmin)
    const created = await client.post('/api/collection-points', {
      name: '南山区采血点',
      address: '深圳市南山区某路 1 号',
      divisionCode: '440305',
      latitude: 22.5333,
      longitude: 113.9305,
      hours: '工作日 9:00-17:00',
    })
    expect(created.statusCode).toBe(201)
    const point: CollectionPointView = created.json()
    expect(point).toMatchObject({ unitId: units.nanshan.id, divisionName: '南山区', active: true })
    const edited = await client.patch(`/api/collection-points/${point.id}`, { phone: '0755-0000000' })
    expect(edited.json()).toMatchObject({ phone: '0755-0000000' })
    const deactivated = await client.post(`/api/collection-points/${point.id}/deactivate`)
    expect(deactivated.json().active).toBe(false)
    const listed = (await client.get('/api/collection-points')).json() as CollectionPointView[]
    expect(listed.find((p) => p.id === point.id)?.active).toBe(false)
  })

  it('answers 404 to a county admin editing a neighbouring county’s point, and hides it from the list', async () => {
    const neighbours = await makeCollectionPoint(t.ctx(), units.nanshan)
    const futian = await signedIn(users.futianAdmin)
    const edit = await futian.patch(`/api/collection-points/${neighbours.id}`, { name: '改名' })
    expect(edit.statusCode).toBe(404)
    expect(edit.json()).toMatchObject({ code: 'collection_point.not_found' })
    expect((await futian.post(`/api/collection-points/${neighbours.id}/deactivate`)).statusCode).toBe(404)
    const listed = (await futian.get('/api/collection-points')).json() as CollectionPointView[]
    expect(listed.map((p) => p.id)).not.toContain(neighbours.id)
  })

  it('refuses roles without collection_point.manage, and anonymous callers', async () => {
    const command = await signedIn(users.command)
    expect((await command.get('/api/collection-points')).json()).toMatchObject({ status: 403, code: 'auth.forbidden' })
    expect((await t.client().get('/api/collection-points')).statusCode).toBe(401)
  })

  it('validates bodies against the schema', async () => {
    const client = await signedIn(users.nanshanAdmin)
    const res = await client.post('/api/collection-points', {
      name: '经度越界',
      address: '某地',
      divisionCode: '440305',
      latitude: 22.5,
      longitude: 200,
      extra: 1,
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('request.invalid')
  })
})

describe('importing over HTTP', () => {
  it('answers 400 with every bad line, and imports a good file', async () => {
    const client = await signedIn(users.nanshanAdmin)
    const bad = await client.post(
      '/api/collection-points/import',
      csvFile('名称,地址,区划代码,纬度,经度\n好的点,某路,440305,22.5,113.9\n坏的点,某路,440305,22.5,north\n,某路,440305,22.5,113.9'),
    )
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({
      code: 'collection_point.import_rejected',
      errors: [
        { path: '/rows/3/longitude', code: 'not_a_number' },
        { path: '/rows/4/name', code: 'required' },
      ],
    })
    const good = await client.post('/api/collection-points/import', csvFile('名称,地址,区划代码,纬度,经度\n好的点,某路,440305,22.5,113.9'))
    expect(good.json()).toEqual({ fileName: 'points.csv', rows: 1, created: 1, updated: 0, unchanged: 0, inactive: 0 })
  })

  it('takes a file larger than the server’s usual 1 MB body limit', async () => {
    const client = await signedIn(users.nanshanAdmin)
    // An ignored column (序号) carries the bulk.
    const big = `名称,地址,区划代码,纬度,经度,序号\n大文件的点,某路,440305,22.51,113.91,${'x'.repeat(2_000_000)}`
    const res = await client.post('/api/collection-points/import', csvFile(big))
    expect(res.statusCode).toBe(200)
    expect(res.json().created).toBe(1)
  })
})

describe('public search', () => {
  it('finds active points near a location without a session, cookie or CSRF token', async () => {
    const shown = await makeCollectionPoint(t.ctx(), units.futian, { name: '公开的点', latitude: 22.52, longitude: 114.05 })
    const hidden = await makeCollectionPoint(t.ctx(), units.futian, { name: '停用的点', latitude: 22.5201, longitude: 114.0501 })
    await (await signedIn(users.futianAdmin)).post(`/api/collection-points/${hidden.id}/deactivate`)
    const res = await t.app.inject({ method: 'GET', url: '/api/public/collection-points?lat=22.52&lon=114.05&limit=3' })
    expect(res.statusCode).toBe(200)
    const found = res.json() as PublicCollectionPointView[]
    expect(found[0]).toMatchObject({ id: shown.id, distanceKm: 0, unitName: units.futian.name, divisionName: '福田区' })
    expect(found.map((p) => p.id)).not.toContain(hidden.id)
    expect(found.length).toBeLessThanOrEqual(3)
    // The public view leaves out internal state.
    expect(found[0]).not.toHaveProperty('active')
    expect(found[0]).not.toHaveProperty('unitId')

    const inDivision = await t.app.inject({ method: 'GET', url: '/api/public/collection-points?division=440304' })
    expect((inDivision.json() as PublicCollectionPointView[]).map((p) => p.id)).toContain(shown.id)
  })

  it('caps the limit at 50 and needs a place', async () => {
    const tooMany = await t.app.inject({ method: 'GET', url: '/api/public/collection-points?lat=22.5&lon=114&limit=51' })
    expect(tooMany.json()).toMatchObject({ status: 400, code: 'request.invalid' })
    const nowhere = await t.app.inject({ method: 'GET', url: '/api/public/collection-points' })
    expect(nowhere.json()).toMatchObject({ status: 400, code: 'collection_point.search_needs_place' })
  })

  it('lists divisions one level at a time without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/divisions?parent=440300' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toContainEqual({ code: '440305', name: '南山区', level: 'county', parentCode: '440300' })
    expect((await t.app.inject({ method: 'GET', url: '/api/public/divisions' })).statusCode).toBe(400)
  })
})
