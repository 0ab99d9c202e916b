import { afterAll, beforeAll, expect, it } from 'vitest'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import { makeUnit, makeUser } from '../identity/testing.ts'
import { makeCase } from './testing.ts'
import { listEligibleOfficers } from './task-force.ts'

let t: TestPlatform
beforeAll(async () => {
  t = await testPlatform()
})
afterAll(() => t?.close())

it('offers the active police of the case’s unit and the units above, marking who may head, and no one else', async () => {
  const ctx = t.ctx()
  const nation = await makeUnit(ctx, { divisionCode: '000000' })
  const city = await makeUnit(ctx, { divisionCode: '440300', parentId: nation.id })
  const nanshan = await makeUnit(ctx, { divisionCode: '440305', parentId: city.id })
  const futian = await makeUnit(ctx, { divisionCode: '440304', parentId: city.id })
  const own = await makeUser(ctx, nanshan, ['investigator'])
  const chief = await makeUser(ctx, city, ['command'])
  const analyst = await makeUser(ctx, nanshan, ['dna_analyst'])
  await makeUser(ctx, futian, ['investigator'])
  const civil = await makeUnit(ctx, { divisionCode: '440305', parentId: city.id, type: 'civil_affairs' })
  await makeUser(ctx, civil, ['caseworker'])
  const kase = await makeCase(t.ctx(own.actor), nanshan)
  const offered = await listEligibleOfficers(t.ctx(own.actor), kase.id)
  const heads = (o: { id: string; canHead: boolean }[]) => o.filter((x) => x.canHead).map((x) => x.id)
  expect(offered.map((o) => o.id).sort()).toEqual([own.user.id, chief.user.id, analyst.user.id].sort())
  expect(heads(offered).sort()).toEqual([own.user.id, chief.user.id].sort())
  await expect(listEligibleOfficers(t.ctx((await makeUser(ctx, futian, ['investigator'])).actor), kase.id)).rejects.toMatchObject({
    kind: 'not_found',
  })
})
