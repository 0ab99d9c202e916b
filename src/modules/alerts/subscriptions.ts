// Members of the public subscribe to alerts near a place. A subscription holds a browser's push endpoint, its
// keys and the place: no name, no account. Anyone may subscribe; only the browser that holds the subscription's
// auth secret may remove it.
import { timingSafeEqual } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { invalid, notFound } from '../../platform/errors.ts'
import { pushSubscription } from './tables.ts'
import { noteRemoved, subscriberIndex } from './recipients.ts'
import type { PushSubscriptionCreate, PushSubscriptionDelete } from './schema.ts'

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/

function checkKeys(keys: PushSubscriptionCreate['keys']): void {
  const p256dh = BASE64URL.test(keys.p256dh) ? Buffer.from(keys.p256dh, 'base64url') : null
  const auth = BASE64URL.test(keys.auth) ? Buffer.from(keys.auth, 'base64url') : null
  // RFC 8291: an uncompressed P-256 point (65 bytes, 0x04 first) and a 16-byte authentication secret.
  if (!p256dh || p256dh.length !== 65 || p256dh[0] !== 4) {
    throw invalid('push.bad_key', 'keys.p256dh is not an uncompressed P-256 public key', [
      { path: '/keys/p256dh', message: 'expected 65 bytes, base64url' },
    ])
  }
  if (!auth || auth.length !== 16) {
    throw invalid('push.bad_key', 'keys.auth is not a 16-byte secret', [{ path: '/keys/auth', message: 'expected 16 bytes, base64url' }])
  }
}

/** Subscribes (or moves) a browser's push subscription; the same endpoint twice updates it. Returns its short id. */
export async function subscribe(ctx: Ctx, input: PushSubscriptionCreate): Promise<{ id: string }> {
  checkKeys(input.keys)
  const url = new URL(input.endpoint)
  if (
    url.protocol !== 'https:' &&
    !(ctx.config.alerts.publicUrl.startsWith('http://') && ['127.0.0.1', 'localhost'].includes(url.hostname))
  ) {
    throw invalid('push.bad_endpoint', 'a push endpoint must be an https URL', [{ path: '/endpoint', message: 'https required' }])
  }
  const [existing] = await ctx.db.select().from(pushSubscription).where(eq(pushSubscription.endpoint, input.endpoint))
  const values = {
    endpoint: input.endpoint,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    latitude: input.latitude,
    longitude: input.longitude,
    locale: input.locale,
    createdAt: ctx.now(),
  }
  // A moved subscriber gets a new number, so that every process's index picks the new place up by catching up.
  if (existing) {
    await ctx.db.delete(pushSubscription).where(eq(pushSubscription.id, existing.id))
    noteRemoved(ctx.db, existing)
  }
  const [row] = await ctx.db.insert(pushSubscription).values(values).returning()
  await subscriberIndex(ctx.db)
  return { id: row.id }
}

export async function unsubscribe(ctx: Ctx, input: PushSubscriptionDelete): Promise<void> {
  const [row] = await ctx.db.select().from(pushSubscription).where(eq(pushSubscription.endpoint, input.endpoint))
  const matches = row && row.auth.length === input.auth.length && timingSafeEqual(Buffer.from(row.auth), Buffer.from(input.auth))
  if (!row || !matches) throw notFound('push.subscription_not_found', 'no such subscription')
  await ctx.db.delete(pushSubscription).where(eq(pushSubscription.id, row.id))
  noteRemoved(ctx.db, row)
}

/** The push service said the subscription is gone (404/410): it is deleted, as RFC 8030 asks. */
export async function dropGoneSubscription(ctx: Ctx, id: string): Promise<void> {
  const [row] = await ctx.db
    .delete(pushSubscription)
    .where(eq(pushSubscription.id, id))
    .returning({ num: pushSubscription.num, latitude: pushSubscription.latitude, longitude: pushSubscription.longitude })
  if (row) noteRemoved(ctx.db, row)
}
