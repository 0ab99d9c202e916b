import { afterAll, beforeAll, expect, it } from 'vitest'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import { anonymous } from '../../platform/auth/actor.ts'
import { ensureDivisions } from '../identity/index.ts'
import { seedDemoIdentity } from '../identity/demo.ts'
import { seedDemoCases } from '../cases/demo.ts'
import { seedDemoAlerts } from './demo.ts'
import { getPublicAlertPhoto, listPublicAlerts } from './public.ts'

let t: TestPlatform
beforeAll(async () => {
  t = await testPlatform()
})
afterAll(() => t?.close())

it('seeds one active alert with its photo for the demo’s missing child', async () => {
  const ctx = t.ctx()
  await ensureDivisions(ctx.db, ctx.now())
  const { units } = await seedDemoIdentity(ctx, 'Demo-password-1')
  const cases = await seedDemoCases(ctx, units)
  await seedDemoAlerts(ctx, cases.active)
  const shown = await listPublicAlerts(t.ctx(anonymous), { lat: 22.54, lon: 113.95 })
  expect(shown.map((a) => a.details.childName)).toEqual(['示例·小宇'])
  expect(shown[0].radiusKm).toBe(200) // last seen 70 minutes before: the second stage
  expect((await getPublicAlertPhoto(t.ctx(anonymous), shown[0].id)).contentType).toBe('image/jpeg')
})
