import { afterEach, describe, expect, it } from 'vitest'
import { asc, eq, sql } from 'drizzle-orm'
import { DAY, HOUR, MINUTE, manualClock } from '../clock.ts'
import { openDatabase, queryRows, type Database, type Db } from '../db/client.ts'
import { onPostgres, reopen, testDb } from '../db/testing.ts'
import { testPlatform, type TestPlatform } from '../testing.ts'
import { verifyAuditChain } from '../audit/verify.ts'
import { makeUnit, makeUser } from '../../modules/identity/testing.ts'
import type { UnitView } from '../../modules/identity/schema.ts'
import type { Ctx } from '../context.ts'
import { completeDeadlines, createDeadline, listDeadlines, type DeadlineSpec } from './service.ts'
import { sweepDeadlines, type DeadlineEvent, type DeadlineListener } from './sweep.ts'
import { deadline, deadlineEvent } from './tables.ts'

const START = '2026-01-05T01:00:00Z' // Monday 09:00 in China
const at = (ms: number) => new Date(new Date(START).getTime() + ms)
const nothing = { reminders: 0, overdue: 0, escalations: 0 }

let open: TestPlatform[] = []
afterEach(async () => {
  for (const t of open.reverse()) await t.close()
  open = []
})

async function platform(database?: Database, clock = manualClock(START)): Promise<TestPlatform> {
  const t = await testPlatform({ database, clock })
  open.push(t)
  return t
}

/** A province, a city below it, and two neighbouring counties below the city. */
async function units(ctx: Ctx) {
  const province = await makeUnit(ctx, { divisionCode: '440000' })
  const city = await makeUnit(ctx, { divisionCode: '440300', parentId: province.id })
  const county = await makeUnit(ctx, { divisionCode: '440305', parentId: city.id })
  const neighbour = await makeUnit(ctx, { divisionCode: '440304', parentId: city.id })
  return { province, city, county, neighbour }
}

function spec(unit: UnitView, overrides: Partial<DeadlineSpec> = {}): DeadlineSpec {
  return {
    kind: 'test.feedback',
    title: '协查反馈',
    subject: { type: 'test', id: crypto.randomUUID() },
    unitId: unit.id,
    due: { after: { days: 7 } },
    ...overrides,
  }
}

/** A listener that records what it was told. */
function recorder() {
  const events: DeadlineEvent[] = []
  const listener: DeadlineListener = async (event) => {
    events.push(event)
  }
  return { events, listener, seen: () => events.map((e) => `${e.type}/${e.step}@${e.unitId}`) }
}

async function eventsOf(db: Db, deadlineId?: string) {
  const rows = await db
    .select()
    .from(deadlineEvent)
    .where(deadlineId ? eq(deadlineEvent.deadlineId, deadlineId) : undefined)
    .orderBy(asc(deadlineEvent.occurredAt), asc(deadlineEvent.type), asc(deadlineEvent.step))
  return rows.map((r) => ({ type: r.type, step: r.step, unitId: r.unitId, occurredAt: r.occurredAt.toISOString() }))
}

async function auditActions(db: Db, deadlineId: string) {
  const rows = await queryRows<{ action: string }>(
    db,
    sql`SELECT action FROM audit_entry WHERE resource_type = 'deadline' AND resource_id = ${deadlineId} ORDER BY id`,
  )
  return rows.map((r) => r.action)
}

