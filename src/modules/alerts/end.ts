import { and, eq, inArray } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { actorId } from '../../platform/auth/actor.ts'
import { appendCaseEvent } from '../cases/index.ts'
import { alert, alertDelivery, alertPhoto } from './tables.ts'
import { assertStatus, getAlertRow } from './access.ts'
import { writeMessage, type AlertRow } from './messages.ts'
import { queueWebhooks } from './recipients.ts'
import { skipPendingStages } from './stages.ts'
import { afterMessageCommit } from './after-commit.ts'
import { alertWorkspace } from './views.ts'
import type { AlertEnd, AlertWorkspace } from './schema.ts'

/** Earlier messages still queued would arrive after the Cancel: they are dropped, the log says why. */
async function supersedeQueued(tx: Db, alertId: string): Promise<void> {
  await tx
    .update(alertDelivery)
    .set({ status: 'failed', lastError: 'superseded: the alert ended before this was delivered' })
    .where(and(eq(alertDelivery.alertId, alertId), inArray(alertDelivery.status, ['pending'])))
}

/** Ends an active alert in `tx`: a Cancel on every channel, the photo deleted, the remaining stages passed over. */
export async function endAlertIn(ctx: Ctx, tx: Db, row: AlertRow, input: AlertEnd): Promise<AlertRow> {
  const now = ctx.now()
  const [ended] = await tx
    .update(alert)
    .set({ status: 'ended', endedAt: now, endedBy: actorId(ctx.actor), endReason: input.reason })
    .where(eq(alert.id, row.id))
    .returning()
  await skipPendingStages(tx, row.id)
  await supersedeQueued(tx, row.id)
  // A found child's photo leaves public view at once; a withdrawn alert's too — it no longer stands.
  await tx.delete(alertPhoto).where(eq(alertPhoto.alertId, row.id))
  const message = await writeMessage(ctx, tx, ended, 'Cancel', row.radiusKm ?? 0, 'notified')
  const webhooks = await queueWebhooks(tx, ended, message, now)
  await appendCaseEvent(ctx, tx, row.caseId, {
    kind: 'alert.ended',
    summary: input.reason === 'found' ? '团圆警报已解除：儿童已找到 / alert ended: child found' : '团圆警报已撤销 / alert withdrawn',
    details: { alertId: row.id, messageId: message.id, reason: input.reason, note: input.note ?? null, webhooks },
  })
  await ctx.audit({ action: 'alert.end', resource: { type: 'alert', id: row.id }, details: { reason: input.reason, webhooks } }, tx)
  return ended
}

/** Ends an alert (found or withdrawn) by its unit's investigators or an approver. */
export async function endAlert(ctx: Ctx, id: string, input: AlertEnd): Promise<AlertWorkspace> {
  const ended = await ctx.db.transaction(async (tx) => {
    const row = await getAlertRow(ctx, id, 'alert.end', tx)
    assertStatus(row, 'active')
    return endAlertIn(ctx, tx, row, input)
  })
  await afterMessageCommit(ctx)
  return alertWorkspace(ctx, ended)
}

/**
 * Ends the case's active alert, if any, when the case's child is found: called by the cases module's
 * status change, in its transaction, so a found child never stays on a public page.
 */
export async function endAlertsOfCase(ctx: Ctx, tx: Db, caseId: string): Promise<number> {
  const active = await tx
    .select()
    .from(alert)
    .where(and(eq(alert.caseId, caseId), eq(alert.status, 'active')))
    .for('update')
  for (const row of active) await endAlertIn(ctx, tx, row, { reason: 'found' })
  // Drafts of a found child are moot.
  await tx
    .update(alert)
    .set({ status: 'ended', endedAt: ctx.now(), endedBy: actorId(ctx.actor), endReason: 'found' })
    .where(and(eq(alert.caseId, caseId), eq(alert.status, 'draft')))
  return active.length
}
