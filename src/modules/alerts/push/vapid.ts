// The application server's VAPID identity (RFC 8292). Browsers bind each subscription to the public key they
// were given (applicationServerKey), so the key pair must outlive restarts: it comes from the environment, or
// is generated once and kept in a store the core provides (the database). The subject is only a contact
// address and may change freely.
import crypto from 'node:crypto'
import webpush from 'web-push'

export interface VapidKeys {
  /** Uncompressed P-256 point, base64url (65 bytes): what the public page hands to pushManager.subscribe. */
  publicKey: string
  /** P-256 private scalar, base64url (32 bytes). */
  privateKey: string
  /** `mailto:` or `https:` contact of the operator, sent in every token. */
  subject: string
}

/** A small key-value store, e.g. a settings table. */
export interface KeyValueStore {
  get(key: string): Promise<string | undefined>
  /** Stores the value unless the key has one already; resolves to the value stored, so that two first starts agree. */
  putIfAbsent(key: string, value: string): Promise<string>
}

export const VAPID_STORE_KEY = 'alerts.push.vapid'

/**
 * The VAPID keys: TUANYUAN_VAPID_PUBLIC_KEY and TUANYUAN_VAPID_PRIVATE_KEY when both are set, otherwise the pair
 * in the store, generated and stored on first use. The subject is TUANYUAN_VAPID_SUBJECT or `subject`.
 */
export async function loadOrCreateVapidKeys(
  store: KeyValueStore,
  options: { subject: string; env?: Record<string, string | undefined> },
): Promise<VapidKeys> {
  const env = options.env ?? process.env
  const subject = checkSubject(env.TUANYUAN_VAPID_SUBJECT || options.subject)
  const publicKey = env.TUANYUAN_VAPID_PUBLIC_KEY
  const privateKey = env.TUANYUAN_VAPID_PRIVATE_KEY
  if (publicKey || privateKey) {
    if (!publicKey || !privateKey) throw new Error('set both TUANYUAN_VAPID_PUBLIC_KEY and TUANYUAN_VAPID_PRIVATE_KEY, or neither')
    return { ...checkKeyPair({ publicKey, privateKey }, 'TUANYUAN_VAPID_*'), subject }
  }
  let stored = await store.get(VAPID_STORE_KEY)
  if (stored === undefined) {
    const fresh = webpush.generateVAPIDKeys()
    stored = await store.putIfAbsent(VAPID_STORE_KEY, JSON.stringify({ publicKey: fresh.publicKey, privateKey: fresh.privateKey }))
  }
  return { ...checkKeyPair(JSON.parse(stored) as { publicKey: string; privateKey: string }, `stored ${VAPID_STORE_KEY}`), subject }
}

function checkSubject(subject: string): string {
  let url: URL
  try {
    url = new URL(subject)
  } catch {
    throw new Error(`the VAPID subject must be a mailto: or https: URL, got "${subject}"`)
  }
  if (url.protocol !== 'mailto:' && url.protocol !== 'https:')
    throw new Error(`the VAPID subject must be a mailto: or https: URL, got "${subject}"`)
  return subject
}

/** Throws unless the private key is a P-256 scalar whose public point is exactly the public key given. */
function checkKeyPair(keys: { publicKey: string; privateKey: string }, source: string): { publicKey: string; privateKey: string } {
  const base64url = /^[A-Za-z0-9_-]+$/
  const publicBytes = Buffer.from(keys.publicKey ?? '', 'base64url')
  const privateBytes = Buffer.from(keys.privateKey ?? '', 'base64url')
  if (!base64url.test(keys.publicKey ?? '') || publicBytes.length !== 65 || publicBytes[0] !== 4) {
    throw new Error(`${source}: the VAPID public key must be a 65-byte uncompressed P-256 point in base64url`)
  }
  if (!base64url.test(keys.privateKey ?? '') || privateBytes.length !== 32) {
    throw new Error(`${source}: the VAPID private key must be 32 bytes in base64url`)
  }
  const ecdh = crypto.createECDH('prime256v1')
  ecdh.setPrivateKey(privateBytes)
  if (!ecdh.getPublicKey().equals(publicBytes)) throw new Error(`${source}: the VAPID public key does not belong to the private key`)
  return { publicKey: keys.publicKey, privateKey: keys.privateKey }
}
