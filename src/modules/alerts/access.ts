// Who may reach an alert: the one place that decides it, for single records and for lists.
import { eq, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import type { Actor } from '../../platform/auth/actor.ts'
import { authorize, jurisdictionFilter } from '../../platform/auth/authorize.ts'
import { conflict, notFound } from '../../platform/errors.ts'
import { alert } from './tables.ts'
import type { AlertRow } from './messages.ts'

export const alertResource = (row: Pick<AlertRow, 'id' | 'divisionCode' | 'unitId'>) => ({
  type: 'alert',
  id: row.id,
  divisionCode: row.divisionCode,
  owningUnitId: row.unitId,
  sensitivity: 'personal' as const,
})

/** Alerts of the actor's unit and the units below it: an alert belongs to its case's unit. */
export const alertReadFilter = (actor: Actor): SQL =>
  jurisdictionFilter(actor, 'alert.read', { divisionCode: alert.divisionCode, owningUnitId: alert.unitId })

/** An alert the caller may perform `action` on, locked for the rest of `tx` when `tx` is given. */
export async function getAlertRow(ctx: Ctx, id: string, action: string, tx?: Db): Promise<AlertRow> {
  const query = (tx ?? ctx.db).select().from(alert).where(eq(alert.id, id))
  const [row] = tx ? await query.for('update') : await query
  if (!row) throw notFound('alert.not_found', `alert ${id} not found`)
  authorize(ctx.actor, action, alertResource(row))
  return row
}

export function assertStatus(row: AlertRow, ...allowed: AlertRow['status'][]): void {
  if (!allowed.includes(row.status)) {
    throw conflict('alert.wrong_status', `the alert is ${row.status}; this needs it to be ${allowed.join(' or ')}`)
  }
}
