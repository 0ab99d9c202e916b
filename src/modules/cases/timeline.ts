import { and, asc, desc, eq, like } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { actorId, actorName, actorUnit, type Actor } from '../../platform/auth/actor.ts'
import { invalid, notFound } from '../../platform/errors.ts'
import { caseEvent, missingCase } from './tables.ts'
import { getCaseRow } from './access.ts'
import type { CaseEventView, TimelineQuery } from './timeline-schema.ts'

export interface CaseEventInput {
  /** `<module>.<what>` or a plain word, e.g. `alert.published`, `dna.hit`, `dispatch`. */
  kind: string
  /** One line a person reads on the timeline. */
  summary: string
  details?: Record<string, unknown>
  /** When it happened, if not now (a dispatch recorded afterwards). */
  at?: Date
}

const KIND = /^[a-z][a-z_]*(\.[a-z][a-z_]*)*$/

/**
 * Appends one event to a case's timeline in `tx` and marks the case's last action. The caller has
 * already authorised what it records; this only refuses an unknown case or a malformed kind.
 */
export async function appendCaseEvent(ctx: Ctx, tx: Db, caseId: string, event: CaseEventInput): Promise<CaseEventView> {
  return writeCaseEvent(tx, ctx.actor, ctx.now(), caseId, event)
}

/** `appendCaseEvent` for callers without a context, such as deadline listeners inside the sweep. */
export async function writeCaseEvent(tx: Db, actor: Actor, now: Date, caseId: string, event: CaseEventInput): Promise<CaseEventView> {
  if (!KIND.test(event.kind)) throw invalid('case.event_kind', `event kind ${event.kind} is not <module>.<what>`)
  const [touched] = await tx
    .update(missingCase)
    .set({ lastActionAt: now })
    .where(eq(missingCase.id, caseId))
    .returning({ id: missingCase.id })
  if (!touched) throw notFound('case.not_found', `case ${caseId} not found`)
  const [row] = await tx
    .insert(caseEvent)
    .values({
      caseId,
      at: event.at ?? now,
      actorId: actorId(actor),
      actorName: actorName(actor),
      unitId: actorUnit(actor)?.id ?? null,
      kind: event.kind,
      summary: event.summary,
      details: event.details ?? {},
    })
    .returning()
  return toCaseEventView(row)
}

export function toCaseEventView(row: typeof caseEvent.$inferSelect): CaseEventView {
  return {
    id: row.id,
    caseId: row.caseId,
    at: row.at.toISOString(),
    kind: row.kind,
    summary: row.summary,
    actorId: row.actorId,
    actorName: row.actorName,
    unitId: row.unitId,
    details: row.details,
  }
}

/** A case's timeline, oldest first (or newest first); reading it is audited, as the events speak of the child. */
export async function listCaseTimeline(ctx: Ctx, caseId: string, query: TimelineQuery = {}): Promise<CaseEventView[]> {
  await getCaseRow(ctx, caseId)
  const kind = query.kind
  const kindFilter = kind ? (kind.endsWith('.') ? like(caseEvent.kind, `${kind}%`) : eq(caseEvent.kind, kind)) : undefined
  const rows = await ctx.db
    .select()
    .from(caseEvent)
    .where(and(eq(caseEvent.caseId, caseId), kindFilter))
    .orderBy(...(query.order === 'desc' ? [desc(caseEvent.at), desc(caseEvent.seq)] : [asc(caseEvent.at), asc(caseEvent.seq)]))
    .limit(query.limit ?? 500)
  await ctx.audit({ action: 'case.timeline.read', resource: { type: 'case', id: caseId } })
  return rows.map(toCaseEventView)
}
