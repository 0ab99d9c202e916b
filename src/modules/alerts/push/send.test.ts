import net from 'node:net'
import webpush from 'web-push'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { classifyStatus, parseRetryAfter, sendPush, MAX_PAYLOAD_BYTES, type PushOptions } from './send.ts'
import { LocalPushService } from './testing/push-service.ts'
import type { VapidKeys } from './vapid.ts'

let service: LocalPushService
let vapid: VapidKeys
let options: PushOptions

beforeAll(async () => {
  service = await LocalPushService.start()
  vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:alerts@tuanyuan.example' }
  options = { vapid, agent: service.agent, topic: 'alert-42' }
})
afterAll(() => service.close())

const alert = {
  type: 'alert.update',
  alertId: 'a1b2',
  title: '团圆紧急寻人：女童，6岁',
  radiusKm: 200,
  url: 'https://tuanyuan.example/a/a1b2',
}

describe('sendPush to a push service that checks VAPID and decrypts', () => {
  it('delivers: the service verifies the token and decrypts exactly the payload sent', async () => {
    const subscription = service.subscribe({ applicationServerKey: vapid.publicKey })
    const result = await sendPush(subscription, alert, options)
    expect(result).toMatchObject({ outcome: 'delivered', status: 201 })
    expect(result.latencyMs).toBeGreaterThan(0)
    const [received] = service.receivedBy(subscription.id)
    expect(received.payload).toEqual(alert)
    expect(received).toMatchObject({ ttl: 4 * 3600, urgency: 'high', topic: 'alert-42' })
    expect(received.vapid.publicKey).toBe(vapid.publicKey)
    expect(received.vapid.claims).toMatchObject({ aud: service.origin, sub: 'mailto:alerts@tuanyuan.example' })
    expect(received.vapid.claims.exp * 1000).toBeGreaterThan(Date.now())
  })

  it('sends the TTL and urgency it is given', async () => {
    const subscription = service.subscribe()
    await sendPush(subscription, alert, { ...options, ttlSeconds: 600, urgency: 'normal', topic: undefined })
    expect(service.receivedBy(subscription.id)[0]).toMatchObject({ ttl: 600, urgency: 'normal', topic: undefined })
  })

  it('is refused (403) when signed with another VAPID key than the subscription was made for: rejected', async () => {
    const subscription = service.subscribe({ applicationServerKey: vapid.publicKey })
    const stranger = { ...webpush.generateVAPIDKeys(), subject: 'https://tuanyuan.example' }
    const result = await sendPush(subscription, alert, { ...options, vapid: stranger })
    expect(result).toMatchObject({ outcome: 'rejected', status: 403 })
    expect(service.receivedBy(subscription.id)).toHaveLength(0)
  })

  it('is gone on 410 (withdrawn) and on 404 (unknown)', async () => {
    const subscription = service.subscribe()
    service.unsubscribe(subscription.id)
    expect(await sendPush(subscription, alert, options)).toMatchObject({ outcome: 'gone', status: 410 })
    const unknown = { ...subscription, endpoint: `${service.origin}/push/no-such-subscription` }
    expect(await sendPush(unknown, alert, options)).toMatchObject({ outcome: 'gone', status: 404 })
  })

  it('is retryable on 500 and 429 with Retry-After, and delivers once the service recovers', async () => {
    const subscription = service.subscribe()
    service.injectFailure(subscription.id, { status: 503, retryAfter: '120', times: 1 })
    expect(await sendPush(subscription, alert, options)).toMatchObject({ outcome: 'retryable', status: 503, retryAfterMs: 120_000 })
    expect(await sendPush(subscription, alert, options)).toMatchObject({ outcome: 'delivered' })
    service.injectFailure(subscription.id, { status: 429, times: 1 })
    expect(await sendPush(subscription, alert, options)).toMatchObject({ outcome: 'retryable', status: 429, retryAfterMs: undefined })
  })

  it('is retryable when the service is too slow or does not answer at all', async () => {
    const slow = service.subscribe()
    service.injectFailure(slow.id, { delayMs: 2000, times: 1 })
    expect(await sendPush(slow, alert, { ...options, timeoutMs: 200 })).toMatchObject({ outcome: 'retryable', detail: 'Socket timeout' })
    const closedPort = await unusedPort()
    const nowhere = { ...slow, endpoint: `https://127.0.0.1:${closedPort}/push/${slow.id}` }
    expect(await sendPush(nowhere, alert, options)).toMatchObject({ outcome: 'retryable', detail: expect.stringMatching(/^ECONNREFUSED/) })
  })

  it('rejects without sending a payload over 3993 bytes or a subscription with broken keys', async () => {
    const subscription = service.subscribe()
    const big = { text: 'x'.repeat(MAX_PAYLOAD_BYTES) }
    expect(await sendPush(subscription, big, options)).toMatchObject({
      outcome: 'rejected',
      detail: expect.stringMatching(/more than 3993/),
    })
    const justFits = { t: 'x'.repeat(MAX_PAYLOAD_BYTES - 8) } // {"t":"…"} adds 8 bytes
    expect(await sendPush(subscription, justFits, options)).toMatchObject({ outcome: 'delivered' })
    const broken = { ...subscription, keys: { ...subscription.keys, p256dh: 'AAAA' } }
    expect(await sendPush(broken, alert, options)).toMatchObject({ outcome: 'rejected', detail: expect.stringMatching(/65 bytes/) })
    expect(service.receivedBy(subscription.id)).toHaveLength(1)
  })
})

describe('classifyStatus and parseRetryAfter', () => {
  const now = () => Date.parse('2026-05-01T08:00:00Z')
  it('sorts statuses as the push protocol means them', () => {
    expect([201, 202, 400, 401, 403, 404, 410, 413, 429, 500, 502].map((s) => classifyStatus(s, undefined, now).outcome)).toEqual([
      'delivered',
      'delivered',
      'rejected',
      'rejected',
      'rejected',
      'gone',
      'gone',
      'rejected',
      'retryable',
      'retryable',
      'retryable',
    ])
  })

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('30', now)).toBe(30_000)
    expect(parseRetryAfter('Fri, 01 May 2026 08:02:00 GMT', now)).toBe(120_000)
    expect(parseRetryAfter('Fri, 01 May 2026 07:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
  })
})

async function unusedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}
