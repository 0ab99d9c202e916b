// Web Push for the public page: the service worker (/sw.js), the browser's subscription with our VAPID key, and
// the server's record of it with the place it covers. The subscription's own auth secret proves it is ours to remove.
import { isApiError } from '../../api/client.ts'
import { getVapidKey, subscribeToAlerts, unsubscribeFromAlerts } from './api.ts'
import { proofOfWork } from '../../shared/public-proof.ts'
import type { Here } from './geolocate.ts'

export type PushSupport = 'supported' | 'insecure' | 'unsupported'

/** What the page remembers of its subscription, to say where it covers; the server keeps the real record. */
export interface Subscribed {
  lat: number
  lon: number
  at: string
}

const STORAGE_KEY = 'tuanyuan.alerts.push'
const SCOPE = '/'

/** Why this browser cannot subscribe, if it cannot: push needs https (or localhost) and a browser that has it. */
export function pushSupport(): PushSupport {
  if (!window.isSecureContext) return 'insecure'
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window ? 'supported' : 'unsupported'
}

export class PushRefused extends Error {
  constructor() {
    super('notifications were not allowed')
    this.name = 'PushRefused'
  }
}

function decodeBase64url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=')
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
}

function sameBytes(a: ArrayBuffer | null, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.length) return false
  const view = new Uint8Array(a)
  return view.every((byte, i) => byte === b[i])
}

async function registration(): Promise<ServiceWorkerRegistration> {
  await navigator.serviceWorker.register('/sw.js', { scope: SCOPE })
  return navigator.serviceWorker.ready
}

/** The browser's current subscription, if this page's service worker has one. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (pushSupport() !== 'supported') return null
  const existing = await navigator.serviceWorker.getRegistration(SCOPE)
  return (await existing?.pushManager.getSubscription()) ?? null
}

export function rememberedSubscription(): Subscribed | null {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Subscribed | null
    return stored && typeof stored.lat === 'number' && typeof stored.lon === 'number' ? stored : null
  } catch {
    return null
  }
}

function remember(value: Subscribed | null) {
  try {
    if (value) localStorage.setItem(STORAGE_KEY, JSON.stringify(value))
    else localStorage.removeItem(STORAGE_KEY)
  } catch {
    // Private mode may refuse storage: the subscription works all the same, the page just cannot say where.
  }
}

/** Asks first, straight from the tap: some browsers only show the question while the tap is fresh. */
export async function askNotificationPermission(): Promise<void> {
  if ((await Notification.requestPermission()) !== 'granted') throw new PushRefused()
}

/**
 * Subscribes the browser with the server's VAPID key (replacing a subscription made with another key) and
 * registers it for alerts whose area covers `here`. Subscribing again moves it.
 */
export async function subscribeHere(here: Here, locale: 'zh-CN' | 'en', now: Date): Promise<Subscribed> {
  if (Notification.permission !== 'granted') throw new PushRefused()
  const [worker, { publicKey }] = await Promise.all([registration(), getVapidKey()])
  const key = decodeBase64url(publicKey)
  let subscription = await worker.pushManager.getSubscription()
  if (subscription && !sameBytes(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe()
    subscription = null
  }
  subscription ??= await worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key })
  const { endpoint, keys } = subscription.toJSON()
  if (!endpoint || !keys?.p256dh || !keys.auth) throw new Error('the browser gave a subscription without keys')
  const body = { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth }, latitude: here.lat, longitude: here.lon, locale }
  await subscribeToAlerts(body, await proofOfWork())
  const subscribed = { lat: here.lat, lon: here.lon, at: now.toISOString() }
  remember(subscribed)
  return subscribed
}

/** Removes the subscription from the server (already gone there is fine) and from the browser. */
export async function unsubscribeHere(): Promise<void> {
  const subscription = await currentSubscription()
  if (subscription) {
    const { endpoint, keys } = subscription.toJSON()
    if (endpoint && keys?.auth) {
      try {
        await unsubscribeFromAlerts({ endpoint, auth: keys.auth })
      } catch (error) {
        if (!isApiError(error) || error.code !== 'push.subscription_not_found') throw error
      }
    }
    await subscription.unsubscribe()
  }
  remember(null)
}
