// The Web Push channel: the VAPID identity kept in the database, and the sender the dispatcher calls for each
// push delivery (one subscriber, one message).
import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import type { Config } from '../../platform/config.ts'
import { loadOrCreateVapidKeys, type KeyValueStore, type VapidKeys } from './push/vapid.ts'
import { sendPush, type PushOptions } from './push/send.ts'
import { alertSetting, pushSubscription } from './tables.ts'
import type { Sender, SendOutcome } from './delivery/types.ts'
import type { DeliveryMessage } from './delivery/types.ts'

function settingsStore(db: Db, now: () => Date): KeyValueStore {
  return {
    async get(key) {
      const [row] = await db.select().from(alertSetting).where(eq(alertSetting.key, key))
      return row?.value
    },
    async putIfAbsent(key, value) {
      await db.insert(alertSetting).values({ key, value, createdAt: now() }).onConflictDoNothing()
      const [row] = await db.select().from(alertSetting).where(eq(alertSetting.key, key))
      return row.value
    },
  }
}

const keys = new WeakMap<Db, Promise<VapidKeys>>()

/** This installation's VAPID keys: from the environment, or generated once and kept in `alert_setting`. */
export function vapidKeys(db: Db, config: Config, now: () => Date = () => new Date()): Promise<VapidKeys> {
  let pending = keys.get(db)
  if (!pending) {
    const subject = config.alerts.publicUrl.startsWith('https://') ? config.alerts.publicUrl : `mailto:alerts@${config.alerts.capSender}`
    pending = loadOrCreateVapidKeys(settingsStore(db, now), { subject })
    pending.catch(() => keys.delete(db))
    keys.set(db, pending)
  }
  return pending
}

export const vapidPublicKey = async (ctx: Ctx): Promise<string> => (await vapidKeys(ctx.db, ctx.config, ctx.now)).publicKey

interface Texts {
  headline: string
  description: string
}

/** The notification a subscriber's browser shows (web/public/sw.js), in the subscriber's language. */
export function notificationOf(message: DeliveryMessage, locale: 'zh-CN' | 'en'): Record<string, unknown> {
  const payload = message.payload as {
    alertId: string
    msgType: string
    texts: Record<string, Texts>
    details: { pageUrl?: string; photoUrl?: string | null } | null
  }
  const texts = payload.texts[locale] ?? payload.texts['zh-CN']
  // A notification body shows a few lines; the page has the rest.
  const body = texts.description.length > 180 ? `${texts.description.slice(0, 179)}…` : texts.description
  return {
    title: texts.headline,
    body,
    url: payload.details?.pageUrl ?? null,
    icon: payload.details?.photoUrl ?? null,
    tag: `alert-${payload.alertId}`,
    msgType: payload.msgType,
  }
}

/** The dispatcher's sender for push deliveries. A subscriber removed meanwhile is "gone". */
export function createPushSender(db: Db, config: Config, options: Partial<Omit<PushOptions, 'vapid'>> = {}): Sender {
  return async (delivery, message, signal): Promise<SendOutcome> => {
    const [subscriber] = await db.select().from(pushSubscription).where(eq(pushSubscription.id, delivery.recipientId))
    if (!subscriber) return { kind: 'gone', error: 'unsubscribed' }
    const vapid = await vapidKeys(db, config)
    // Topic per alert: an Update waiting in the push service for an offline phone replaces the Alert before it.
    const topic = `alert${message.alertId.replaceAll('-', '').slice(0, 27)}`
    const result = await Promise.race([
      sendPush(
        { endpoint: subscriber.endpoint, keys: { p256dh: subscriber.p256dh, auth: subscriber.auth } },
        notificationOf(message, subscriber.locale),
        {
          ...options,
          vapid,
          topic,
        },
      ),
      new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('timed out')), { once: true })),
    ]).catch((error: Error) => ({ outcome: 'retryable' as const, detail: error.message, status: undefined, retryAfterMs: undefined }))
    switch (result.outcome) {
      case 'delivered':
        return { kind: 'delivered', status: result.status }
      case 'gone':
        return { kind: 'gone', status: result.status, error: result.detail }
      case 'retryable':
        return { kind: 'retryable', status: result.status, error: result.detail ?? 'retry', retryAfterMs: result.retryAfterMs }
      case 'rejected':
        return { kind: 'rejected', status: result.status, error: result.detail ?? 'rejected' }
    }
  }
}
