import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import { queryRows } from '../../platform/db/client.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import type { UnitView } from '../identity/schema.ts'
import { createCase, getCase, updateCase } from './service.ts'
import { listCases } from './lists.ts'
import { listCaseTimeline } from './timeline.ts'
import { recordDispatch } from './dispatch.ts'
import { makeCase } from './testing.ts'

let t: TestPlatform
const units: Record<string, UnitView> = {}
const users: Record<string, TestUser> = {}
const as = (who: string) => t.ctx(users[who].actor)

beforeAll(async () => {
  t = await testPlatform({ clock: undefined })
  t.clock.set('2026-01-05T02:00:00Z') // 10:00 in China
  const ctx = t.ctx()
  units.nation = await makeUnit(ctx, { divisionCode: '000000' })
  units.gd = await makeUnit(ctx, { divisionCode: '440000', parentId: units.nation.id })
  units.sz = await makeUnit(ctx, { divisionCode: '440300', parentId: units.gd.id })
  units.nanshan = await makeUnit(ctx, { divisionCode: '440305', parentId: units.sz.id })
  units.futian = await makeUnit(ctx, { divisionCode: '440304', parentId: units.sz.id })
  units.civil = await makeUnit(ctx, { divisionCode: '440305', parentId: units.sz.id, type: 'civil_affairs' })
  users.nanshan = await makeUser(ctx, units.nanshan, ['investigator'])
  users.futian = await makeUser(ctx, units.futian, ['investigator'])
  users.gd = await makeUser(ctx, units.gd, ['investigator'])
  users.command = await makeUser(ctx, units.sz, ['command'])
  users.futianCommand = await makeUser(ctx, units.futian, ['command'])
})
afterAll(() => t?.close())

const auditOf = (caseId: string) =>
  queryRows<{ action: string; actor_id: string; outcome: string }>(
    t.platform.db,
    sql`SELECT action, actor_id, outcome FROM audit_entry WHERE resource_type = 'case' AND resource_id = ${caseId} ORDER BY id`,
  )

describe('intake', () => {
  it('records a report on the caller’s unit, numbered per division and day, on the timeline and the audit log', async () => {
    const first = await makeCase(as('nanshan'), units.nanshan, { child: { idNumber: '440305201801010016', ageYears: undefined } })
    const second = await makeCase(as('nanshan'), units.nanshan)
    expect(first).toMatchObject({
      caseNo: 'MC-440305-20260105-1',
      status: 'reported',
      unitId: units.nanshan.id,
      divisionCode: '440305',
      child: { sex: 'male', birthDate: '2018-01-01', ageYears: 8, idNumber: '440305201801010016' },
      lastSeen: { divisionName: '南山区', lat: 22.53, lon: 113.93 },
      reporter: { phone: '13800138000' },
      ageNowYears: 8,
      taskForce: null,
      photos: [],
    })
    expect(second.caseNo).toBe('MC-440305-20260105-2')
    expect(await auditOf(first.id)).toEqual([{ action: 'case.create', actor_id: users.nanshan.user.id, outcome: 'success' }])
    const timeline = await listCaseTimeline(as('nanshan'), first.id)
    expect(timeline.map((e) => e.kind)).toEqual(['case.reported'])
    expect(timeline[0]).toMatchObject({ actorId: users.nanshan.user.id, unitId: units.nanshan.id })
  })

  it('numbers concurrent reports of one division without gaps or duplicates', async () => {
    const ctx = as('futian')
    const made = await Promise.all(Array.from({ length: 5 }, () => makeCase(ctx, units.futian)))
    expect(made.map((c) => c.caseNo).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `MC-440304-20260105-${n}`))
  })

  it('lists every problem of a bad report at once and writes nothing', async () => {
    const before = await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM missing_case`)
    const attempt = makeCase(as('nanshan'), units.nanshan, {
      reportedAt: '2026-01-05T01:00:00Z',
      child: { sex: 'female', idNumber: '440305201801010016', birthDate: '2018-02-01' },
      lastSeen: { at: '2026-01-05T01:30:00Z', divisionCode: '440300', lon: undefined },
      reporter: { phone: '12345' },
    })
    await expect(attempt).rejects.toMatchObject({
      code: 'case.invalid',
      errors: [
        { path: '/lastSeen/at', code: 'after_report' },
        { path: '/child/sex', code: 'id_number_sex_mismatch' },
        { path: '/child/birthDate', code: 'id_number_birth_mismatch' },
        { path: '/child/ageYears', code: 'age_mismatch' },
        { path: '/lastSeen/lon', code: 'pair_required' },
        { path: '/lastSeen/divisionCode', code: 'division_not_leaf' },
        { path: '/reporter/phone', code: 'bad_phone' },
      ],
    })
    const after = await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM missing_case`)
    expect(after).toEqual(before)
  })

  it('needs a birth date, an age or an ID number, and a real division', async () => {
    await expect(makeCase(as('nanshan'), units.nanshan, { child: { ageYears: undefined } })).rejects.toMatchObject({
      errors: [{ path: '/child/birthDate', code: 'required' }],
    })
    await expect(makeCase(as('nanshan'), units.nanshan, { lastSeen: { divisionCode: '449999' } })).rejects.toMatchObject({
      errors: [{ path: '/lastSeen/divisionCode', code: 'unknown_division' }],
    })
    await expect(
      makeCase(as('nanshan'), units.nanshan, { child: { idNumber: '440305201801010017', ageYears: undefined } }),
    ).rejects.toMatchObject({ errors: [{ path: '/child/idNumber', code: 'id_number_check_digit' }] })
  })

  it('takes cases for police units within reach only', async () => {
    await expect(makeCase(as('nanshan'), units.futian)).rejects.toMatchObject({ code: 'unit.not_found' })
    await expect(makeCase(as('nanshan'), units.civil)).rejects.toMatchObject({ code: 'case.unit_not_police' })
    const onBehalf = await makeCase(as('gd'), units.nanshan)
    expect(onBehalf.unitId).toBe(units.nanshan.id)
  })
})

