import { asc, eq, sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { queryRows } from '../../platform/db/client.ts'
import { alert, alertMessage, alertStage } from './tables.ts'
import { capMessageUrl, type AlertRow } from './messages.ts'
import { CHANNELS, type AlertView, type AlertWorkspace, type ChannelTally } from './schema.ts'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function toAlertView(row: AlertRow): AlertView {
  return {
    id: row.id,
    caseId: row.caseId,
    caseNo: row.caseNo,
    unitId: row.unitId,
    status: row.status,
    details: row.details,
    hasPhoto: row.photoId !== null,
    photoId: row.photoId,
    center: { lat: row.centerLat, lon: row.centerLon },
    countyCode: row.countyCode,
    disappearedAt: row.disappearedAt.toISOString(),
    radiusRule: row.radiusRule,
    radiusKm: row.radiusKm,
    manualRadius: row.manualRadius,
    draftedBy: row.draftedBy,
    draftedAt: row.draftedAt.toISOString(),
    approvedBy: row.approvedBy,
    approvedAt: iso(row.approvedAt),
    endedAt: iso(row.endedAt),
    endReason: row.endReason,
    rejectedNote: row.rejectedNote,
  }
}

/** Per channel: how many deliveries stand where, and how fast the delivered ones arrived. */
async function channelTallies(db: Db, alertId: string): Promise<ChannelTally[]> {
  const rows = await queryRows<{ channel: ChannelTally['channel']; status: string; n: number; p50: number | null; p99: number | null }>(
    db,
    sql`SELECT channel, status, count(*)::int AS n,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50,
          percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) AS p99
        FROM alert_delivery WHERE alert_id = ${alertId} GROUP BY channel, status`,
  )
  return CHANNELS.map((channel) => {
    const of = (status: string) => rows.filter((r) => r.channel === channel && r.status === status)
    const delivered = of('delivered')[0]
    return {
      channel,
      pending: of('pending')
        .concat(of('sending'))
        .reduce((n, r) => n + r.n, 0),
      delivered: delivered?.n ?? 0,
      failed: of('failed')[0]?.n ?? 0,
      gone: of('gone')[0]?.n ?? 0,
      p50LatencyMs: delivered?.p50 === null || delivered?.p50 === undefined ? null : Number(delivered.p50),
      p99LatencyMs: delivered?.p99 === null || delivered?.p99 === undefined ? null : Number(delivered.p99),
    }
  })
}

/** The alert console's view: the alert, its stages, its messages and how each channel is doing. */
export async function alertWorkspace(ctx: Ctx, row: AlertRow): Promise<AlertWorkspace> {
  const [stages, messages, channels] = await Promise.all([
    ctx.db.select().from(alertStage).where(eq(alertStage.alertId, row.id)).orderBy(asc(alertStage.stageNo)),
    ctx.db
      .select({
        id: alertMessage.id,
        seq: alertMessage.seq,
        msgType: alertMessage.msgType,
        radiusKm: alertMessage.radiusKm,
        sentAt: alertMessage.sentAt,
      })
      .from(alertMessage)
      .where(eq(alertMessage.alertId, row.id))
      .orderBy(asc(alertMessage.seq)),
    channelTallies(ctx.db, row.id),
  ])
  return {
    alert: toAlertView(row),
    stages: stages.map((s) => ({
      stageNo: s.stageNo,
      dueAt: s.dueAt.toISOString(),
      radiusKm: s.radiusKm,
      sentAt: iso(s.sentAt),
      skipped: s.skipped,
    })),
    messages: messages.map((m) => ({ ...m, sentAt: m.sentAt.toISOString(), capUrl: capMessageUrl(ctx.config.alerts, m.id) })),
    channels,
  }
}

/** The missing case an alert was raised for, or null for no such alert: a tip sent from an alert goes to that case. */
export async function caseOfAlert(db: Db, alertId: string): Promise<string | null> {
  const [row] = await db.select({ caseId: alert.caseId }).from(alert).where(eq(alert.id, alertId))
  return row?.caseId ?? null
}
