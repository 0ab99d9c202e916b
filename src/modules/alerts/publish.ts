import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { actorId } from '../../platform/auth/actor.ts'
import { forbidden } from '../../platform/errors.ts'
import { appendCaseEvent } from '../cases/index.ts'
import { alert, alertStage } from './tables.ts'
import { assertStatus, getAlertRow } from './access.ts'
import { writeMessage } from './messages.ts'
import { planStages } from './radius.ts'
import { queueWebhooks } from './recipients.ts'
import { afterMessageCommit } from './after-commit.ts'
import { alertWorkspace } from './views.ts'
import type { AlertWorkspace } from './schema.ts'

/**
 * A command user of the alert's unit or a unit above it approves a draft: the alert goes out at once at the
 * radius already reached, and the later widenings are written down with their times. Four eyes: the drafter
 * cannot approve their own draft.
 */
export async function approveAlert(ctx: Ctx, id: string): Promise<AlertWorkspace> {
  const row = await ctx.db.transaction(async (tx) => {
    const draft = await getAlertRow(ctx, id, 'alert.approve', tx)
    assertStatus(draft, 'draft')
    if (draft.draftedBy === actorId(ctx.actor))
      throw forbidden('alert.own_draft', 'an alert must be approved by someone other than its drafter')
    const now = ctx.now()
    const { current, later } = planStages(draft.radiusRule, draft.disappearedAt, now)
    const [active] = await tx
      .update(alert)
      .set({ status: 'active', approvedBy: actorId(ctx.actor), approvedAt: now, radiusKm: current.radiusKm, rejectedNote: null })
      .where(eq(alert.id, id))
      .returning()
    const message = await writeMessage(ctx, tx, active, 'Alert', current.radiusKm, 'in_radius')
    await tx
      .insert(alertStage)
      .values([
        { alertId: id, stageNo: current.stageNo, dueAt: current.dueAt, radiusKm: current.radiusKm, messageId: message.id, sentAt: now },
        ...later.map((s) => ({ alertId: id, stageNo: s.stageNo, dueAt: s.dueAt, radiusKm: s.radiusKm })),
      ])
    const webhooks = await queueWebhooks(tx, active, message, now)
    await appendCaseEvent(ctx, tx, active.caseId, {
      kind: 'alert.published',
      summary: `团圆警报已发布，半径 ${current.radiusKm} 公里 / alert published, ${current.radiusKm} km`,
      details: { alertId: id, messageId: message.id, radiusKm: current.radiusKm, webhooks },
    })
    await ctx.audit({ action: 'alert.approve', resource: { type: 'alert', id }, details: { radiusKm: current.radiusKm, webhooks } }, tx)
    return active
  })
  await afterMessageCommit(ctx)
  return alertWorkspace(ctx, row)
}
