import { afterAll, beforeAll, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import { ensureDivisions, userRef } from '../identity/index.ts'
import { seedDemoIdentity } from '../identity/demo.ts'
import { seedDemoCases } from '../cases/demo.ts'
import { seedDemoClues } from './demo.ts'
import { countInbox } from './inbox-counts.ts'
import { listInbox } from './inbox.ts'
import { listClueEvents } from './events.ts'

let t: TestPlatform
beforeAll(async () => {
  t = await testPlatform()
})
afterAll(() => t?.close())

it('fills 南山分局’s inbox through the services: new, due soon, overdue and closed clues, the tip on the demo case', async () => {
  const ctx = t.ctx()
  await ensureDivisions(ctx.db, ctx.now())
  const { units } = await seedDemoIdentity(ctx, 'Demo-password-1')
  const cases = await seedDemoCases(ctx, units)
  await seedDemoClues(ctx, units, cases.active)

  const [user] = await ctx.db.select().from(userRef).where(eq(userRef.username, 'investigator'))
  const ns = units.ns
  const investigator = t.ctx({
    kind: 'user',
    id: user.id,
    name: user.displayName,
    unit: { id: ns.id, name: ns.name, type: ns.type, level: ns.level, divisionCode: ns.divisionCode },
    roles: user.roles,
    sessionId: null,
  })
  // The tip, the online report and Chengdu's request await a team; the directive is due within three days.
  expect(await countInbox(investigator, {})).toEqual({ open: 4, new: 3, due_soon: 1, overdue: 1, closed: 1 })
  const open = await listInbox(investigator, { view: 'open' })
  expect(open.map((c) => c.kind).sort()).toEqual(['assist_request', 'directive', 'online_report', 'public_tip'])
  const tip = open.find((c) => c.kind === 'public_tip')!
  expect(tip).toMatchObject({ caseId: cases.active.id, source: 'public', routedUnitId: ns.id })
  const history = await listClueEvents(investigator, tip.id)
  expect(history.map((e) => e.kind)).toEqual(['clue.received', 'tip.addition'])
  const [closed] = await listInbox(investigator, { view: 'closed' })
  expect(closed).toMatchObject({ kind: 'mandatory_report', outcome: 'no_finding', status: 'closed' })
})
