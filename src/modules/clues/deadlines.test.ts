import { afterEach, describe, expect, it } from 'vitest'
import { DAY, HOUR, manualClock } from '../../platform/clock.ts'
import type { Database } from '../../platform/db/client.ts'
import { reopen, testDb } from '../../platform/db/testing.ts'
import { listDeadlines } from '../../platform/deadlines/service.ts'
import { sweepDeadlines } from '../../platform/deadlines/sweep.ts'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import { createClue } from './intake.ts'
import { recordFeedback } from './work.ts'
import { listClueEvents } from './events.ts'
import { listInbox } from './inbox.ts'
import { monthlyClueStats } from './stats.ts'
import { clueDeadlineListener } from './deadlines.ts'
import { investigatorOf, makeClueUnits, tipInput } from './testing.ts'

const START = '2026-01-05T01:00:00Z' // Monday 09:00 in China
const at = (ms: number) => new Date(new Date(START).getTime() + ms)
const nothing = { reminders: 0, overdue: 0, escalations: 0 }

let open: TestPlatform[] = []
afterEach(async () => {
  for (const t of open.reverse()) await t.close()
  open = []
})

async function platform(database: Database, clock: ReturnType<typeof manualClock>) {
  const t = await testPlatform({ database, clock })
  open.push(t)
  return t
}

describe('a directive’s seven days', () => {
  it('reminds, flags overdue and escalates to the supervising unit once each, across restarts, then stops on feedback', async () => {
    const clock = manualClock(START)
    let database = await testDb({ onDisk: true })
    let t = await platform(database, clock)
    const units = await makeClueUnits(t.ctx())
    const city = await investigatorOf(t.ctx(), units.shenzhen)
    const county = await investigatorOf(t.ctx(), units.nanshan)
    const directive = await createClue(t.ctx(city.actor), {
      kind: 'directive',
      subject: '核查某出租屋',
      text: '请于7日内反馈',
      targetUnitId: units.nanshan.id,
    })
    expect(directive.dueAt).toBe(at(7 * DAY).toISOString())
    const sweep = () => sweepDeadlines(t.database.db, clock, [clueDeadlineListener])
    const restart = async () => {
      database = await reopen(database)
      t = await platform(database, clock)
    }
    const deadlineEvents = async () =>
      (await listClueEvents(t.ctx(county.actor), directive.id)).filter((e) => e.kind.startsWith('deadline.')).map((e) => [e.kind, e.at])

    expect(await listInbox(t.ctx(county.actor), { view: 'due_soon' })).toEqual([])
    clock.set(at(6 * DAY))
    expect(await sweep()).toEqual({ reminders: 1, overdue: 0, escalations: 0 })
    await restart()
    expect(await sweep()).toEqual(nothing)
    expect((await listInbox(t.ctx(county.actor), { view: 'due_soon', withinHours: 48 })).map((c) => c.id)).toEqual([directive.id])

    clock.set(at(7 * DAY))
    await restart()
    expect(await sweep()).toEqual({ reminders: 0, overdue: 1, escalations: 0 })
    expect((await listInbox(t.ctx(county.actor), { view: 'overdue' })).map((c) => c.id)).toEqual([directive.id])
    expect(await listInbox(t.ctx(city.actor), { view: 'overdue' })).toEqual([])

    clock.set(at(8 * DAY))
    expect(await sweep()).toEqual({ reminders: 0, overdue: 0, escalations: 1 })
    await restart()
    expect(await sweep()).toEqual(nothing)
    // Escalated: the city's inbox and deadline list now show it too.
    expect((await listInbox(t.ctx(city.actor), { view: 'overdue' })).map((c) => c.id)).toEqual([directive.id])
    expect((await listDeadlines(t.ctx(city.actor), { view: 'overdue' })).map((d) => [d.subjectId, d.status])).toEqual([
      [directive.id, 'escalated'],
    ])
    expect(await deadlineEvents()).toEqual([
      ['deadline.reminder', at(6 * DAY).toISOString()],
      ['deadline.overdue', at(7 * DAY).toISOString()],
      ['deadline.escalation', at(8 * DAY).toISOString()],
    ])

    clock.set(at(8 * DAY + HOUR))
    const answered = await recordFeedback(t.ctx(county.actor), directive.id, { note: '已核查，未发现异常', outcome: 'no_finding' })
    expect(answered).toMatchObject({ status: 'closed', outcome: 'no_finding', feedback: '已核查，未发现异常' })
    // The sender sees the result; nothing more is swept for it.
    expect(await listInbox(t.ctx(city.actor), { view: 'closed', sent: true })).toMatchObject([{ id: directive.id, outcome: 'no_finding' }])
    clock.set(at(30 * DAY))
    expect(await sweep()).toEqual(nothing)
    expect(await listDeadlines(t.ctx(county.actor), { view: 'overdue' })).toEqual([])
  })
})

describe('monthly statistics', () => {
  it('counts received, closed, on time, overdue and outcomes per unit for a month in China time', async () => {
    const clock = manualClock(START)
    const t = await platform(await testDb(), clock)
    const units = await makeClueUnits(t.ctx())
    const county = await investigatorOf(t.ctx(), units.nanshan)
    const province = await investigatorOf(t.ctx(), units.guangdong)
    const tip = (subject: string) => createClue(t.ctx(county.actor), { kind: 'public_tip', ...tipInput({ subject }) })
    const quick = await tip('a')
    const late = await tip('b')
    await tip('c')
    clock.set(at(2 * DAY))
    await recordFeedback(t.ctx(county.actor), quick.id, { note: '属实', outcome: 'confirmed_lead' })
    clock.set(at(7 * DAY))
    await sweepDeadlines(t.database.db, clock, [clueDeadlineListener])
    clock.set(at(9 * DAY))
    await recordFeedback(t.ctx(county.actor), late.id, { note: '查无此事', outcome: 'false_report' })
    // 31 January 16:00 UTC is already 1 February in China: a tip then belongs to February.
    clock.set(new Date('2026-01-31T16:30:00Z'))
    await tip('d')

    const january = await monthlyClueStats(t.ctx(province.actor), { month: '2026-01' })
    expect(january).toEqual([
      {
        unitId: units.nanshan.id,
        unitName: '南山分局',
        month: '2026-01',
        received: 3,
        closed: 2,
        verifiedOnTime: 1,
        overdue: 2,
        outcomes: { confirmed_lead: 1, no_finding: 0, false_report: 1 },
      },
    ])
    expect((await monthlyClueStats(t.ctx(province.actor), { month: '2026-02' }))[0]).toMatchObject({ received: 1, closed: 0 })
    // Another jurisdiction sees nothing of Guangdong's figures.
    const beijing = await investigatorOf(t.ctx(), units.dongcheng)
    expect(await monthlyClueStats(t.ctx(beijing.actor), { month: '2026-01' })).toEqual([])
  })
})
