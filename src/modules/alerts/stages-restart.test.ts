// A restart between stages neither skips nor repeats one: the stage table is the schedule, not a timer.
import { afterAll, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { MINUTE, manualClock } from '../../platform/clock.ts'
import { queryRows } from '../../platform/db/client.ts'
import { reopen, testDb } from '../../platform/db/testing.ts'
import type { Database } from '../../platform/db/client.ts'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import { makeUnit, makeUser } from '../identity/testing.ts'
import { makeCase } from '../cases/testing.ts'
import { draftAlert } from './drafts.ts'
import { approveAlert } from './publish.ts'
import { sweepAlertStages } from './stages.ts'

let platforms: TestPlatform[] = []
afterAll(async () => {
  await platforms.at(-1)?.close()
})

async function messagesOf(t: TestPlatform, alertId: string) {
  return queryRows<{ seq: number; msg_type: string; radius_km: number }>(
    t.platform.db,
    sql`SELECT seq, msg_type, radius_km FROM alert_message WHERE alert_id = ${alertId} ORDER BY seq`,
  )
}

it('sends each stage once across restarts, including one that fell due while the server was down', async () => {
  const clock = manualClock('2026-11-24T02:00:00Z')
  const database: Database = await testDb({ onDisk: true })
  let t = await testPlatform({ database, clock })
  platforms = [t]
  const nation = await makeUnit(t.ctx(), { divisionCode: '000000' })
  const unit = await makeUnit(t.ctx(), { divisionCode: '440305', parentId: nation.id })
  const investigator = await makeUser(t.ctx(), unit, ['investigator'])
  const commander = await makeUser(t.ctx(), unit, ['command'])
  const kase = await makeCase(t.ctx(investigator.actor), unit, { lastSeen: { at: clock.now().toISOString() } })
  const draft = await draftAlert(t.ctx(investigator.actor), { caseId: kase.id, description: '走失', contactPhone: '0755-26543110' })
  await approveAlert(t.ctx(commander.actor), draft.id)

  clock.advance(61 * MINUTE)
  await sweepAlertStages(t.ctx())
  // The process stops right after sending stage 1, and stays down past stage 2's time.
  t = await testPlatform({ database: await reopen(t.database), clock })
  platforms.push(t)
  clock.advance(60 * MINUTE)
  await sweepAlertStages(t.ctx())
  await sweepAlertStages(t.ctx())
  t = await testPlatform({ database: await reopen(t.database), clock })
  platforms.push(t)
  await sweepAlertStages(t.ctx())

  expect((await messagesOf(t, draft.id)).map((m) => [m.seq, m.msg_type, m.radius_km])).toEqual([
    [1, 'Alert', 100],
    [2, 'Update', 200],
    [3, 'Update', 300],
  ])
})
