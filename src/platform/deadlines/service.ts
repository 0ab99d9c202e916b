import { and, asc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm'
import type { Ctx } from '../context.ts'
import type { Db } from '../db/client.ts'
import { jurisdictionFilter } from '../auth/authorize.ts'
import { notFound } from '../errors.ts'
import { DAY, HOUR } from '../clock.ts'
import { unitRef } from '../../modules/identity/index.ts'
import { addDuration, calendarSpanDays, loadCalendar, subtractDuration, type Duration } from './calendar.ts'
import { deadline } from './tables.ts'
import type { DeadlineListQuery, DeadlineStatus, DeadlineView } from './schema.ts'

export interface DeadlineSpec {
  kind: string
  title: string
  subject: { type: string; id: string }
  unitId: string
  /** Receives the escalation; defaults to the responsible unit's parent. `null`: never escalate. */
  supervisingUnitId?: string | null
  /** When the clock starts; defaults to now. */
  startedAt?: Date
  due: { at: Date } | { after: Duration }
  /** Reminders this long before the due date; default one day before. */
  remindBefore?: Duration[]
  /** Grace period after the due date before escalation; default one day. */
  escalateAfter?: Duration
  details?: Record<string, unknown>
}

type DeadlineRow = typeof deadline.$inferSelect

/** Registers a deadline in the caller's transaction; reminders, overdue flags and escalation follow by themselves. */
export async function createDeadline(ctx: Ctx, spec: DeadlineSpec, tx: Db = ctx.db): Promise<DeadlineRow> {
  const startedAt = spec.startedAt ?? ctx.now()
  const span = 'after' in spec.due ? calendarSpanDays(spec.due.after) : 0
  const calendar = await loadCalendar(tx, startedAt, span)
  const dueAt = 'at' in spec.due ? spec.due.at : addDuration(startedAt, spec.due.after, calendar)
  // Reminders fall between the start and the due date, escalation after it: the calendar must cover both.
  const escalateAfter = spec.escalateAfter ?? { days: 1 }
  const daysToDue = Math.max(0, Math.ceil((dueAt.getTime() - startedAt.getTime()) / DAY))
  const around = await loadCalendar(tx, startedAt, daysToDue + calendarSpanDays(escalateAfter))
  const remindAt = (spec.remindBefore ?? [{ days: 1 }])
    .map((d) => subtractDuration(dueAt, d, around))
    .filter((t) => t.getTime() > startedAt.getTime())
    .sort((a, b) => a.getTime() - b.getTime())
    .map((t) => t.toISOString())
  const supervisingUnitId = spec.supervisingUnitId === undefined ? await parentUnitOf(tx, spec.unitId) : spec.supervisingUnitId
  const escalateAt = supervisingUnitId ? addDuration(dueAt, escalateAfter, around) : null
  const [row] = await tx
    .insert(deadline)
    .values({
      kind: spec.kind,
      title: spec.title,
      subjectType: spec.subject.type,
      subjectId: spec.subject.id,
      unitId: spec.unitId,
      supervisingUnitId,
      startedAt,
      dueAt,
      remindAt,
      escalateAt,
      details: spec.details ?? {},
      createdAt: ctx.now(),
    })
    .returning()
  await ctx.audit(
    { action: 'deadline.create', resource: { type: 'deadline', id: row.id }, details: { kind: spec.kind, dueAt: dueAt.toISOString() } },
    tx,
  )
  return row
}

async function parentUnitOf(db: Db, unitId: string): Promise<string | null> {
  const [row] = await db.select({ parentId: unitRef.parentId }).from(unitRef).where(eq(unitRef.id, unitId))
  if (!row) throw notFound('unit.not_found', `unit ${unitId} not found`)
  return row.parentId
}

/** Marks the open deadlines of a subject as met; nothing more is sent for them. */
export async function completeDeadlines(ctx: Ctx, subject: { type: string; id: string; kind?: string }, tx: Db = ctx.db): Promise<number> {
  const done = await tx
    .update(deadline)
    .set({ completedAt: ctx.now() })
    .where(
      and(
        eq(deadline.subjectType, subject.type),
        eq(deadline.subjectId, subject.id),
        subject.kind ? eq(deadline.kind, subject.kind) : undefined,
        isNull(deadline.completedAt),
        isNull(deadline.cancelledAt),
      ),
    )
    .returning({ id: deadline.id })
  for (const { id } of done) await ctx.audit({ action: 'deadline.complete', resource: { type: 'deadline', id } }, tx)
  return done.length
}

export function deadlineStatus(row: DeadlineRow): DeadlineStatus {
  if (row.completedAt) return 'done'
  if (row.cancelledAt) return 'cancelled'
  if (row.escalatedAt) return 'escalated'
  if (row.overdueAt) return 'overdue'
  return 'open'
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/**
 * The unit's list of what is due soon or overdue (its own deadlines and those escalated to it),
 * limited in SQL to units in the caller's jurisdiction.
 */
export async function listDeadlines(ctx: Ctx, query: DeadlineListQuery): Promise<DeadlineView[]> {
  const scope = jurisdictionFilter(ctx.actor, 'deadline.read', { divisionCode: unitRef.divisionCode, owningUnitId: unitRef.id })
  const unitId = query.unitId ?? (ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.unit.id : undefined)
  const now = ctx.now()
  const open = and(isNull(deadline.completedAt), isNull(deadline.cancelledAt))
  const view = query.view ?? 'open'
  const timing =
    view === 'overdue'
      ? lte(deadline.dueAt, now)
      : view === 'due_soon'
        ? and(gt(deadline.dueAt, now), lte(deadline.dueAt, new Date(now.getTime() + (query.withinHours ?? 72) * HOUR)))
        : undefined
  const forUnit = unitId
    ? or(eq(deadline.unitId, unitId), and(eq(deadline.supervisingUnitId, unitId), sql`${deadline.escalatedAt} IS NOT NULL`))
    : undefined
  const rows = await ctx.db
    .select({ d: deadline, unitName: unitRef.name })
    .from(deadline)
    .innerJoin(unitRef, eq(unitRef.id, deadline.unitId))
    .where(and(scope, open, timing, forUnit))
    .orderBy(asc(deadline.dueAt))
    .limit(500)
  return rows.map(({ d, unitName }) => ({
    id: d.id,
    kind: d.kind,
    title: d.title,
    subjectType: d.subjectType,
    subjectId: d.subjectId,
    unitId: d.unitId,
    unitName,
    supervisingUnitId: d.supervisingUnitId,
    dueAt: d.dueAt.toISOString(),
    status: deadlineStatus(d),
    remindedAt: iso(d.remindedAt),
    overdueAt: iso(d.overdueAt),
    escalatedAt: iso(d.escalatedAt),
    completedAt: iso(d.completedAt),
  }))
}
