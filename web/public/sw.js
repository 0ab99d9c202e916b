// 团圆 alerts: the service worker behind "alerts for my location". It shows each Web Push message the server
// sends as a notification and opens the alert's page on a tap. Plain JavaScript: the browser loads it as is.
//
// Payload (JSON, in the subscriber's language; see notificationOf in src/modules/alerts/push-channel.ts):
// { title, body, url, icon, tag, msgType } where msgType is the CAP message type (Alert, Update, Cancel), icon
// the child's photo, and tag names the alert, so that an update replaces the earlier notification and a Cancel
// takes it away.
/* global self */

const FALLBACK_URL = '/public/alerts'
const ICON = '/favicon.svg'

self.addEventListener('install', () => {
  // A new worker takes over at once: the old one has nothing to finish.
  void self.skipWaiting()
})

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim())
})

function readPayload(data) {
  if (!data) return {}
  try {
    const value = data.json()
    return value && typeof value === 'object' ? value : {}
  } catch {
    return { body: data.text() }
  }
}

async function showAlert(payload) {
  const tag = typeof payload.tag === 'string' && payload.tag ? payload.tag : 'tuanyuan-alert'
  const earlier = await self.registration.getNotifications({ tag })
  if (payload.msgType === 'Cancel') {
    // The child was found or the alert withdrawn: nothing of it stays on the screen.
    for (const notification of earlier) notification.close()
    // The browser expects every push to show something: the Cancel's own words (the alert is over, no
    // details, no photo) take the earlier notification's place.
    if (!payload.title) return
  }
  const isCancel = payload.msgType === 'Cancel'
  await self.registration.showNotification(payload.title || '团圆', {
    body: typeof payload.body === 'string' ? payload.body : '',
    tag,
    // An update of a shown alert (a wider area) alerts again instead of changing it silently.
    renotify: payload.msgType === 'Update' && earlier.length > 0,
    requireInteraction: payload.msgType === 'Alert',
    icon: !isCancel && typeof payload.icon === 'string' ? payload.icon : ICON,
    lang: typeof payload.lang === 'string' ? payload.lang : undefined,
    data: { url: !isCancel && typeof payload.url === 'string' ? payload.url : FALLBACK_URL, msgType: payload.msgType },
  })
}

self.addEventListener('push', (event) => {
  event.waitUntil(showAlert(readPayload(event.data)))
})

/** Focuses a window already showing the page, or opens one; only http(s) addresses are opened. */
async function openPage(url) {
  const target = new URL(url || FALLBACK_URL, self.location.origin)
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
  const open = windows.find((client) => client.url === target.href)
  if (open) return open.focus()
  return self.clients.openWindow(target.href)
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  event.waitUntil(openPage(event.notification.data && event.notification.data.url))
})
