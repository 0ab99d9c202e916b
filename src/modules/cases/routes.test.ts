import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import sharp from 'sharp'
import { testApp, type TestApp } from '../../platform/http/testing.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import type { UnitView } from '../identity/schema.ts'
import { makeCase, makeImage, withGpsExif } from './testing.ts'
import type { CaseCreate, CasePage, CaseView } from './schema.ts'

let t: TestApp
const units: Record<string, UnitView> = {}
const users: Record<string, TestUser> = {}

async function signedIn(who: string) {
  const client = t.client()
  expect((await client.login(users[who].user.username, users[who].password)).statusCode).toBe(200)
  return client
}

const report = (overrides: Partial<CaseCreate> = {}): CaseCreate => ({
  intakeChannel: 'command_centre',
  child: { name: '小明', sex: 'male', birthDate: '2019-05-01', heightCm: 110, clothing: '黄色雨衣' },
  lastSeen: { at: '2026-01-05T00:30:00Z', address: '海岸城购物中心', divisionCode: '440305', lat: 22.517, lon: 113.936 },
  circumstances: '随母亲购物时走失',
  reporter: { name: '李女士', relation: '母亲', phone: '139 0000 1111' },
  ...overrides,
})

beforeAll(async () => {
  t = await testApp({ env: { TUANYUAN_COLD_CASE_YEARS: '5' } })
  t.clock.set('2026-01-05T01:00:00Z')
  const ctx = t.ctx()
  units.nation = await makeUnit(ctx, { divisionCode: '000000' })
  units.gd = await makeUnit(ctx, { divisionCode: '440000', parentId: units.nation.id })
  units.sz = await makeUnit(ctx, { divisionCode: '440300', parentId: units.gd.id })
  units.nanshan = await makeUnit(ctx, { divisionCode: '440305', parentId: units.sz.id })
  units.futian = await makeUnit(ctx, { divisionCode: '440304', parentId: units.sz.id })
  users.nanshan = await makeUser(ctx, units.nanshan, ['investigator'])
  users.futian = await makeUser(ctx, units.futian, ['investigator'])
  users.gd = await makeUser(ctx, units.gd, ['investigator'])
  users.gdSupervisor = await makeUser(ctx, units.gd, ['supervisor'])
  users.command = await makeUser(ctx, units.sz, ['command'])
})
afterAll(() => t?.close())

