import { and, asc, eq, isNull, lte, not } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { appendCaseEvent } from '../cases/index.ts'
import { alert, alertStage } from './tables.ts'
import { assertStatus, getAlertRow } from './access.ts'
import { writeMessage, type AlertRow } from './messages.ts'
import { queueWebhooks } from './recipients.ts'
import { afterMessageCommit } from './after-commit.ts'
import { alertWorkspace } from './views.ts'
import type { AlertRadiusChange, AlertWorkspace } from './schema.ts'

const BATCH = 50

/** Marks the alert's unsent stages passed over: it ended, or a person set its radius by hand. */
async function skipPendingStages(tx: Db, alertId: string): Promise<void> {
  await tx
    .update(alertStage)
    .set({ skipped: true })
    .where(and(eq(alertStage.alertId, alertId), isNull(alertStage.messageId), not(alertStage.skipped)))
}

/** Sends one due stage, or passes over it, in its own transaction with the alert locked. */
async function sendStage(ctx: Ctx, alertId: string, stageNo: number): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(alert).where(eq(alert.id, alertId)).for('update')
    const [stage] = await tx
      .select()
      .from(alertStage)
      .where(and(eq(alertStage.alertId, alertId), eq(alertStage.stageNo, stageNo)))
      .for('update')
    // Another process sent or skipped it between the scan and the lock.
    if (!row || !stage || stage.messageId || stage.skipped) return false
    if (row.status !== 'active' || row.manualRadius || (row.radiusKm ?? 0) >= stage.radiusKm) {
      await tx
        .update(alertStage)
        .set({ skipped: true })
        .where(and(eq(alertStage.alertId, alertId), eq(alertStage.stageNo, stageNo)))
      return false
    }
    const now = ctx.now()
    const [widened] = await tx.update(alert).set({ radiusKm: stage.radiusKm }).where(eq(alert.id, alertId)).returning()
    const message = await writeMessage(ctx, tx, widened, 'Update', stage.radiusKm, 'newly_in_radius')
    await tx
      .update(alertStage)
      .set({ messageId: message.id, sentAt: now })
      .where(and(eq(alertStage.alertId, alertId), eq(alertStage.stageNo, stageNo)))
    const webhooks = await queueWebhooks(tx, widened, message, now)
    await appendCaseEvent(ctx, tx, row.caseId, {
      kind: 'alert.widened',
      summary: `警报范围扩大至 ${stage.radiusKm} 公里 / alert widened to ${stage.radiusKm} km`,
      details: { alertId, stageNo, messageId: message.id, webhooks },
    })
    await ctx.audit(
      { action: 'alert.stage', resource: { type: 'alert', id: alertId }, details: { stageNo, radiusKm: stage.radiusKm, webhooks } },
      tx,
    )
    return true
  })
}

/**
 * Sends every stage whose time has come. Table-driven like the deadline sweep: a stage is sent in the
 * transaction that writes its message, so a restart neither skips nor repeats one, and a late sweep sends
 * a missed stage at once (only the widest due stage matters: earlier ones are passed over).
 */
export async function sweepAlertStages(ctx: Ctx): Promise<number> {
  const due = await ctx.db
    .select({ alertId: alertStage.alertId, stageNo: alertStage.stageNo })
    .from(alertStage)
    .where(and(isNull(alertStage.messageId), not(alertStage.skipped), lte(alertStage.dueAt, ctx.now())))
    .orderBy(asc(alertStage.alertId), asc(alertStage.stageNo))
    .limit(BATCH)
  // Per alert, the last due stage: the others are already overtaken.
  const latest = new Map<string, number>()
  for (const d of due) latest.set(d.alertId, Math.max(latest.get(d.alertId) ?? -1, d.stageNo))
  let sent = 0
  for (const d of due) {
    if (latest.get(d.alertId) !== d.stageNo) {
      await ctx.db
        .update(alertStage)
        .set({ skipped: true })
        .where(and(eq(alertStage.alertId, d.alertId), eq(alertStage.stageNo, d.stageNo), isNull(alertStage.messageId)))
      continue
    }
    if (await sendStage(ctx, d.alertId, d.stageNo)) sent++
  }
  await afterMessageCommit(ctx)
  return sent
}

/**
 * The approver widens or narrows an active alert by hand. From then on the schedule no longer moves it:
 * a person has taken the decision over.
 */
export async function changeRadius(ctx: Ctx, id: string, change: AlertRadiusChange): Promise<AlertWorkspace> {
  const row: AlertRow = await ctx.db.transaction(async (tx) => {
    const current = await getAlertRow(ctx, id, 'alert.approve', tx)
    assertStatus(current, 'active')
    const now = ctx.now()
    const [changed] = await tx.update(alert).set({ radiusKm: change.radiusKm, manualRadius: true }).where(eq(alert.id, id)).returning()
    await skipPendingStages(tx, id)
    const message = await writeMessage(ctx, tx, changed, 'Update', change.radiusKm, 'newly_in_radius')
    const webhooks = await queueWebhooks(tx, changed, message, now)
    const from = current.radiusKm
    await appendCaseEvent(ctx, tx, changed.caseId, {
      kind: 'alert.radius_set',
      summary: `警报范围由 ${from} 公里调整为 ${change.radiusKm} 公里 / radius set from ${from} to ${change.radiusKm} km: ${change.reason}`,
      details: { alertId: id, messageId: message.id, from, to: change.radiusKm, reason: change.reason, webhooks },
    })
    await ctx.audit(
      { action: 'alert.radius', resource: { type: 'alert', id }, details: { from, to: change.radiusKm, reason: change.reason } },
      tx,
    )
    return changed
  })
  await afterMessageCommit(ctx)
  return alertWorkspace(ctx, row)
}

export { skipPendingStages }
