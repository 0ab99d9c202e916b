import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { manualClock } from '../../platform/clock.ts'
import { anonymous } from '../../platform/auth/actor.ts'
import { queryRows } from '../../platform/db/client.ts'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import { makeUnit } from '../identity/testing.ts'
import { ensureDivisions } from '../identity/index.ts'
import { acceptPublicTip, kickTipRouting, processTipIntake, startTipRouting } from './tip-intake.ts'
import { getTipStatus } from './public-tips.ts'
import { listInbox } from './inbox.ts'
import { investigatorOf, makeClueUnits, tipInput, type ClueUnits } from './testing.ts'
import type { TestUser } from '../identity/testing.ts'

let t: TestPlatform
let units: ClueUnits
let nanshan: TestUser

beforeAll(async () => {
  t = await testPlatform({ clock: manualClock('2026-01-05T01:00:00Z') })
  units = await makeClueUnits(t.ctx())
  nanshan = await investigatorOf(t.ctx(), units.nanshan)
})
afterAll(() => t?.close())

const intake = (where: string) =>
  queryRows<{ id: string; processed_at: Date | null; clue_id: string | null; last_error: string | null }>(
    t.platform.db,
    sql`SELECT id, processed_at, clue_id, last_error FROM clue_intake WHERE ${sql.raw(where)} ORDER BY received_at`,
  )

describe('public tip intake', () => {
  it('keeps an acknowledged tip until it is routed, and routes it under the same id, once', async () => {
    const accepted = await acceptPublicTip(t.ctx(anonymous), tipInput({ subject: '接收后再分派' }))
    const [waiting] = await intake(`id = '${accepted.intakeId}'`)
    expect(waiting).toMatchObject({ processed_at: null, clue_id: null })
    expect(await processTipIntake(t.ctx(), { ids: [accepted.intakeId] })).toEqual({ routed: 1, failed: 0 })
    expect(await processTipIntake(t.ctx(), { ids: [accepted.intakeId] })).toEqual({ routed: 0, failed: 0 })
    const [routed] = await intake(`id = '${accepted.intakeId}'`)
    expect(routed.clue_id).toBe(accepted.intakeId)
    const inbox = await listInbox(t.ctx(nanshan.actor), { view: 'new' })
    expect(inbox.filter((c) => c.id === accepted.intakeId)).toHaveLength(1)
  })

  it('answers a tipster by receipt code before the background has routed the tip', async () => {
    const { receipt, intakeId } = await acceptPublicTip(t.ctx(anonymous), tipInput({ subject: '马上查询' }))
    expect(await getTipStatus(t.ctx(anonymous), receipt)).toMatchObject({ status: 'received', additions: 0 })
    expect((await intake(`id = '${intakeId}'`))[0].clue_id).toBe(intakeId)
  })

  it('refuses a tip whose division, case or alert does not exist, storing nothing', async () => {
    const [{ n: before }] = await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM clue_intake`)
    const unknown = '00000000-0000-4000-8000-000000000000'
    await expect(acceptPublicTip(t.ctx(anonymous), tipInput({ place: { divisionCode: '999999' } }))).rejects.toMatchObject({
      code: 'clue.unknown_division',
    })
    await expect(acceptPublicTip(t.ctx(anonymous), tipInput({ caseId: unknown }))).rejects.toMatchObject({ code: 'clue.unknown_case' })
    await expect(acceptPublicTip(t.ctx(anonymous), tipInput({ alertId: unknown }))).rejects.toMatchObject({ code: 'clue.alert_unknown' })
    const [{ n: after }] = await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM clue_intake`)
    expect(after).toBe(before)
  })

  it('stores a tip sent twice once, each sender keeping a receipt that works', async () => {
    const input = tipInput({ subject: '同一条线索', text: '两次提交' })
    const first = await acceptPublicTip(t.ctx(anonymous), input)
    const second = await acceptPublicTip(t.ctx(anonymous), input)
    await processTipIntake(t.ctx())
    const rows = await intake(`id IN ('${first.intakeId}', '${second.intakeId}')`)
    expect(rows.map((r) => r.clue_id)).toEqual([first.intakeId, first.intakeId])
    expect(await getTipStatus(t.ctx(anonymous), second.receipt)).toMatchObject({ status: 'received' })
  })

  it('keeps a tip nobody can take yet, with the reason, and routes it once a unit covers its place', async () => {
    // No police unit anywhere yet: a database with divisions and nothing else.
    const bare = await testPlatform({ clock: manualClock('2026-01-05T01:00:00Z') })
    try {
      await ensureDivisions(bare.platform.db, bare.clock.now())
      const { intakeId } = await acceptPublicTip(bare.ctx(anonymous), tipInput({ place: { divisionCode: '440305' } }))
      expect(await processTipIntake(bare.ctx())).toEqual({ routed: 0, failed: 1 })
      const [kept] = await queryRows<{ last_error: string }>(
        bare.platform.db,
        sql`SELECT last_error FROM clue_intake WHERE id = ${intakeId}`,
      )
      expect(kept.last_error).toMatch(/no public-security unit covers/)
      // A new tip's pass does not keep hitting it; the periodic pass retries it.
      expect(await processTipIntake(bare.ctx())).toEqual({ routed: 0, failed: 0 })
      await makeUnit(bare.ctx(), { divisionCode: '000000', name: '公安部刑侦局' })
      expect(await processTipIntake(bare.ctx(), { retryFailed: true })).toEqual({ routed: 1, failed: 0 })
    } finally {
      await bare.close()
    }
  })

  it('routes in the background when a process runs tip routing, and inline when none does', async () => {
    expect(kickTipRouting(t.platform.db)).toBe(false)
    const routing = startTipRouting(t.ctx())
    try {
      const { intakeId } = await acceptPublicTip(t.ctx(anonymous), tipInput({ subject: '后台分派' }))
      expect(kickTipRouting(t.platform.db)).toBe(true)
      for (let i = 0; i < 100 && (await intake(`id = '${intakeId}'`))[0].clue_id === null; i++) await new Promise((r) => setTimeout(r, 20))
      expect((await intake(`id = '${intakeId}'`))[0].clue_id).toBe(intakeId)
    } finally {
      await routing.stop()
    }
    expect(kickTipRouting(t.platform.db)).toBe(false)
  })
})
