// Monthly figures per unit (received, closed, verified on time, overdue, outcomes): the rankings read these later.
import { and, count, eq, gte, lt, sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { jurisdictionFilter } from '../../platform/auth/authorize.ts'
import { deadline } from '../../platform/deadlines/tables.ts'
import { unitRef } from '../identity/index.ts'
import { clue, clueRoute } from './tables.ts'
import type { ClueOutcome, StatsQuery, UnitMonthStats } from './schema.ts'

/** The month's bounds in China time (UTC+8, no daylight saving). */
export function monthBounds(month: string): { from: Date; to: Date } {
  const [year, m] = month.split('-').map(Number)
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`
  return { from: new Date(`${month}-01T00:00:00+08:00`), to: new Date(`${next}-01T00:00:00+08:00`) }
}

/** Met in time: the unit's deadline for the clue was completed by its due date. */
const onTime = sql<boolean>`EXISTS (SELECT 1 FROM ${deadline} WHERE ${deadline.subjectType} = 'clue'
  AND ${deadline.subjectId} = "clue"."id"::text AND ${deadline.unitId} = "clue"."routed_unit_id"
  AND ${deadline.completedAt} IS NOT NULL AND ${deadline.completedAt} <= ${deadline.dueAt})`

/**
 * Each unit's figures for the month, for the units in the caller's jurisdiction (or one of them). A clue counts
 * as received by every unit it was routed to that month, and as closed, with its outcome, by the unit that closed it.
 */
export async function monthlyClueStats(ctx: Ctx, query: StatsQuery): Promise<UnitMonthStats[]> {
  const scope = and(
    jurisdictionFilter(ctx.actor, 'clue.read', { divisionCode: unitRef.divisionCode, owningUnitId: unitRef.id }),
    query.unitId ? eq(unitRef.id, query.unitId) : undefined,
  )
  const { from, to } = monthBounds(query.month)
  const received = await ctx.db
    .select({ unitId: clueRoute.toUnitId, n: count() })
    .from(clueRoute)
    .innerJoin(unitRef, eq(unitRef.id, clueRoute.toUnitId))
    .where(and(scope, gte(clueRoute.at, from), lt(clueRoute.at, to)))
    .groupBy(clueRoute.toUnitId)
  const closed = await ctx.db
    .select({ unitId: clue.routedUnitId, outcome: clue.outcome, onTime, n: count() })
    .from(clue)
    .innerJoin(unitRef, eq(unitRef.id, clue.routedUnitId))
    .where(and(scope, gte(clue.closedAt, from), lt(clue.closedAt, to)))
    .groupBy(clue.routedUnitId, clue.outcome, onTime)
  const overdue = await ctx.db
    .select({ unitId: deadline.unitId, n: count() })
    .from(deadline)
    .innerJoin(unitRef, eq(unitRef.id, deadline.unitId))
    .where(and(scope, eq(deadline.subjectType, 'clue'), gte(deadline.overdueAt, from), lt(deadline.overdueAt, to)))
    .groupBy(deadline.unitId)
  const unitIds = [...new Set([...received, ...closed, ...overdue].map((r) => r.unitId))]
  const names = unitIds.length
    ? await ctx.db
        .select({ id: unitRef.id, name: unitRef.name })
        .from(unitRef)
        .where(sql`${unitRef.id} IN ${unitIds}`)
    : []
  await ctx.audit({ action: 'clue.stats.read', details: { ...query } })
  return unitIds
    .map((unitId) => {
      const mine = closed.filter((r) => r.unitId === unitId)
      const outcomes: Record<ClueOutcome, number> = { confirmed_lead: 0, no_finding: 0, false_report: 0 }
      for (const r of mine) if (r.outcome) outcomes[r.outcome] += r.n
      return {
        unitId,
        unitName: names.find((u) => u.id === unitId)?.name ?? '',
        month: query.month,
        received: received.find((r) => r.unitId === unitId)?.n ?? 0,
        closed: mine.reduce((sum, r) => sum + r.n, 0),
        verifiedOnTime: mine.filter((r) => r.onTime).reduce((sum, r) => sum + r.n, 0),
        overdue: overdue.find((r) => r.unitId === unitId)?.n ?? 0,
        outcomes,
      }
    })
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh'))
}
