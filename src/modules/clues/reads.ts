import { asc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { unitRef } from '../identity/index.ts'
import { clueRoute } from './tables.ts'
import { getClueRow } from './access.ts'
import { loadClueView } from './views.ts'
import type { ClueRouteView, ClueView } from './schema.ts'

/** One clue for either side, with its due date; reading it is audited, as tips name people. */
export async function getClue(ctx: Ctx, id: string): Promise<ClueView> {
  const row = await getClueRow(ctx, id)
  await ctx.audit({ action: 'clue.read', resource: { type: 'clue', id } })
  return loadClueView(ctx.db, row)
}

/** Where the clue went, first routing first: the sender sees which unit holds it now and why it moved. */
export async function listClueRoutes(ctx: Ctx, id: string): Promise<ClueRouteView[]> {
  await getClueRow(ctx, id)
  const rows = await ctx.db
    .select({ route: clueRoute, toUnitName: unitRef.name })
    .from(clueRoute)
    .innerJoin(unitRef, eq(unitRef.id, clueRoute.toUnitId))
    .where(eq(clueRoute.clueId, id))
    .orderBy(asc(clueRoute.at), asc(clueRoute.seq))
  return rows.map(({ route, toUnitName }) => ({
    id: route.id,
    at: route.at.toISOString(),
    fromUnitId: route.fromUnitId,
    toUnitId: route.toUnitId,
    toUnitName,
    rule: route.rule,
    reason: route.reason,
  }))
}
