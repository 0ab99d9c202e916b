import { randomUUID } from 'node:crypto'
import type { Db } from '../../../platform/db/client.ts'
import { alertMessage } from '../tables.ts'
import type { DeliveryMessage } from './types.ts'

/** An alert message as the core would write it (no alert row needed: the outbox never reads one). */
export async function makeMessage(
  db: Db,
  options: { alertId?: string; seq?: number; msgType?: DeliveryMessage['msgType']; sentAt: Date; payload?: Record<string, unknown> },
): Promise<DeliveryMessage> {
  const alertId = options.alertId ?? randomUUID()
  const [row] = await db
    .insert(alertMessage)
    .values({
      alertId,
      seq: options.seq ?? 1,
      msgType: options.msgType ?? 'Alert',
      radiusKm: 100,
      sentAt: options.sentAt,
      capXml: '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>',
      // The tests queue their own deliveries: nothing for the push queue to do.
      pushAudience: 'in_radius',
      pushQueuedAt: options.sentAt,
      payload: options.payload ?? { alertId, childName: '测试', radiusKm: 100 },
    })
    .returning()
  return row
}
