import type { Logger } from 'pino'
import type { Db } from '../../../platform/db/client.ts'
import type { Clock } from '../../../platform/clock.ts'
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './backoff.ts'
import { MessageCache } from './message-cache.ts'
import { claimDue, recordAttempt, type Resolution } from './store.ts'
import {
  DELIVERY_CHANNELS,
  type ClaimedDelivery,
  type DeliveryChannel,
  type DeliveryMessage,
  type SendOutcome,
  type Sender,
} from './types.ts'

export interface DispatcherConfig {
  /** Sends in flight at once, per channel: each channel has its own slots, so pushes never hold up webhooks. */
  concurrency: Record<DeliveryChannel, number>
  /** One attempt's limit; a recipient slower than this is retried later. */
  sendTimeoutMs: number
  /** How long a claim holds. Longer than a send and its bookkeeping: a claim that runs out is retried elsewhere. */
  leaseMs: number
  /** How often to look for due retries and expired claims when nothing kicks. */
  pollMs: number
  retry: RetryPolicy
}

export const DEFAULT_DISPATCHER_CONFIG: DispatcherConfig = {
  concurrency: { webhook: 64, push: 256 },
  sendTimeoutMs: 5000,
  leaseMs: 60_000,
  pollMs: 1000,
  retry: DEFAULT_RETRY_POLICY,
}

export interface DispatcherOptions {
  db: Db
  clock: Clock
  log: Logger
  /** A channel without a sender is left alone (another process may send it). */
  senders: Partial<Record<DeliveryChannel, Sender>>
  config?: Partial<DispatcherConfig>
  /** Told once a recipient is gone for good (e.g. a push subscription to delete). */
  onGone?: (delivery: ClaimedDelivery) => Promise<void>
  random?: () => number
}

interface Lane {
  channel: DeliveryChannel
  sender: Sender
  limit: number
  inFlight: number
  /** The running claim loop, if any; a kick during it makes it go round once more. */
  pumping: Promise<void> | null
  again: boolean
}

/**
 * Sends the outbox (`alert_delivery`): claims due deliveries, sends each on its own promise with its own timeout,
 * and records the outcome. A slot that frees claims the next due delivery at once, so a slow or failing recipient
 * holds one slot and never the others. State lives in the table: a restart resumes where the last process stopped.
 */
export class DeliveryDispatcher {
  readonly #options: DispatcherOptions
  readonly #config: DispatcherConfig
  readonly #lanes: Lane[]
  readonly #messages: MessageCache
  readonly #sends = new Set<Promise<void>>()
  #timer: NodeJS.Timeout | undefined
  #running = false

