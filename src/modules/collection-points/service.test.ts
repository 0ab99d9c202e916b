import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import { queryRows } from '../../platform/db/client.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import type { UnitView } from '../identity/schema.ts'
import {
  activateCollectionPoint,
  createCollectionPoint,
  deactivateCollectionPoint,
  listCollectionPoints,
  updateCollectionPoint,
} from './service.ts'
import { makeCollectionPoint } from './testing.ts'

let t: TestPlatform
const units: Record<string, UnitView> = {}
const users: Record<string, TestUser> = {}

beforeAll(async () => {
  t = await testPlatform()
  const ctx = t.ctx()
  units.nation = await makeUnit(ctx, { divisionCode: '000000' })
  units.sz = await makeUnit(ctx, { divisionCode: '440300', parentId: units.nation.id })
  units.nanshan = await makeUnit(ctx, { divisionCode: '440305', parentId: units.sz.id })
  units.futian = await makeUnit(ctx, { divisionCode: '440304', parentId: units.sz.id })
  units.dongguan = await makeUnit(ctx, { divisionCode: '441900', parentId: units.nation.id })
  units.civil = await makeUnit(ctx, { divisionCode: '440300', parentId: units.sz.id, type: 'civil_affairs' })
  users.nanshan = await makeUser(ctx, units.nanshan, ['investigator'])
  users.futian = await makeUser(ctx, units.futian, ['dna_analyst'])
  users.sz = await makeUser(ctx, units.sz, ['admin'])
})
afterAll(() => t?.close())

const as = (who: string) => t.ctx(users[who].actor)

describe('creating', () => {
  it('owns a new point by the caller’s unit and audits it in the same transaction', async () => {
    const point = await createCollectionPoint(as('nanshan'), {
      name: '  南山区  采血点 ',
      address: '深圳市南山区某路 1 号',
      divisionCode: '440305',
      latitude: 22.5333,
      longitude: 113.9305,
      phone: '0755-0000000',
      hours: '工作日 9:00-17:00',
    })
    expect(point).toMatchObject({
      unitId: units.nanshan.id,
      name: '南山区 采血点',
      divisionName: '南山区',
      phone: '0755-0000000',
      notes: null,
      active: true,
    })
    const audit = await queryRows<{ action: string; actor_id: string }>(
      t.platform.db,
      sql`SELECT action, actor_id FROM audit_entry WHERE resource_id = ${point.id}`,
    )
    expect(audit).toEqual([{ action: 'collection_point.create', actor_id: users.nanshan.user.id }])
  })

  it('lets a city unit place a point in one of its counties for a county unit', async () => {
    const point = await makeCollectionPoint(as('sz'), units.futian, { divisionCode: '440304' })
    expect(point.unitId).toBe(units.futian.id)
  })

  it('refuses divisions that are unknown, not the most specific, or outside the owning unit', async () => {
    const base = { name: '某采血点', address: '某地址', latitude: 22.5, longitude: 114 }
    await expect(createCollectionPoint(as('nanshan'), { ...base, divisionCode: '449999' })).rejects.toMatchObject({
      code: 'collection_point.unknown_division',
      errors: [{ path: '/divisionCode', code: 'unknown_division' }],
    })
    await expect(createCollectionPoint(as('sz'), { ...base, divisionCode: '440300' })).rejects.toMatchObject({
      code: 'collection_point.division_not_leaf',
    })
    await expect(createCollectionPoint(as('nanshan'), { ...base, divisionCode: '440304' })).rejects.toMatchObject({
      code: 'collection_point.division_outside_unit',
    })
    // 东莞 has no counties: the city is the most specific division there is.
    const dongguan = await makeCollectionPoint(t.ctx(), units.dongguan, { divisionCode: '441900', latitude: 23.02, longitude: 113.75 })
    expect(dongguan.divisionName).toBe('东莞市')
  })

  it('refuses a unit outside the caller’s jurisdiction, a non-police unit and a duplicate name', async () => {
    const base = { name: '重复的采血点', address: '某地址', divisionCode: '440305', latitude: 22.5, longitude: 114 }
    await expect(createCollectionPoint(as('futian'), { ...base, unitId: units.nanshan.id })).rejects.toMatchObject({
      code: 'unit.not_found',
    })
    await expect(createCollectionPoint(t.ctx(), { ...base, unitId: units.civil.id, divisionCode: '440304' })).rejects.toMatchObject({
      code: 'collection_point.unit_not_police',
    })
    await createCollectionPoint(as('nanshan'), base)
    await expect(createCollectionPoint(as('nanshan'), { ...base, name: ' 重复的采血点' })).rejects.toMatchObject({
      code: 'collection_point.duplicate',
    })
  })
})