describe('cases over HTTP', () => {
  it('takes a report, shows it to the unit and the province, and answers a neighbour with a 404 problem', async () => {
    const nanshan = await signedIn('nanshan')
    const created = await nanshan.post('/api/cases', report())
    expect(created.statusCode).toBe(201)
    const c: CaseView = created.json()
    expect(c).toMatchObject({ caseNo: 'MC-440305-20260105-1', reporter: { phone: '13900001111' }, child: { ageYears: 6 } })
    const futian = await signedIn('futian')
    const hidden = await futian.get(`/api/cases/${c.id}`)
    expect(hidden.statusCode).toBe(404)
    expect(hidden.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(hidden.json()).toMatchObject({ code: 'case.not_found', status: 404 })
    expect(((await futian.get('/api/cases')).json() as CasePage).items).toEqual([])
    const province = await signedIn('gd')
    expect((await province.get(`/api/cases/${c.id}`)).json()).toMatchObject({ id: c.id, unitName: units.nanshan.name })
    expect((await t.client().get('/api/cases')).statusCode).toBe(401)
  })

  it('refuses bad input with the fields at fault', async () => {
    const nanshan = await signedIn('nanshan')
    const { lastSeen: _lastSeen, ...noLastSeen } = report()
    const missing = await nanshan.post('/api/cases', noLastSeen)
    expect(missing.statusCode).toBe(400)
    expect(missing.json()).toMatchObject({ code: 'request.invalid', errors: [{ path: '/lastSeen' }] })
    const late = await nanshan.post('/api/cases', report({ reportedAt: '2026-01-05T00:00:00Z' }))
    expect(late.json()).toMatchObject({ status: 400, code: 'case.invalid', errors: [{ path: '/lastSeen/at', code: 'after_report' }] })
    const outside = await nanshan.post('/api/cases', report({ lastSeen: { ...report().lastSeen, lat: 113.9, lon: 22.5 } }))
    expect(outside.statusCode).toBe(400)
  })

  it('runs a suspected-trafficking case through task force, dispatch and status moves', async () => {
    const nanshan = await signedIn('nanshan')
    const c: CaseView = (await nanshan.post('/api/cases', report({ suspectedTrafficking: true }))).json()
    const early = await nanshan.post(`/api/cases/${c.id}/transitions`, { to: 'searching' })
    expect(early.statusCode).toBe(409)
    expect(early.json()).toMatchObject({ code: 'case.task_force_required' })
    const taskForce = await nanshan.request({
      method: 'PUT',
      url: `/api/cases/${c.id}/task-force`,
      payload: { headUserId: users.command.user.id, members: [{ userId: users.nanshan.user.id, duty: '侦查破案' }] },
    })
    expect(taskForce.statusCode).toBe(200)
    expect((await nanshan.post(`/api/cases/${c.id}/transitions`, { to: 'searching' })).json().status).toBe('searching')
    const command = await signedIn('command')
    const dispatch = await command.post(`/api/cases/${c.id}/dispatches`, { checkpoints: [{ location: '深圳北站' }] })
    expect(dispatch.statusCode).toBe(201)
    const closing = await nanshan.post(`/api/cases/${c.id}/transitions`, { to: 'closed', closeReason: 'withdrawn' })
    expect(closing.json()).toMatchObject({ status: 409, code: 'case.unsolved_trafficking' })
    const timeline = (await nanshan.get(`/api/cases/${c.id}/timeline`)).json() as { kind: string }[]
    expect(timeline.map((e) => e.kind)).toEqual(['case.reported', 'task_force.set', 'case.status', 'dispatch'])
  })

  it('uploads photos as the raw body and serves the stripped image and its thumbnail', async () => {
    const nanshan = await signedIn('nanshan')
    const c: CaseView = (await nanshan.post('/api/cases', report())).json()
    const upload = (payload: Buffer, type: string) =>
      nanshan.request({ method: 'POST', url: `/api/cases/${c.id}/photos`, payload, headers: { 'content-type': type } })
    const text = await upload(Buffer.from('not a photo at all'), 'image/jpeg')
    expect(text.json()).toMatchObject({ status: 400, code: 'photo.not_an_image' })
    const lying = await upload(await makeImage('png'), 'image/jpeg')
    expect(lying.json()).toMatchObject({ code: 'photo.type_mismatch' })
    const added = await upload(withGpsExif(await makeImage('jpeg', 900, 1200), 22.5, 113.9), 'image/jpeg')
    expect(added.statusCode).toBe(201)
    const photo = added.json()
    const full = await nanshan.get(`/api/cases/${c.id}/photos/${photo.id}`)
    expect([full.statusCode, full.headers['content-type'], full.headers['cache-control']]).toEqual([
      200,
      'image/jpeg',
      'private, max-age=300',
    ])
    expect((await sharp(full.rawPayload).metadata()).exif).toBeUndefined()
    const thumb = await nanshan.get(`/api/cases/${c.id}/photos/${photo.id}?size=thumb`)
    expect((await sharp(thumb.rawPayload).metadata()).height).toBe(320)
    const futian = await signedIn('futian')
    expect((await futian.get(`/api/cases/${c.id}/photos/${photo.id}`)).statusCode).toBe(404)
    const huge = await upload(Buffer.alloc(6 * 1024 * 1024, 1), 'image/jpeg')
    expect(huge.json()).toMatchObject({ status: 413, code: 'request.too_large' })
    const listed = (await nanshan.get(`/api/cases/${c.id}/photos`)).json()
    expect(listed.map((p: { id: string }) => p.id)).toEqual([photo.id])
  })

  it('filters the list by status, suspicion and unit', async () => {
    const province = await signedIn('gd')
    const page = async (query: string) => ((await province.get(`/api/cases?${query}`)).json() as CasePage).items
    const searching = await page('status=searching&status=cold')
    expect(searching.length).toBeGreaterThan(0)
    expect(searching.every((c) => c.status === 'searching' || c.status === 'cold')).toBe(true)
    const suspected = await page('suspected=true')
    expect(suspected.length).toBeGreaterThan(0)
    expect(suspected.every((c) => c.suspectedTrafficking)).toBe(true)
    const ofNanshan = await page(`unitId=${units.nanshan.id}`)
    expect(ofNanshan.length).toBeGreaterThan(0)
    expect(ofNanshan.every((c) => c.unitId === units.nanshan.id)).toBe(true)
    expect(await page(`unitId=${units.futian.id}`)).toEqual([])
    expect(await page('pageSize=1&page=2')).toHaveLength(1)
  })

  it('lists cold cases older than the configured age, oldest first, with their last action', async () => {
    const ctx = t.ctx()
    const old = (unit: UnitView, year: number) =>
      makeCase(ctx, unit, { reportedAt: `${year}-03-01T02:00:00Z`, lastSeen: { at: `${year}-02-28T08:00:00Z` } })
    const nanshan2019 = await old(units.nanshan, 2019)
    const futian2018 = await old(units.futian, 2018)
    const recent = await old(units.nanshan, 2023)
    const province = await signedIn('gd')
    const ids = async (url: string) => ((await province.get(url)).json() as CasePage).items.map((c) => c.id)
    expect(await ids('/api/cases/cold')).toEqual([futian2018.id, nanshan2019.id])
    expect(await ids('/api/cases/cold?olderThanYears=2')).toEqual([futian2018.id, nanshan2019.id, recent.id])
    expect(await ids(`/api/cases/cold?unitId=${units.nanshan.id}`)).toEqual([nanshan2019.id])
    expect(await ids('/api/cases/cold?olderThanYears=7')).toEqual([futian2018.id])
    const nanshan = await signedIn('nanshan')
    const page = (await nanshan.get('/api/cases/cold?pageSize=1')).json() as CasePage
    expect(page).toMatchObject({
      total: 1,
      page: 1,
      pageSize: 1,
      items: [{ id: nanshan2019.id, lastActionAt: '2026-01-05T01:00:00.000Z' }],
    })
  })
})

describe('supervision and wanted notices over HTTP', () => {
  it('lets a province supervisor list a case and the county see it with its due date', async () => {
    const c = await makeCase(t.ctx(users.nanshan.actor), units.nanshan)
    const supervisor = await signedIn('gdSupervisor')
    const listed = await supervisor.post('/api/supervisions', { targetKind: 'case', caseId: c.id, reportCycleDays: 15 })
    expect(listed.statusCode).toBe(201)
    const nanshan = await signedIn('nanshan')
    const seen = (await nanshan.get('/api/supervisions?status=active')).json()
    expect(seen.items).toMatchObject([{ id: listed.json().id, nextReportDueAt: '2026-01-20T01:00:00.000Z', overdue: false }])
    const report = await nanshan.post(`/api/supervisions/${listed.json().id}/reports`, { text: '走访 120 户' })
    expect(report.statusCode).toBe(201)
  })

  it('publishes a class B notice that anyone can read without signing in, until it is revoked', async () => {
    const c = await makeCase(t.ctx(users.nanshan.actor), units.nanshan)
    const province = await signedIn('gd')
    const issued = await province.post('/api/wanted-notices', {
      caseId: c.id,
      class: 'B',
      suspectName: '赵某',
      suspectSex: 'male',
      description: '左脸有疤',
      contactPhone: '13800138000',
    })
    expect(issued.statusCode).toBe(201)
    const id = issued.json().id
    const photo = await province.request({
      method: 'PUT',
      url: `/api/wanted-notices/${id}/photo`,
      payload: await makeImage('webp', 400, 500),
      headers: { 'content-type': 'image/webp' },
    })
    expect(photo.json().hasPhoto).toBe(true)
    expect((await province.post(`/api/wanted-notices/${id}/publish`)).statusCode).toBe(200)
    const anyone = t.client()
    const list = (await anyone.get('/api/public/wanted')).json()
    expect(list.items.map((n: { id: string }) => n.id)).toContain(id)
    expect(list.items[0].caseId).toBeUndefined()
    const image = await anyone.get(`/api/public/wanted/${id}/photo?size=thumb`)
    expect([image.statusCode, image.headers['content-type']]).toEqual([200, 'image/jpeg'])
    expect((await province.post(`/api/wanted-notices/${id}/revoke`, { reason: 'caught' })).statusCode).toBe(200)
    expect((await anyone.get(`/api/public/wanted/${id}`)).statusCode).toBe(404)
    expect((await anyone.get(`/api/public/wanted/${id}/photo`)).statusCode).toBe(404)
  })
})
