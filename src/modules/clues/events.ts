import { asc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { actorId, actorName, actorUnit, type Actor } from '../../platform/auth/actor.ts'
import { clueEvent } from './tables.ts'
import { getClueRow } from './access.ts'
import type { ClueEventView } from './schema.ts'

export interface ClueEventInput {
  kind: string
  summary: string
  details?: Record<string, unknown>
}

/** Appends to the clue's history in `tx`; the caller has authorised what it records. */
export async function appendClueEvent(ctx: Ctx, tx: Db, clueId: string, event: ClueEventInput): Promise<void> {
  await writeClueEvent(tx, ctx.actor, ctx.now(), clueId, event)
}

/** `appendClueEvent` for callers without a context, such as the deadline listener inside the sweep. */
export async function writeClueEvent(tx: Db, actor: Actor, now: Date, clueId: string, event: ClueEventInput): Promise<void> {
  await tx.insert(clueEvent).values({
    clueId,
    at: now,
    actorId: actorId(actor),
    actorName: actorName(actor),
    unitId: actorUnit(actor)?.id ?? null,
    kind: event.kind,
    summary: event.summary,
    details: event.details ?? {},
  })
}

/** The clue's history, oldest first, for either side; reading it is audited. */
export async function listClueEvents(ctx: Ctx, clueId: string): Promise<ClueEventView[]> {
  await getClueRow(ctx, clueId)
  const rows = await ctx.db.select().from(clueEvent).where(eq(clueEvent.clueId, clueId)).orderBy(asc(clueEvent.at), asc(clueEvent.seq))
  await ctx.audit({ action: 'clue.timeline.read', resource: { type: 'clue', id: clueId } })
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    kind: r.kind,
    summary: r.summary,
    actorName: r.actorName,
    unitId: r.unitId,
    details: r.details,
  }))
}
