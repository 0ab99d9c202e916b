import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { alert, alertDelivery, alertMessage, alertPartner } from './tables.ts'
import { alertReadFilter, getAlertRow } from './access.ts'
import { alertWorkspace, toAlertView } from './views.ts'
import type { AlertListQuery, AlertView, AlertWorkspace, DeliveryListQuery, DeliveryView } from './schema.ts'

/** Alerts in the caller's jurisdiction, newest first. */
export async function listAlerts(ctx: Ctx, query: AlertListQuery): Promise<AlertView[]> {
  const conditions: SQL[] = [alertReadFilter(ctx.actor)]
  if (query.status) conditions.push(eq(alert.status, query.status))
  if (query.caseId) conditions.push(eq(alert.caseId, query.caseId))
  const rows = await ctx.db
    .select()
    .from(alert)
    .where(and(...conditions))
    .orderBy(desc(alert.draftedAt))
    .limit(query.limit ?? 50)
    .offset(query.offset ?? 0)
  return rows.map(toAlertView)
}

export async function getAlert(ctx: Ctx, id: string): Promise<AlertWorkspace> {
  const row = await getAlertRow(ctx, id, 'alert.read')
  await ctx.audit({ action: 'alert.read', resource: { type: 'alert', id } })
  return alertWorkspace(ctx, row)
}

/** The delivery log of one alert: per recipient and message, attempts, status and latency. */
export async function listDeliveries(ctx: Ctx, id: string, query: DeliveryListQuery): Promise<DeliveryView[]> {
  await getAlertRow(ctx, id, 'alert.read')
  const conditions: SQL[] = [eq(alertDelivery.alertId, id)]
  if (query.channel) conditions.push(eq(alertDelivery.channel, query.channel))
  if (query.status) conditions.push(sql`${alertDelivery.status} = ${query.status}`)
  const rows = await ctx.db
    .select({ d: alertDelivery, seq: alertMessage.seq, partner: alertPartner.name })
    .from(alertDelivery)
    .innerJoin(alertMessage, eq(alertMessage.id, alertDelivery.messageId))
    .leftJoin(alertPartner, and(eq(alertPartner.id, alertDelivery.recipientId), eq(alertDelivery.channel, sql`'webhook'`)))
    .where(and(...conditions))
    .orderBy(asc(alertMessage.seq), asc(alertDelivery.channel), asc(alertDelivery.createdAt))
    .limit(query.limit ?? 100)
    .offset(query.offset ?? 0)
  return rows.map(({ d, seq, partner }) => ({
    id: d.id,
    messageSeq: seq,
    channel: d.channel,
    // Push subscribers are anonymous: the log shows a short prefix of the subscription id, never its endpoint.
    recipient: d.channel === 'webhook' ? (partner ?? d.recipientId) : `subscriber ${d.recipientId.slice(0, 8)}`,
    status: d.status,
    attempts: d.attempts,
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    latencyMs: d.latencyMs,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: d.nextAttemptAt.toISOString(),
  }))
}
