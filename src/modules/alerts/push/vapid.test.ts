import webpush from 'web-push'
import { describe, expect, it } from 'vitest'
import { loadOrCreateVapidKeys, VAPID_STORE_KEY, type KeyValueStore } from './vapid.ts'

/** The store as the core would give it, over a Map; putIfAbsent keeps the first value, like INSERT … ON CONFLICT DO NOTHING. */
function mapStore(): KeyValueStore & { values: Map<string, string> } {
  const values = new Map<string, string>()
  return {
    values,
    get: async (key) => values.get(key),
    putIfAbsent: async (key, value) => {
      if (!values.has(key)) values.set(key, value)
      return values.get(key)!
    },
  }
}

const subject = 'mailto:alerts@tuanyuan.example'

describe('loadOrCreateVapidKeys', () => {
  it('generates a P-256 pair once, stores it, and returns the same pair afterwards', async () => {
    const store = mapStore()
    const first = await loadOrCreateVapidKeys(store, { subject, env: {} })
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65)
    expect(Buffer.from(first.privateKey, 'base64url')).toHaveLength(32)
    expect(JSON.parse(store.values.get(VAPID_STORE_KEY)!)).toEqual({ publicKey: first.publicKey, privateKey: first.privateKey })
    expect(await loadOrCreateVapidKeys(store, { subject, env: {} })).toEqual(first)
  })

  it('lets two first starts agree on one pair', async () => {
    const store = mapStore()
    const [a, b] = await Promise.all([
      loadOrCreateVapidKeys(store, { subject, env: {} }),
      loadOrCreateVapidKeys(store, { subject, env: {} }),
    ])
    expect(a).toEqual(b)
  })

  it('prefers the environment, with its subject, over the store', async () => {
    const pair = webpush.generateVAPIDKeys()
    const env = {
      TUANYUAN_VAPID_PUBLIC_KEY: pair.publicKey,
      TUANYUAN_VAPID_PRIVATE_KEY: pair.privateKey,
      TUANYUAN_VAPID_SUBJECT: 'https://tuanyuan.example/contact',
    }
    const store = mapStore()
    expect(await loadOrCreateVapidKeys(store, { subject, env })).toEqual({ ...pair, subject: 'https://tuanyuan.example/contact' })
    expect(store.values.size).toBe(0)
  })

  it('refuses half a pair, a public key of another pair, and a subject that is no contact', async () => {
    const a = webpush.generateVAPIDKeys()
    const b = webpush.generateVAPIDKeys()
    const store = mapStore()
    await expect(loadOrCreateVapidKeys(store, { subject, env: { TUANYUAN_VAPID_PUBLIC_KEY: a.publicKey } })).rejects.toThrow(/both/)
    await expect(
      loadOrCreateVapidKeys(store, { subject, env: { TUANYUAN_VAPID_PUBLIC_KEY: b.publicKey, TUANYUAN_VAPID_PRIVATE_KEY: a.privateKey } }),
    ).rejects.toThrow(/does not belong/)
    await expect(loadOrCreateVapidKeys(store, { subject: 'http://tuanyuan.example', env: {} })).rejects.toThrow(/mailto: or https:/)
    store.values.set(VAPID_STORE_KEY, JSON.stringify({ publicKey: b.publicKey, privateKey: a.privateKey }))
    await expect(loadOrCreateVapidKeys(store, { subject, env: {} })).rejects.toThrow(/does not belong/)
  })
})