describe('sweepDeadlines over a 7-day term', () => {
  it('reminds once, flags overdue once and escalates once to the parent unit', async () => {
    const t = await platform()
    const ctx = t.ctx()
    const { city, county } = await units(ctx)
    const row = await createDeadline(ctx, spec(county))
    expect(row.dueAt).toEqual(at(7 * DAY))
    expect(row.remindAt).toEqual([at(6 * DAY).toISOString()])
    expect(row.escalateAt).toEqual(at(8 * DAY))
    expect(row.supervisingUnitId).toBe(city.id)
    const { listener, seen } = recorder()
    const sweep = () => sweepDeadlines(t.database.db, t.clock, [listener])

    expect(await sweep()).toEqual(nothing)
    t.clock.set(at(6 * DAY - MINUTE))
    expect(await sweep()).toEqual(nothing)

    t.clock.set(at(6 * DAY))
    expect(await sweep()).toEqual({ reminders: 1, overdue: 0, escalations: 0 })
    expect(await sweep()).toEqual(nothing)
    t.clock.advance(HOUR)
    expect(await sweep()).toEqual(nothing)
    expect(seen()).toEqual([`reminder/0@${county.id}`])

    t.clock.set(at(7 * DAY - 1))
    expect(await sweep()).toEqual(nothing)
    t.clock.set(at(7 * DAY))
    expect(await sweep()).toEqual({ reminders: 0, overdue: 1, escalations: 0 })
    expect(await sweep()).toEqual(nothing)

    t.clock.set(at(8 * DAY - 1))
    expect(await sweep()).toEqual(nothing)
    t.clock.set(at(8 * DAY))
    expect(await sweep()).toEqual({ reminders: 0, overdue: 0, escalations: 1 })
    t.clock.advance(30 * DAY)
    expect(await sweep()).toEqual(nothing)

    expect(seen()).toEqual([`reminder/0@${county.id}`, `overdue/0@${county.id}`, `escalation/0@${city.id}`])
    expect(await eventsOf(t.database.db, row.id)).toEqual([
      { type: 'reminder', step: 0, unitId: county.id, occurredAt: at(6 * DAY).toISOString() },
      { type: 'overdue', step: 0, unitId: county.id, occurredAt: at(7 * DAY).toISOString() },
      { type: 'escalation', step: 0, unitId: city.id, occurredAt: at(8 * DAY).toISOString() },
    ])
    const [after] = await t.database.db.select().from(deadline).where(eq(deadline.id, row.id))
    expect(after).toMatchObject({ remindersSent: 1, remindedAt: at(6 * DAY), overdueAt: at(7 * DAY), escalatedAt: at(8 * DAY) })
    expect(await auditActions(t.database.db, row.id)).toEqual([
      'deadline.create',
      'deadline.reminder',
      'deadline.overdue',
      'deadline.escalation',
    ])
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true)
  })

  it('catches up on everything due in one sweep after a long pause, each once and in order', async () => {
    const t = await platform()
    const ctx = t.ctx()
    const { city, county } = await units(ctx)
    const row = await createDeadline(ctx, spec(county, { remindBefore: [{ hours: 2 }, { days: 3 }, { days: 1 }] }))
    expect(row.remindAt).toEqual([at(4 * DAY), at(6 * DAY), at(7 * DAY - 2 * HOUR)].map((d) => d.toISOString()))
    const { listener, seen } = recorder()

    t.clock.set(at(6 * DAY + HOUR))
    expect(await sweepDeadlines(t.database.db, t.clock, [listener])).toEqual({ reminders: 2, overdue: 0, escalations: 0 })
    t.clock.set(at(20 * DAY))
    expect(await sweepDeadlines(t.database.db, t.clock, [listener])).toEqual({ reminders: 1, overdue: 1, escalations: 1 })
    expect(await sweepDeadlines(t.database.db, t.clock, [listener])).toEqual(nothing)
    expect(seen()).toEqual([
      `reminder/0@${county.id}`,
      `reminder/1@${county.id}`,
      `reminder/2@${county.id}`,
      `overdue/0@${county.id}`,
      `escalation/0@${city.id}`,
    ])
    expect((await eventsOf(t.database.db, row.id)).map((e) => `${e.type}/${e.step} ${e.occurredAt}`)).toEqual([
      `reminder/0 ${at(6 * DAY + HOUR).toISOString()}`,
      `reminder/1 ${at(6 * DAY + HOUR).toISOString()}`,
      `escalation/0 ${at(20 * DAY).toISOString()}`,
      `overdue/0 ${at(20 * DAY).toISOString()}`,
      `reminder/2 ${at(20 * DAY).toISOString()}`,
    ])
  })

  it('lists the deadline as due soon, then overdue, to its unit and to those whose jurisdiction covers it', async () => {
    const t = await platform()
    const ctx = t.ctx()
    const { province, city, county, neighbour } = await units(ctx)
    const own = await makeUser(ctx, county, ['investigator'])
    const next = await makeUser(ctx, neighbour, ['investigator'])
    const provincial = await makeUser(ctx, province, ['command'])
    const supervisor = await makeUser(ctx, city, ['supervisor'])
    const row = await createDeadline(ctx, spec(county))
    const as = (user: { actor: Ctx['actor'] }) => t.ctx(user.actor)
    const ids = (views: { id: string }[]) => views.map((v) => v.id)
    const sweep = () => sweepDeadlines(t.database.db, t.clock)

    // Seven days out is beyond the default 72 hours of "due soon".
    expect(ids(await listDeadlines(as(own), { view: 'due_soon' }))).toEqual([])
    expect(ids(await listDeadlines(as(own), { view: 'due_soon', withinHours: 7 * 24 }))).toEqual([row.id])
    expect(ids(await listDeadlines(as(own), { view: 'open' }))).toEqual([row.id])

    t.clock.set(at(6 * DAY))
    await sweep()
    const [soon] = await listDeadlines(as(own), { view: 'due_soon' })
    expect(soon).toMatchObject({
      id: row.id,
      unitId: county.id,
      unitName: county.name,
      status: 'open',
      remindedAt: at(6 * DAY).toISOString(),
    })
    expect(await listDeadlines(as(own), { view: 'overdue' })).toEqual([])

    // A neighbouring county sees nothing, not even by naming the unit.
    expect(await listDeadlines(as(next), {})).toEqual([])
    expect(await listDeadlines(as(next), { unitId: county.id })).toEqual([])
    expect(await listDeadlines(as(next), { unitId: county.id, view: 'due_soon' })).toEqual([])
    // The province sees it by naming the unit; its own list is its own unit's.
    expect(await listDeadlines(as(provincial), {})).toEqual([])
    expect(ids(await listDeadlines(as(provincial), { unitId: county.id, view: 'due_soon' }))).toEqual([row.id])

    t.clock.set(at(7 * DAY))
    await sweep()
    expect(await listDeadlines(as(own), { view: 'due_soon' })).toEqual([])
    expect(await listDeadlines(as(own), { view: 'overdue' })).toMatchObject([
      { id: row.id, status: 'overdue', overdueAt: at(7 * DAY).toISOString() },
    ])
    expect(ids(await listDeadlines(as(provincial), { unitId: county.id, view: 'overdue' }))).toEqual([row.id])
    expect(await listDeadlines(as(next), { unitId: county.id, view: 'overdue' })).toEqual([])
    // Not yet escalated: the supervising city does not have it on its own list.
    expect(await listDeadlines(as(supervisor), { view: 'overdue' })).toEqual([])

    t.clock.set(at(8 * DAY))
    await sweep()
    expect(await listDeadlines(as(supervisor), { view: 'overdue' })).toMatchObject([
      { id: row.id, status: 'escalated', supervisingUnitId: city.id, escalatedAt: at(8 * DAY).toISOString() },
    ])
    expect(ids(await listDeadlines(as(own), { view: 'overdue' }))).toEqual([row.id])
    expect(await listDeadlines(as(next), {})).toEqual([])
    expect(await listDeadlines(as(next), { unitId: county.id })).toEqual([])
  })
})

