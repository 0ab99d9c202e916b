import type { Ctx } from './platform/context.ts'
import { DAY, HOUR } from './platform/clock.ts'
import { createDeadline } from './platform/deadlines/service.ts'
import { seedDemoIdentity, type DemoCredentials } from './modules/identity/demo.ts'
import { seedDemoCollectionPoints } from './modules/collection-points/demo.ts'
import { seedDemoCases } from './modules/cases/demo.ts'
import { seedDemoAlerts } from './modules/alerts/demo.ts'
import { seedDemoClues } from './modules/clues/demo.ts'

/**
 * Demo data across modules: identity first, then sample obligations so that the console's
 * due-soon and overdue lists have something in them. Later modules add their demo records here.
 */
export async function seedDemo(ctx: Ctx, fixedPassword?: string): Promise<DemoCredentials[]> {
  const { units, credentials } = await seedDemoIdentity(ctx, fixedPassword)
  const now = ctx.now()
  await createDeadline(ctx, {
    kind: 'demo.hit_review',
    title: '示例：DNA比中结果复核（3日内）',
    subject: { type: 'demo', id: 'demo-hit-1' },
    unitId: units.ns.id,
    startedAt: new Date(now.getTime() - DAY),
    due: { after: { days: 3 } },
  })
  await createDeadline(ctx, {
    kind: 'demo.directive_feedback',
    title: '示例：打拐指令核查反馈（7日内）',
    subject: { type: 'demo', id: 'demo-directive-1' },
    unitId: units.ns.id,
    startedAt: new Date(now.getTime() - 8 * DAY),
    due: { after: { days: 7 } },
  })
  await createDeadline(ctx, {
    kind: 'demo.assist_request',
    title: '示例：跨区域协查请求',
    subject: { type: 'demo', id: 'demo-assist-1' },
    unitId: units.sz.id,
    due: { at: new Date(now.getTime() + 20 * HOUR) },
  })
  await seedDemoCollectionPoints(ctx, units)
  const cases = await seedDemoCases(ctx, units)
  await seedDemoAlerts(ctx, cases.active)
  await seedDemoClues(ctx, units, cases.active)
  return credentials
}
