import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedWebhook {
  path: string
  headers: http.IncomingHttpHeaders
  body: string
  /** `performance.timeOrigin + performance.now()` when the body had arrived: comparable across processes. */
  receivedAt: number
}

/** The answer to one request: a status, optionally headers, optionally after a delay (a slow endpoint). */
export interface PartnerAnswer {
  status: number
  headers?: Record<string, string>
  delayMs?: number
}

export type Responder = (request: ReceivedWebhook, attempt: number) => PartnerAnswer

export interface PartnerServer {
  url: string
  received: ReceivedWebhook[]
  respond: Responder
  /** Resolves once `count` requests have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

/** A partner's webhook receiver on 127.0.0.1 for tests and benchmarks: records every request and answers as told. */
export async function startPartnerServer(respond: Responder = () => ({ status: 204 })): Promise<PartnerServer> {
  const received: ReceivedWebhook[] = []
  const waiters: { count: number; resolve: () => void }[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const request: ReceivedWebhook = {
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt: performance.timeOrigin + performance.now(),
      }
      received.push(request)
      for (const w of waiters.filter((w) => received.length >= w.count)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve()
      }
      const answer = partner.respond(request, received.length)
      const reply = () => res.writeHead(answer.status, answer.headers).end()
      if (answer.delayMs) setTimeout(reply, answer.delayMs).unref()
      else reply()
    })
  })
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const partner: PartnerServer = {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    respond,
    waitFor(count, timeoutMs = 10_000) {
      if (received.length >= count) return Promise.resolve()
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${received.length} of ${count} webhooks received`)), timeoutMs)
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) })
      })
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
  return partner
}