describe('sweepDeadlines across restarts and concurrent sweeps', () => {
  it('loses and doubles nothing when the process restarts between sweeps and a sweep dies midway', async () => {
    const clock = manualClock(START)
    let database = await testDb({ onDisk: true })
    let t = await platform(database, clock)
    const { city, county } = await units(t.ctx())
    const first = await createDeadline(t.ctx(), spec(county, { remindBefore: [{ days: 3 }, { days: 1 }] }))
    const second = await createDeadline(t.ctx(), spec(county, { due: { after: { days: 9 } } }))
    const restart = async () => {
      database = await reopen(database)
      t = await platform(database, clock)
    }
    const { listener, seen } = recorder()

    clock.set(at(4 * DAY))
    expect(await sweepDeadlines(t.database.db, clock, [listener])).toEqual({ reminders: 1, overdue: 0, escalations: 0 })
    await restart()
    expect(await sweepDeadlines(t.database.db, clock, [listener])).toEqual(nothing)

    // The process restarts while the clock moves on: the first deadline's second reminder and
    // the second's only reminder are due.
    clock.set(at(8 * DAY))
    await restart()
    // A listener that fails takes its event's transaction down with it, as a crash would:
    // the overdue flag is not recorded, but what was emitted before it stays.
    const crashing: DeadlineListener = async (event) => {
      if (event.type === 'overdue') throw new Error('crashed')
    }
    await expect(sweepDeadlines(t.database.db, clock, [listener, crashing])).rejects.toThrow('crashed')
    expect((await eventsOf(t.database.db, first.id)).map((e) => `${e.type}/${e.step}`)).toEqual(['reminder/0', 'reminder/1'])

    await restart()
    expect(await sweepDeadlines(t.database.db, clock, [listener])).toEqual({ reminders: 1, overdue: 1, escalations: 1 })
    expect(await sweepDeadlines(t.database.db, clock, [listener])).toEqual(nothing)

    clock.set(at(10 * DAY))
    await restart()
    expect(await sweepDeadlines(t.database.db, clock, [listener])).toEqual({ reminders: 0, overdue: 1, escalations: 1 })
    await restart()
    clock.advance(DAY)
    expect(await sweepDeadlines(t.database.db, clock, [listener])).toEqual(nothing)

    // Events at the same instant are listed by type.
    const key = (e: { type: string; step: number; unitId: string; occurredAt: string }) => `${e.type}/${e.step}@${e.unitId} ${e.occurredAt}`
    expect((await eventsOf(t.database.db, first.id)).map(key)).toEqual([
      `reminder/0@${county.id} ${at(4 * DAY).toISOString()}`,
      `escalation/0@${city.id} ${at(8 * DAY).toISOString()}`,
      `overdue/0@${county.id} ${at(8 * DAY).toISOString()}`,
      `reminder/1@${county.id} ${at(8 * DAY).toISOString()}`,
    ])
    expect((await eventsOf(t.database.db, second.id)).map(key)).toEqual([
      `reminder/0@${county.id} ${at(8 * DAY).toISOString()}`,
      `escalation/0@${city.id} ${at(10 * DAY).toISOString()}`,
      `overdue/0@${county.id} ${at(10 * DAY).toISOString()}`,
    ])
    // The listener heard the first deadline's overdue twice (the first time rolled back), the second's once.
    expect(seen().filter((s) => s.startsWith('overdue'))).toEqual([
      `overdue/0@${county.id}`,
      `overdue/0@${county.id}`,
      `overdue/0@${county.id}`,
    ])
    expect(seen()).toHaveLength(4 + 1 + 3)
    expect(await auditActions(t.database.db, first.id)).toEqual([
      'deadline.create',
      'deadline.reminder',
      'deadline.reminder',
      'deadline.overdue',
      'deadline.escalation',
    ])
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true)
  })

  it('emits each event once when sweeps run at the same time', async () => {
    const t = await platform()
    const ctx = t.ctx()
    const { county } = await units(ctx)
    const rows = []
    for (let i = 0; i < 12; i++) rows.push(await createDeadline(ctx, spec(county, { remindBefore: [{ days: 3 }, { days: 1 }] })))
    const { listener, events } = recorder()
    // Another server on the same database: its own connection pool on PostgreSQL.
    const other = onPostgres() ? await openDatabase({ databaseUrl: t.database.connectionString! }) : t.database
    try {
      t.clock.set(at(6 * DAY))
      const first = await Promise.all([
        sweepDeadlines(t.database.db, t.clock, [listener]),
        sweepDeadlines(other.db, t.clock, [listener]),
        sweepDeadlines(t.database.db, t.clock, [listener]),
        sweepDeadlines(other.db, t.clock, [listener]),
      ])
      expect(first.reduce((n, r) => n + r.reminders, 0)).toBe(24)
      t.clock.set(at(9 * DAY))
      const second = await Promise.all([
        sweepDeadlines(t.database.db, t.clock, [listener]),
        sweepDeadlines(other.db, t.clock, [listener]),
        sweepDeadlines(other.db, t.clock, [listener]),
      ])
      expect(second.reduce((n, r) => n + r.reminders, 0)).toBe(0)
      expect(second.reduce((n, r) => n + r.overdue, 0)).toBe(12)
      expect(second.reduce((n, r) => n + r.escalations, 0)).toBe(12)
    } finally {
      if (other !== t.database) await other.close()
    }
    expect(events).toHaveLength(12 * 4)
    const stored = await eventsOf(t.database.db)
    expect(stored).toHaveLength(12 * 4)
    const counts = await queryRows<{ deadline_id: string; type: string; step: number; n: number }>(
      t.database.db,
      sql`SELECT deadline_id, type, step, count(*)::int AS n FROM deadline_event GROUP BY 1, 2, 3`,
    )
    expect(counts).toHaveLength(12 * 4)
    expect(counts.every((c) => c.n === 1)).toBe(true)
    for (const row of rows) {
      expect((await eventsOf(t.database.db, row.id)).map((e) => `${e.type}/${e.step}`).sort()).toEqual([
        'escalation/0',
        'overdue/0',
        'reminder/0',
        'reminder/1',
      ])
    }
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true)
  })
})

