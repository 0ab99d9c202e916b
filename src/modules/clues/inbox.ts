// A unit's inbox of clues: what is new, due soon or overdue, filtered in SQL within the caller's jurisdiction.
import { and, asc, desc, eq, gt, isNotNull, lte, ne, or, sql, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { actorUnit } from '../../platform/auth/actor.ts'
import { HOUR } from '../../platform/clock.ts'
import { deadline } from '../../platform/deadlines/tables.ts'
import { clue } from './tables.ts'
import { clueReadScope } from './access.ts'
import { toClueView } from './views.ts'
import type { ClueInboxQuery, ClueView } from './schema.ts'

/** The clue's open deadline; a clue has at most one. */
export const openDeadline = and(
  eq(deadline.subjectType, 'clue'),
  sql`${deadline.subjectId} = "clue"."id"::text`,
  sql`${deadline.completedAt} IS NULL`,
  sql`${deadline.cancelledAt} IS NULL`,
)

/** Which rows a tab of the inbox shows; `listInbox` lists them and `countInbox` counts them. */
export function viewFilter(query: Pick<ClueInboxQuery, 'view' | 'withinHours'>, now: Date): SQL | undefined {
  const open = ne(clue.status, 'closed')
  switch (query.view ?? 'open') {
    case 'open':
      return open
    case 'new':
      return eq(clue.status, 'new')
    case 'due_soon':
      return and(open, gt(deadline.dueAt, now), lte(deadline.dueAt, new Date(now.getTime() + (query.withinHours ?? 72) * HOUR)))
    case 'overdue':
      return and(open, lte(deadline.dueAt, now))
    case 'closed':
      return eq(clue.status, 'closed')
    case 'all':
      return undefined
  }
}

/** Received by the unit, or escalated to it as the supervising unit once overdue; `sent` lists what it sent instead. */
function unitFilter(query: Pick<ClueInboxQuery, 'sent'>, unitId: string | undefined): SQL | undefined {
  if (!unitId) return undefined
  if (query.sent) return eq(clue.senderUnitId, unitId)
  return or(eq(clue.routedUnitId, unitId), and(eq(deadline.supervisingUnitId, unitId), isNotNull(deadline.escalatedAt)))
}

/** The rows of the inbox whatever the view: the caller's scope, the unit and the filters; the query joins the open deadline. */
export function inboxFilter(ctx: Ctx, query: Omit<ClueInboxQuery, 'view' | 'limit'>): SQL | undefined {
  const unitId = query.unitId ?? actorUnit(ctx.actor)?.id
  const me = ctx.actor.kind === 'user' ? ctx.actor.id : null
  return and(
    clueReadScope(ctx),
    unitFilter(query, unitId),
    query.kind ? eq(clue.kind, query.kind) : undefined,
    query.source ? eq(clue.source, query.source) : undefined,
    query.dueBefore ? lte(deadline.dueAt, new Date(query.dueBefore)) : undefined,
    query.mine ? (me ? sql`${clue.assignees} @> ARRAY[${me}]::uuid[]` : sql`false`) : undefined,
  )
}

/**
 * The inbox of the caller's unit (or of `unitId` within the caller's jurisdiction), soonest due first.
 * Bulk assignment takes its ids from here.
 */
export async function listInbox(ctx: Ctx, query: ClueInboxQuery): Promise<ClueView[]> {
  const rows = await ctx.db
    .select({ row: clue, dueAt: deadline.dueAt })
    .from(clue)
    .leftJoin(deadline, openDeadline)
    .where(and(inboxFilter(ctx, query), viewFilter(query, ctx.now())))
    .orderBy(sql`${deadline.dueAt} ASC NULLS LAST`, desc(clue.createdAt), asc(clue.id))
    .limit(query.limit ?? 100)
  await ctx.audit({ action: 'clue.list', details: { ...query, returned: rows.length } })
  return rows.map(({ row, dueAt }) => toClueView(row, dueAt))
}
