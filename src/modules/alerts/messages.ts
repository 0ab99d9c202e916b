import { asc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import type { AlertSettings } from '../../platform/config.ts'
import { buildCapMessage, type CapMessageInput } from './cap/index.ts'
import { capInfoTexts } from './cap/texts.ts'
import { displayRadiusKm } from './cap/fields.ts'
import { alert, alertMessage } from './tables.ts'

export type AlertRow = typeof alert.$inferSelect
export type MessageRow = typeof alertMessage.$inferSelect
export type MsgType = MessageRow['msgType']
export type PushAudience = MessageRow['pushAudience']

/** Public addresses of an alert and its messages, under the installation's public URL. */
export const alertUrls = (settings: AlertSettings, alertId: string) => ({
  page: `${settings.publicUrl}/public/alerts/${alertId}`,
  photo: `${settings.publicUrl}/api/public/alerts/${alertId}/photo.jpg`,
})
export const capMessageUrl = (settings: AlertSettings, messageId: string) => `${settings.publicUrl}/api/alerts/cap/${messageId}.xml`

/** CAP identifiers may not contain spaces, commas or `<&`: a fixed prefix and the message's UUID. */
export const capIdentifier = (messageId: string) => `tuanyuan-${messageId}`

/** The CAP document of one stored message, rebuilt from its alert and the messages before it. */
export function capInputOf(settings: AlertSettings, row: AlertRow, message: MessageRow, earlier: readonly MessageRow[]): CapMessageInput {
  const urls = alertUrls(settings, row.id)
  return {
    identifier: capIdentifier(message.id),
    sender: settings.capSender,
    senderName: `团圆 · ${row.unitName}`,
    sent: message.sentAt,
    status: settings.capStatus,
    msgType: message.msgType,
    references: earlier.map((m) => ({ sender: settings.capSender, identifier: capIdentifier(m.id), sent: m.sentAt })),
    center: { lat: row.centerLat, lon: row.centerLon },
    radiusKm: message.radiusKm,
    expires: null,
    details: {
      ...row.details,
      lastSeenAt: new Date(row.details.lastSeenAt),
      lastSeenDivisionCode: row.countyCode,
      photoUrl: row.photoId ? urls.photo : null,
      pageUrl: urls.page,
    },
    cancelReason: message.msgType === 'Cancel' ? (row.endReason ?? 'withdrawn') : undefined,
  }
}

/**
 * What partners and browsers receive: the message's texts in both languages and, except in a Cancel, the
 * alert's public details. Push notifications are cut from the same texts.
 */
function payloadOf(settings: AlertSettings, input: CapMessageInput, alertId: string, seq: number): Record<string, unknown> {
  const radius = displayRadiusKm(input.radiusKm)
  const texts = Object.fromEntries(
    (['zh-CN', 'en'] as const).map((language) => {
      const { headline, description, instruction } = capInfoTexts(language, input, radius)
      return [language, { headline, description, instruction }]
    }),
  )
  const isCancel = input.msgType === 'Cancel'
  return {
    alertId,
    messageId: input.identifier,
    seq,
    msgType: input.msgType,
    status: input.status,
    sent: input.sent.toISOString(),
    radiusKm: input.radiusKm,
    center: input.center,
    countyCode: input.details.lastSeenDivisionCode,
    cancelReason: input.cancelReason ?? null,
    details: isCancel ? null : { ...input.details, lastSeenAt: input.details.lastSeenAt.toISOString() },
    texts,
  }
}

/**
 * Writes the alert's next message (Alert, Update or Cancel) in `tx`, with its CAP document built and
 * validated against the rules of the profile, the payload the channels send, and who hears of it by push:
 * `in_radius` everyone inside the radius (the first message), `newly_in_radius` those inside not yet told
 * of this alert (a widening), `notified` everyone told (a Cancel).
 */
export async function writeMessage(
  ctx: Ctx,
  tx: Db,
  row: AlertRow,
  msgType: MsgType,
  radiusKm: number,
  pushAudience: PushAudience,
): Promise<MessageRow> {
  const earlier = await tx.select().from(alertMessage).where(eq(alertMessage.alertId, row.id)).orderBy(asc(alertMessage.seq))
  const settings = ctx.config.alerts
  const draft: MessageRow = {
    id: crypto.randomUUID(),
    alertId: row.id,
    seq: earlier.length + 1,
    msgType,
    radiusKm,
    // Kept to the millisecond (delivery latency is measured from it); CAP writes it, and every reference to it,
    // rounded down to whole seconds the same way.
    sentAt: ctx.now(),
    capXml: '',
    payload: {},
    pushAudience,
    pushQueuedAt: null,
  }
  const input = capInputOf(settings, row, draft, earlier)
  const payload = { ...payloadOf(settings, input, row.id, draft.seq), capUrl: capMessageUrl(settings, draft.id) }
  const [message] = await tx
    .insert(alertMessage)
    .values({ ...draft, capXml: buildCapMessage(input), payload })
    .returning()
  return message
}
