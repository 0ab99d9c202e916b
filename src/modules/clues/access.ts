// Who may reach a clue: the receiving side (its unit and those above it) and the sending side, which follows
// what became of what it sent. Only the receiving side works on it.
import { eq, or, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { authorize, isAuthorized, jurisdictionFilter, type ResourceRef } from '../../platform/auth/authorize.ts'
import { notFound } from '../../platform/errors.ts'
import { clue } from './tables.ts'

export type ClueRow = typeof clue.$inferSelect

const receivingSide = (row: ClueRow): ResourceRef => ({
  type: 'clue',
  id: row.id,
  divisionCode: row.divisionCode,
  owningUnitId: row.routedUnitId,
  sensitivity: 'personal',
})

const sendingSide = (row: ClueRow): ResourceRef | null =>
  row.senderUnitId && row.senderDivisionCode
    ? { type: 'clue', id: row.id, divisionCode: row.senderDivisionCode, owningUnitId: row.senderUnitId, sensitivity: 'personal' }
    : null

/** Clues the caller may read, as a SQL condition: received in its jurisdiction, or sent from it. */
export function clueReadScope(ctx: Ctx): SQL {
  const received = jurisdictionFilter(ctx.actor, 'clue.read', { divisionCode: clue.divisionCode, owningUnitId: clue.routedUnitId })
  const sent = jurisdictionFilter(ctx.actor, 'clue.read', { divisionCode: clue.senderDivisionCode, owningUnitId: clue.senderUnitId })
  return or(received, sent)!
}

export async function loadClue(db: Db, id: string, forUpdate: boolean): Promise<ClueRow> {
  const query = db.select().from(clue).where(eq(clue.id, id))
  const [row] = forUpdate ? await query.for('update') : await query
  if (!row) throw notFound('clue.not_found', `clue ${id} not found`)
  return row
}

/** A clue the caller may read from either side; others are "not found", so that their existence does not leak. */
export async function getClueRow(ctx: Ctx, id: string, db: Db = ctx.db): Promise<ClueRow> {
  const row = await loadClue(db, id, false)
  const sender = sendingSide(row)
  if (!(sender && isAuthorized(ctx.actor, 'clue.read', sender))) authorize(ctx.actor, 'clue.read', receivingSide(row))
  return row
}

/** The clue locked for the rest of `tx`, for the receiving side acting with `action`; commands on a clue run in turn. */
export async function lockClueRow(ctx: Ctx, tx: Db, id: string, action: string): Promise<ClueRow> {
  const row = await loadClue(tx, id, true)
  authorize(ctx.actor, action, receivingSide(row))
  return row
}