describe('jurisdiction', () => {
  it('shows a case to its unit and the units above, and answers "not found" to a neighbour', async () => {
    const created = await makeCase(as('nanshan'), units.nanshan, { child: { name: '管辖测试' } })
    await expect(getCase(as('futian'), created.id)).rejects.toMatchObject({ kind: 'not_found', code: 'case.not_found' })
    await expect(updateCase(as('futian'), created.id, { circumstances: 'x' })).rejects.toMatchObject({ code: 'case.not_found' })
    expect((await getCase(as('gd'), created.id)).id).toBe(created.id)
    const byName = (who: string) => listCases(as(who), { q: '管辖' }).then((p) => p.items.map((c) => c.id))
    expect(await byName('nanshan')).toEqual([created.id])
    expect(await byName('gd')).toEqual([created.id])
    expect(await byName('futian')).toEqual([])
    expect((await listCases(as('command'), { q: created.caseNo })).items.map((c) => c.id)).toEqual([created.id])
  })

  it('audits every read of a case’s details and timeline', async () => {
    const created = await makeCase(as('nanshan'), units.nanshan)
    await getCase(as('gd'), created.id)
    await listCaseTimeline(as('nanshan'), created.id)
    expect((await auditOf(created.id)).map((a) => `${a.action}:${a.actor_id === users.gd.user.id ? 'gd' : 'nanshan'}`)).toEqual([
      'case.create:nanshan',
      'case.read:gd',
      'case.timeline.read:nanshan',
    ])
  })
})

describe('changes and dispatch', () => {
  it('updates details, checked as a whole, and records which fields changed', async () => {
    const created = await makeCase(as('nanshan'), units.nanshan)
    const updated = await updateCase(as('nanshan'), created.id, {
      reporter: { name: '张父', relation: '父亲', phone: '0755 8888 1234' },
      circumstances: '放学路上走失',
    })
    expect(updated.reporter).toEqual({ name: '张父', relation: '父亲', phone: '0755-88881234' })
    const [, event] = await listCaseTimeline(as('nanshan'), created.id)
    expect(event).toMatchObject({
      kind: 'case.updated',
      details: { changed: ['reporterName', 'reporterRelation', 'reporterPhone', 'circumstances'] },
    })
    await expect(
      updateCase(as('nanshan'), created.id, { lastSeen: { at: '2026-01-06T00:00:00Z', address: '某地', divisionCode: '440305' } }),
    ).rejects.toMatchObject({
      errors: [{ path: '/lastSeen/at', code: 'after_report' }],
    })
  })

  it('lets the command centre of the same or a higher unit record dispatch actions on the timeline', async () => {
    const created = await makeCase(as('nanshan'), units.nanshan)
    const event = await recordDispatch(t.ctx(users.command.actor), created.id, {
      unitsSent: [{ name: '南山派出所', officers: 6, task: '沿街走访' }],
      checkpoints: [{ location: '南海大道与深南大道路口', lat: 22.54, lon: 113.93 }],
      cctvChecked: [{ location: '小区东门', from: '2026-01-05T00:00:00Z', to: '2026-01-05T01:30:00Z', finding: '09:10 独自出门' }],
      areasSearched: [{ area: '深圳湾公园', divisionCode: '440305' }],
    })
    expect(event).toMatchObject({
      kind: 'dispatch',
      summary: '快速查找：派出警力 1 处，设卡 1 处，查看监控 1 处，搜寻区域 1 处',
      actorId: users.command.user.id,
      details: { unitsSent: [{ name: '南山派出所', officers: 6 }], areasSearched: [{ area: '深圳湾公园' }] },
    })
    await expect(recordDispatch(t.ctx(users.futianCommand.actor), created.id, { note: '越权' })).rejects.toMatchObject({
      code: 'case.not_found',
    })
    await expect(recordDispatch(as('nanshan'), created.id, { note: '无权' })).rejects.toMatchObject({ code: 'auth.forbidden' })
    await expect(recordDispatch(t.ctx(users.command.actor), created.id, {})).rejects.toMatchObject({ code: 'case.dispatch_empty' })
  })
})

describe('the timeline', () => {
  it('is append-only in the database itself', async () => {
    const created = await makeCase(as('nanshan'), units.nanshan)
    const refused = { cause: expect.objectContaining({ message: expect.stringMatching(/case_event is append-only/) }) }
    await expect(t.platform.db.execute(sql`UPDATE case_event SET summary = 'x' WHERE case_id = ${created.id}`)).rejects.toMatchObject(
      refused,
    )
    await expect(t.platform.db.execute(sql`DELETE FROM case_event WHERE case_id = ${created.id}`)).rejects.toMatchObject(refused)
  })
})

it('refuses a case from a role without case.write', async () => {
  await expect(createCase(t.ctx(users.command.actor), {} as never)).rejects.toMatchObject({ code: 'auth.forbidden' })
})