describe('changing', () => {
  it('updates fields, clears an optional one with null, and records what changed', async () => {
    const point = await makeCollectionPoint(t.ctx(), units.nanshan, { phone: '0755-1111111', hours: '全天' })
    const updated = await updateCollectionPoint(as('nanshan'), point.id, { address: '新地址 2 号', phone: null })
    expect(updated).toMatchObject({ address: '新地址 2 号', phone: null, hours: '全天' })
    const [entry] = await queryRows<{ details: { changed: string[] } }>(
      t.platform.db,
      sql`SELECT details FROM audit_entry WHERE resource_id = ${point.id} AND action = 'collection_point.update'`,
    )
    expect(entry.details.changed.sort()).toEqual(['address', 'phone'])
  })

  it('keeps a neighbouring county’s point out of reach, as not found', async () => {
    const point = await makeCollectionPoint(t.ctx(), units.nanshan)
    await expect(updateCollectionPoint(as('futian'), point.id, { name: '改名' })).rejects.toMatchObject({
      code: 'collection_point.not_found',
    })
    await expect(deactivateCollectionPoint(as('futian'), point.id)).rejects.toMatchObject({ code: 'collection_point.not_found' })
  })

  it('refuses to move a county’s point into another county', async () => {
    const point = await makeCollectionPoint(t.ctx(), units.nanshan)
    await expect(updateCollectionPoint(as('sz'), point.id, { divisionCode: '440304' })).rejects.toMatchObject({
      code: 'collection_point.division_outside_unit',
    })
  })

  it('deactivates and activates again, audited each time', async () => {
    const point = await makeCollectionPoint(t.ctx(), units.nanshan)
    expect((await deactivateCollectionPoint(as('nanshan'), point.id)).active).toBe(false)
    expect((await activateCollectionPoint(as('nanshan'), point.id)).active).toBe(true)
    const actions = await queryRows<{ action: string }>(
      t.platform.db,
      sql`SELECT action FROM audit_entry WHERE resource_id = ${point.id} ORDER BY id`,
    )
    expect(actions.map((a) => a.action)).toEqual(['collection_point.create', 'collection_point.deactivate', 'collection_point.activate'])
  })
})

describe('listing', () => {
  it('lists a county’s points to the county and every county’s to the city, in SQL', async () => {
    const inNanshan = await makeCollectionPoint(t.ctx(), units.nanshan)
    const inFutian = await makeCollectionPoint(t.ctx(), units.futian)
    const county = (await listCollectionPoints(as('nanshan'), {})).map((p) => p.id)
    expect(county).toContain(inNanshan.id)
    expect(county).not.toContain(inFutian.id)
    const city = (await listCollectionPoints(as('sz'), {})).map((p) => p.id)
    expect(city).toEqual(expect.arrayContaining([inNanshan.id, inFutian.id]))
    const oneUnit = await listCollectionPoints(as('sz'), { unitId: units.futian.id })
    expect(new Set(oneUnit.map((p) => p.unitId))).toEqual(new Set([units.futian.id]))
  })
})
