// How many clues each inbox tab holds, in one query over the same rows as the inbox itself.
import { sql, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { deadline } from '../../platform/deadlines/tables.ts'
import { clue } from './tables.ts'
import { inboxFilter, openDeadline, viewFilter } from './inbox.ts'
import type { ClueInboxCounts, ClueInboxCountsQuery } from './schema.ts'

const countWhere = (filter: SQL | undefined) => sql<number>`count(*) FILTER (WHERE ${filter})`.mapWith(Number)

/**
 * The tab counts of the inbox of the caller's unit (or of `unitId`), each by the view's own rule and with the same
 * filters as `listInbox`. Counts name nobody, so reading them is not audited; the lists they lead to are.
 */
export async function countInbox(ctx: Ctx, query: ClueInboxCountsQuery): Promise<ClueInboxCounts> {
  const now = ctx.now()
  const tab = (view: 'open' | 'new' | 'due_soon' | 'overdue' | 'closed') =>
    countWhere(viewFilter({ view, withinHours: query.withinHours }, now))
  const [row] = await ctx.db
    .select({ open: tab('open'), new: tab('new'), due_soon: tab('due_soon'), overdue: tab('overdue'), closed: tab('closed') })
    .from(clue)
    .leftJoin(deadline, openDeadline)
    .where(inboxFilter(ctx, query))
  return row
}
