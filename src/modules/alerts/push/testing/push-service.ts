// A local push service for tests, behaving like FCM or Mozilla autopush towards the application server:
// POST /push/<id> with a VAPID-signed, aes128gcm-encrypted message, 201 Created on success. It also plays the
// browser: it makes subscriptions (ECDH key pair, auth secret) and decrypts what arrives, so tests can read the
// payloads. It speaks HTTPS because web-push only sends over TLS; `agent` trusts its self-signed certificate.
import crypto from 'node:crypto'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { generate } from 'selfsigned'
import type { PushSubscriptionKeys } from '../send.ts'
import { decryptPushMessage, PushRefusal, verifyVapidAuthorization, type UserAgentKeys, type VapidClaims } from './receiver-crypto.ts'

export interface TestSubscription extends PushSubscriptionKeys {
  id: string
}

export interface ReceivedPush {
  subscriptionId: string
  /** The decrypted payload, parsed as JSON (undefined if it is not JSON). */
  payload: unknown
  text: string
  ttl: number
  urgency: string | undefined
  topic: string | undefined
  vapid: { claims: VapidClaims; publicKey: string }
}

/** How an endpoint should misbehave: answer `status` (with Retry-After) `times` times, or wait before answering. */
export interface InjectedFailure {
  status?: number
  retryAfter?: string
  times?: number
  delayMs?: number
}

interface Registration {
  keys: UserAgentKeys
  /** The applicationServerKey the browser subscribed with; others get 403, as with FCM. */
  applicationServerKey: string | undefined
  unsubscribed: boolean
  failure?: InjectedFailure
}

const MAX_BODY_BYTES = 4096
const URGENCIES = ['very-low', 'low', 'normal', 'high']

export class LocalPushService {
  readonly received: ReceivedPush[] = []
  /** Every request answered, with its status, in order. */
  readonly answers: { subscriptionId: string; status: number; reason?: string }[] = []
  readonly agent: https.Agent
  private readonly server: https.Server
  private readonly registrations = new Map<string, Registration>()

  private constructor(server: https.Server, certificate: string) {
    this.server = server
    this.agent = new https.Agent({ ca: certificate, keepAlive: true })
  }

  static async start(): Promise<LocalPushService> {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    })
    const server = https.createServer({ key: pems.private, cert: pems.cert })
    const service = new LocalPushService(server, pems.cert)
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void service.handle(req, res))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return service
  }

  get origin(): string {
    return `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  /** A browser-like subscription; give applicationServerKey to restrict it to that VAPID key. */
  subscribe(options: { applicationServerKey?: string } = {}): TestSubscription {
    const ecdh = crypto.createECDH('prime256v1')
    ecdh.generateKeys()
    const keys = { privateKey: ecdh.getPrivateKey(), publicKey: ecdh.getPublicKey(), authSecret: crypto.randomBytes(16) }
    const id = crypto.randomUUID()
    this.registrations.set(id, { keys, applicationServerKey: options.applicationServerKey, unsubscribed: false })
    return {
      id,
      endpoint: `${this.origin}/push/${id}`,
      keys: { p256dh: keys.publicKey.toString('base64url'), auth: keys.authSecret.toString('base64url') },
    }
  }

  /** The browser withdrew the subscription: from now on the endpoint answers 410 Gone. */
  unsubscribe(id: string): void {
    this.registration(id).unsubscribed = true
  }

  injectFailure(id: string, failure: InjectedFailure): void {
    this.registration(id).failure = { times: Number.POSITIVE_INFINITY, ...failure }
  }

  receivedBy(id: string): ReceivedPush[] {
    return this.received.filter((r) => r.subscriptionId === id)
  }

  async close(): Promise<void> {
    this.agent.destroy()
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private registration(id: string): Registration {
    const registration = this.registrations.get(id)
    if (!registration) throw new Error(`no test subscription ${id}`)
    return registration
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = /^\/push\/([\w-]+)$/.exec(req.url ?? '')?.[1] ?? ''
    const answer = (status: number, reason?: string, headers: Record<string, string> = {}) => {
      this.answers.push({ subscriptionId: id, status, reason })
      res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(reason ?? '')
    }
    try {
      const body = await readBody(req)
      const registration = this.registrations.get(id)
      if (req.method !== 'POST' || !registration) return answer(404, 'no such subscription')
      if (registration.unsubscribed) return answer(410, 'subscription expired')
      const failure = registration.failure
      if (failure && failure.times! > 0) {
        failure.times!--
        if (failure.delayMs) await new Promise((resolve) => setTimeout(resolve, failure.delayMs))
        if (failure.status)
          return answer(failure.status, 'injected failure', failure.retryAfter ? { 'retry-after': failure.retryAfter } : {})
      }
      const received = this.accept(id, registration, req.headers, body)
      this.received.push(received)
      answer(201, undefined, { location: `${this.origin}/message/${crypto.randomUUID()}`, ttl: String(received.ttl) })
    } catch (error) {
      if (error instanceof PushRefusal) return answer(error.status, error.message)
      answer(500, String(error))
    }
  }

  /** Checks a message as a push service would (RFC 8030 §5, RFC 8292) and decrypts it as the browser would. */
  private accept(id: string, registration: Registration, headers: IncomingHttpHeaders, body: Buffer): ReceivedPush {
    const vapid = verifyVapidAuthorization(headers.authorization, this.origin, Math.floor(Date.now() / 1000))
    if (registration.applicationServerKey !== undefined && vapid.publicKey !== registration.applicationServerKey) {
      throw new PushRefusal(403, 'the VAPID key is not the one this subscription was created for')
    }
    const ttl = Number(headers.ttl)
    if (headers.ttl === undefined || !Number.isInteger(ttl) || ttl < 0) throw new PushRefusal(400, 'TTL header missing or invalid')
    const urgency = header(headers.urgency)
    if (urgency !== undefined && !URGENCIES.includes(urgency)) throw new PushRefusal(400, `Urgency ${urgency} is not defined`)
    const topic = header(headers.topic)
    if (topic !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(topic)) throw new PushRefusal(400, 'Topic must be 1–32 base64url characters')
    if (headers['content-encoding'] !== 'aes128gcm') throw new PushRefusal(415, 'Content-Encoding must be aes128gcm')
    const text = decryptPushMessage(body, registration.keys).toString('utf8')
    let payload: unknown
    try {
      payload = JSON.parse(text)
    } catch {
      payload = undefined
    }
    return { subscriptionId: id, payload, text, ttl, urgency, topic, vapid }
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new PushRefusal(413, 'a push message body is at most 4096 bytes')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}