describe('deadlines that are done or never escalate', () => {
  it('emits nothing for a completed deadline, before or after its first reminder', async () => {
    const t = await platform()
    const ctx = t.ctx()
    const { county } = await units(ctx)
    const early = await createDeadline(ctx, spec(county))
    const late = await createDeadline(ctx, spec(county))
    const pending = await createDeadline(ctx, spec(county))
    expect(await completeDeadlines(ctx, { type: 'test', id: early.subjectId })).toBe(1)

    t.clock.set(at(6 * DAY))
    expect(await sweepDeadlines(t.database.db, t.clock)).toEqual({ reminders: 2, overdue: 0, escalations: 0 })
    expect(await completeDeadlines(ctx, { type: 'test', id: late.subjectId, kind: 'test.feedback' })).toBe(1)
    // Completing again finds nothing open.
    expect(await completeDeadlines(ctx, { type: 'test', id: late.subjectId })).toBe(0)

    t.clock.set(at(30 * DAY))
    expect(await sweepDeadlines(t.database.db, t.clock)).toEqual({ reminders: 0, overdue: 1, escalations: 1 })
    expect(await eventsOf(t.database.db, early.id)).toEqual([])
    expect((await eventsOf(t.database.db, late.id)).map((e) => e.type)).toEqual(['reminder'])
    expect((await eventsOf(t.database.db, pending.id)).map((e) => e.type).sort()).toEqual(['escalation', 'overdue', 'reminder'])
    const [done] = await t.database.db.select().from(deadline).where(eq(deadline.id, late.id))
    expect(done).toMatchObject({ completedAt: at(6 * DAY), overdueAt: null, escalatedAt: null })
    expect((await listDeadlines(ctx, { unitId: county.id, view: 'overdue' })).map((d) => d.id)).toEqual([pending.id])
  })

  it('flags overdue but never escalates a deadline without a supervising unit', async () => {
    const t = await platform()
    const ctx = t.ctx()
    const { county } = await units(ctx)
    const row = await createDeadline(ctx, spec(county, { supervisingUnitId: null, due: { at: at(DAY) } }))
    expect(row).toMatchObject({ supervisingUnitId: null, escalateAt: null, remindAt: [] })
    t.clock.set(at(60 * DAY))
    expect(await sweepDeadlines(t.database.db, t.clock)).toEqual({ reminders: 0, overdue: 1, escalations: 0 })
    expect(await sweepDeadlines(t.database.db, t.clock)).toEqual(nothing)
    expect((await eventsOf(t.database.db, row.id)).map((e) => e.type)).toEqual(['overdue'])
  })
})