  constructor(options: DispatcherOptions) {
    this.#options = options
    this.#config = { ...DEFAULT_DISPATCHER_CONFIG, ...options.config }
    if (this.#config.leaseMs <= this.#config.sendTimeoutMs) throw new Error('the claim lease must outlast the send timeout')
    this.#messages = new MessageCache(options.db)
    this.#lanes = DELIVERY_CHANNELS.flatMap((channel) => {
      const sender = options.senders[channel]
      return sender ? [{ channel, sender, limit: this.#config.concurrency[channel], inFlight: 0, pumping: null, again: false }] : []
    })
  }

  /** Starts sending: now, on every kick, and every `pollMs` for retries and expired claims. */
  start(): void {
    if (this.#running) return
    this.#running = true
    this.#timer = setInterval(() => this.kick(), this.#config.pollMs)
    this.#timer.unref()
    this.kick()
  }

  /** Looks for due deliveries now. Call it after the transaction that queued deliveries commits. */
  kick(): void {
    if (!this.#running) return
    for (const lane of this.#lanes) void this.#pump(lane)
  }

  /** Stops claiming, and waits for the sends in flight to finish and be recorded. */
  async stop(): Promise<void> {
    this.#running = false
    clearInterval(this.#timer)
    await this.idle()
  }

  /** Resolves when no claim loop runs and no send is in flight (tests, benchmarks). */
  async idle(): Promise<void> {
    while (this.#sends.size > 0 || this.#lanes.some((l) => l.pumping !== null)) {
      await Promise.all([...this.#sends, ...this.#lanes.map((l) => l.pumping)])
    }
  }

  #pump(lane: Lane): Promise<void> {
    if (lane.pumping) {
      lane.again = true
      return lane.pumping
    }
    lane.pumping = this.#claimLoop(lane)
      .catch((err: unknown) => this.#options.log.error({ err, channel: lane.channel }, 'claiming deliveries failed'))
      .finally(() => {
        lane.pumping = null
      })
    return lane.pumping
  }

  async #claimLoop(lane: Lane): Promise<void> {
    do {
      lane.again = false
      const free = lane.limit - lane.inFlight
      // A full lane refills as its sends finish: each finished send kicks its lane.
      if (free <= 0 || !this.#running) return
      const claimed = await claimDue(this.#options.db, lane.channel, free, this.#options.clock.now(), this.#config.leaseMs)
      if (claimed.length === 0) continue
      const messages = await this.#messages.get(claimed.map((d) => d.messageId))
      for (const delivery of claimed) this.#launch(lane, delivery, messages.get(delivery.messageId))
      // A full batch means more may be due.
      if (claimed.length === free) lane.again = true
    } while (lane.again && this.#running)
  }

  #launch(lane: Lane, delivery: ClaimedDelivery, message: DeliveryMessage | undefined) {
    lane.inFlight++
    const send: Promise<void> = this.#attempt(lane, delivery, message)
      .catch((err: unknown) => this.#options.log.error({ err, delivery: delivery.id }, 'recording a delivery failed'))
      .finally(() => {
        lane.inFlight--
        this.#sends.delete(send)
        if (this.#running) void this.#pump(lane)
      })
    this.#sends.add(send)
  }

  async #attempt(lane: Lane, delivery: ClaimedDelivery, message: DeliveryMessage | undefined) {
    const outcome: SendOutcome = message
      ? await this.#sendWithTimeout(lane.sender, delivery, message)
      : { kind: 'rejected', error: `message ${delivery.messageId} not found` }
    const at = this.#options.clock.now()
    const latencyMs = message && outcome.kind === 'delivered' ? Math.max(0, at.getTime() - message.sentAt.getTime()) : null
    const resolution = this.#resolve(delivery, outcome, at)
    const recorded = await recordAttempt(this.#options.db, delivery, outcome, resolution, at, latencyMs)
    if (recorded && resolution.status === 'gone') await this.#options.onGone?.(delivery)
    if (outcome.kind !== 'delivered') {
      this.#options.log.info(
        { delivery: delivery.id, channel: delivery.channel, attempt: delivery.attempts, outcome, resolution },
        'delivery attempt failed',
      )
    }
  }

  #resolve(delivery: ClaimedDelivery, outcome: SendOutcome, at: Date): Resolution {
    switch (outcome.kind) {
      case 'delivered':
        return { status: 'delivered' }
      case 'gone':
        return { status: 'gone' }
      case 'rejected':
        return { status: 'failed' }
      case 'retryable': {
        const delay = retryDelayMs(this.#config.retry, delivery.attempts, outcome.retryAfterMs, this.#options.random)
        return delay === null ? { status: 'failed' } : { status: 'pending', retryAt: new Date(at.getTime() + delay) }
      }
    }
  }

  async #sendWithTimeout(sender: Sender, delivery: ClaimedDelivery, message: DeliveryMessage): Promise<SendOutcome> {
    const controller = new AbortController()
    const timeoutMs = this.#config.sendTimeoutMs
    let timer: NodeJS.Timeout | undefined
    // The race also covers a sender that ignores the signal: the slot is freed on time either way.
    const timedOut = new Promise<SendOutcome>((resolve) => {
      timer = setTimeout(() => {
        resolve({ kind: 'retryable', error: `no answer within ${timeoutMs} ms` })
        controller.abort()
      }, timeoutMs)
    })
    try {
      return await Promise.race([sender(delivery, message, controller.signal), timedOut])
    } catch (err) {
      return { kind: 'retryable', error: err instanceof Error ? err.message : String(err) }
    } finally {
      clearTimeout(timer)
    }
  }
}
