// What anyone may see without signing in: active alerts, their photos, and the CAP messages. A found child
// leaves every one of these views the moment the alert ends.
import { and, asc, desc, eq, gte, inArray, or } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { notFound } from '../../platform/errors.ts'
import { buildCapAtomFeed } from './cap/index.ts'
import { alert, alertMessage, alertPhoto } from './tables.ts'
import { alertUrls, capInputOf, capMessageUrl, type AlertRow, type MessageRow } from './messages.ts'
import { haversineKm } from './push/geo.ts'
import type { PublicAlert, PublicAlertQuery } from './schema.ts'

/** How long a Cancel stays in the feed, so that aggregators that poll rarely still see it. */
const CANCEL_KEPT_MS = 7 * 24 * 3600_000

function toPublicAlert(ctx: Ctx, row: AlertRow, from?: { lat: number; lon: number }): PublicAlert {
  const center = { lat: row.centerLat, lon: row.centerLon }
  return {
    id: row.id,
    details: row.details,
    photoUrl: row.photoId ? alertUrls(ctx.config.alerts, row.id).photo : null,
    center,
    countyCode: row.countyCode,
    radiusKm: row.radiusKm ?? 0,
    publishedAt: (row.approvedAt ?? row.draftedAt).toISOString(),
    ...(from ? { distanceKm: Math.round(haversineKm(from.lat, from.lon, center.lat, center.lon) * 10) / 10 } : {}),
  }
}

/** Active alerts, nearest first from a point, or those last seen in a division, or all, newest first. */
export async function listPublicAlerts(ctx: Ctx, query: PublicAlertQuery): Promise<PublicAlert[]> {
  const rows = await ctx.db.select().from(alert).where(eq(alert.status, 'active')).orderBy(desc(alert.approvedAt))
  const inDivision = query.division ? rows.filter((r) => r.countyCode.startsWith(query.division!)) : rows
  if (query.lat === undefined || query.lon === undefined) return inDivision.map((r) => toPublicAlert(ctx, r))
  const from = { lat: query.lat, lon: query.lon }
  return inDivision.map((r) => toPublicAlert(ctx, r, from)).sort((a, b) => a.distanceKm! - b.distanceKm!)
}

async function activeRow(ctx: Ctx, id: string): Promise<AlertRow> {
  const [row] = await ctx.db
    .select()
    .from(alert)
    .where(and(eq(alert.id, id), eq(alert.status, 'active')))
  if (!row) throw notFound('alert.not_found', `no active alert ${id}`)
  return row
}

export async function getPublicAlert(ctx: Ctx, id: string): Promise<PublicAlert> {
  return toPublicAlert(ctx, await activeRow(ctx, id))
}

export async function getPublicAlertPhoto(ctx: Ctx, id: string): Promise<{ contentType: string; bytes: Buffer; etag: string }> {
  await activeRow(ctx, id)
  const [photo] = await ctx.db.select().from(alertPhoto).where(eq(alertPhoto.alertId, id))
  if (!photo) throw notFound('alert.no_photo', `alert ${id} has no photo`)
  return photo
}

/** Messages that may still be read: every message of an active alert, and recent Cancels. */
async function visibleMessages(ctx: Ctx): Promise<{ row: AlertRow; message: MessageRow; earlier: MessageRow[] }[]> {
  const since = new Date(ctx.now().getTime() - CANCEL_KEPT_MS)
  const alerts = await ctx.db
    .select()
    .from(alert)
    .where(or(eq(alert.status, 'active'), and(eq(alert.status, 'ended'), gte(alert.endedAt, since))))
  if (alerts.length === 0) return []
  const messages = await ctx.db
    .select()
    .from(alertMessage)
    .where(
      inArray(
        alertMessage.alertId,
        alerts.map((a) => a.id),
      ),
    )
    .orderBy(asc(alertMessage.alertId), asc(alertMessage.seq))
  const byId = new Map(alerts.map((a) => [a.id, a]))
  return messages
    .map((message) => {
      const row = byId.get(message.alertId)!
      const earlier = messages.filter((m) => m.alertId === message.alertId && m.seq < message.seq)
      return { row, message, earlier }
    })
    .filter(({ row, message }) => row.status === 'active' || message.msgType === 'Cancel')
}

/** The CAP feed (Atom): one entry per readable message, newest first. */
export async function capFeed(ctx: Ctx): Promise<string> {
  const settings = ctx.config.alerts
  const entries = (await visibleMessages(ctx)).map(({ row, message, earlier }) => ({
    message: capInputOf(settings, row, message, earlier),
    url: capMessageUrl(settings, message.id),
  }))
  const updated = entries.reduce((latest, e) => (e.message.sent > latest ? e.message.sent : latest), new Date(0))
  return buildCapAtomFeed({
    id: `${settings.publicUrl}/api/alerts/cap.atom`,
    title: '团圆 · 儿童失踪紧急警报 / Tuanyuan missing child alerts',
    updated: entries.length ? updated : ctx.now(),
    selfUrl: `${settings.publicUrl}/api/alerts/cap.atom`,
    entries,
  })
}

/**
 * One CAP message as sent. Messages of an ended alert other than its Cancel are gone: they carry the
 * child's details, which leave public view when the alert ends.
 */
export async function capMessage(ctx: Ctx, messageId: string): Promise<string> {
  const [found] = await ctx.db
    .select({ message: alertMessage, status: alert.status })
    .from(alertMessage)
    .innerJoin(alert, eq(alert.id, alertMessage.alertId))
    .where(eq(alertMessage.id, messageId))
  if (!found || (found.status !== 'active' && found.message.msgType !== 'Cancel')) {
    throw notFound('alert.message_not_found', `CAP message ${messageId} not found or no longer public`)
  }
  return found.message.capXml
}
