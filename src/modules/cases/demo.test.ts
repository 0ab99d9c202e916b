import { afterAll, beforeAll, expect, it } from 'vitest'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import { anonymous } from '../../platform/auth/actor.ts'
import { ensureDivisions } from '../identity/index.ts'
import { seedDemoIdentity } from '../identity/demo.ts'
import { seedDemoCases } from './demo.ts'
import { getCase } from './service.ts'
import { listPublicWanted } from './wanted-reads.ts'
import { listSupervisions } from './supervision-lists.ts'
import { listColdCases } from './lists.ts'

let t: TestPlatform
beforeAll(async () => {
  t = await testPlatform()
})
afterAll(() => t?.close())

it('seeds demo cases in every state the console and the public page show', async () => {
  const ctx = t.ctx()
  await ensureDivisions(ctx.db, ctx.now())
  const { units } = await seedDemoIdentity(ctx, 'Demo-password-1')
  const cases = await seedDemoCases(ctx, units)
  expect([cases.active, cases.trafficking, cases.found, cases.cold].map((c) => c.unitId)).toEqual([
    units.ns.id,
    units.ft.id,
    units.th.id,
    units.wh.id,
  ])
  const status = async (id: string) => (await getCase(ctx, id)).status
  expect(await Promise.all([cases.active, cases.trafficking, cases.found, cases.cold].map((c) => status(c.id)))).toEqual([
    'searching',
    'searching',
    'found',
    'cold',
  ])
  expect((await getCase(ctx, cases.active.id)).photos).toHaveLength(1)
  expect((await getCase(ctx, cases.trafficking.id)).taskForce?.headName).toBe('王指挥')
  expect((await listPublicWanted(t.ctx(anonymous), {})).items.map((n) => n.class)).toEqual(['B'])
  expect((await listSupervisions(ctx, {})).items.map((s) => s.caseId)).toEqual([cases.trafficking.id])
  expect((await listColdCases(ctx, { olderThanYears: 5 })).items.map((c) => c.id)).toEqual([cases.cold.id])
})
