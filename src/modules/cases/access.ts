// Who may reach a case: the one place that decides it, for single records and for lists.
import { eq, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import type { Actor } from '../../platform/auth/actor.ts'
import { authorize, jurisdictionFilter } from '../../platform/auth/authorize.ts'
import { conflict, notFound } from '../../platform/errors.ts'
import { missingCase } from './tables.ts'

export type CaseRow = typeof missingCase.$inferSelect

export const caseResource = (row: Pick<CaseRow, 'id' | 'divisionCode' | 'unitId'>) => ({
  type: 'case',
  id: row.id,
  divisionCode: row.divisionCode,
  owningUnitId: row.unitId,
  sensitivity: 'personal' as const,
})

/**
 * The cases `actor` may see, as a SQL condition: those of its unit and of the units below it.
 * Sharing with other units (the clues module's assistance requests) will be added here, and so
 * reach every list and every single read at once.
 */
export function caseReadFilter(actor: Actor, action = 'case.read'): SQL {
  return jurisdictionFilter(actor, action, { divisionCode: missingCase.divisionCode, owningUnitId: missingCase.unitId })
}

async function loadCase(db: Db, id: string, forUpdate: boolean): Promise<CaseRow> {
  const query = db.select().from(missingCase).where(eq(missingCase.id, id))
  const [row] = forUpdate ? await query.for('update') : await query
  if (!row) throw notFound('case.not_found', `case ${id} not found`)
  return row
}

/** A case the caller may perform `action` on; others are "not found", so that their existence does not leak. */
export async function getCaseRow(ctx: Ctx, id: string, action = 'case.read', db: Db = ctx.db): Promise<CaseRow> {
  const row = await loadCase(db, id, false)
  authorize(ctx.actor, action, caseResource(row))
  return row
}

/**
 * The same, locked for the rest of `tx`: commands on one case run one after another, so two status
 * moves cannot both pass their checks against the same old state.
 */
export async function lockCaseRow(ctx: Ctx, tx: Db, id: string, action: string): Promise<CaseRow> {
  const row = await loadCase(tx, id, true)
  authorize(ctx.actor, action, caseResource(row))
  return row
}

/** Closed cases are history: nothing more is written to them but by other modules' timeline events. */
export function assertNotClosed(row: CaseRow): void {
  if (row.status === 'closed') throw conflict('case.closed', `case ${row.caseNo} is closed`)
}
