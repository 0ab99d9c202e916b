import { PgBoss, fromDrizzle, fromPglite } from 'pg-boss'
import { sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Database, Db } from '../db/client.ts'
import { jobReceipt } from './tables.ts'
import type { Clock } from '../clock.ts'

export interface SendOptions {
  /** Run no earlier than this. */
  startAfter?: Date
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  tx?: Db
  /** At most one queued job per key (e.g. one sweep at a time). */
  singletonKey?: string
}

export interface JobContext<T> {
  id: string
  name: string
  data: T
  retryCount: number
  /** The transaction the handler's effects must use: it also records the job as done. */
  tx: Db
}

export type JobHandler<T> = (job: JobContext<T>) => Promise<void>

export interface QueuePolicy {
  retryLimit?: number
  /** Seconds before the first retry; doubled on each attempt. */
  retryDelay?: number
}

/** Durable jobs on the application's own database (pg-boss), on both backends. */
export interface Jobs {
  define<T extends object>(name: string, handler: JobHandler<T>, policy?: QueuePolicy): void
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string | null>
  /** Sends `name` on a cron schedule (UTC); the schedule lives in the database and survives restarts. */
  schedule(name: string, cron: string): Promise<void>
  start(): Promise<void>
  stop(): Promise<void>
}

/**
 * Runs `handler` at most once per job id from the user's point of view: its effects commit
 * together with a receipt, and a retry that finds the receipt does nothing.
 */
export async function runOnce<T>(db: Db, job: Omit<JobContext<T>, 'tx'>, handler: JobHandler<T>, clock: Clock): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(jobReceipt)
      .values({ jobId: job.id, queue: job.name, completedAt: clock.now() })
      .onConflictDoNothing()
      .returning({ jobId: jobReceipt.jobId })
    if (inserted.length === 0) return false
    await handler({ ...job, tx })
    return true
  })
}

interface Definition {
  handler: JobHandler<object>
  policy: QueuePolicy
}

export function createJobs(database: Database, log: Logger, clock: Clock): Jobs {
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite', schema: 'pgboss' })
      : new PgBoss({ connectionString: database.connectionString!, schema: 'pgboss', max: 4 })
  boss.on('error', (error: Error) => log.error({ err: error }, 'job queue error'))
  const definitions = new Map<string, Definition>()
  let started = false

  async function createQueue(name: string, policy: QueuePolicy) {
    await boss.createQueue(name, {
      retryLimit: policy.retryLimit ?? 8,
      retryDelay: policy.retryDelay ?? 5,
      retryBackoff: true,
      retryDelayMax: 3600,
    })
  }

  async function startWorker(name: string, definition: Definition) {
    await createQueue(name, definition.policy)
    await boss.work<object>(name, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
      for (const job of jobs) {
        const ran = await runOnce(database.db, { id: job.id, name, data: job.data, retryCount: job.retryCount }, definition.handler, clock)
        log.debug({ job: job.id, queue: name, ran }, ran ? 'job done' : 'job already done, skipped')
      }
    })
  }

  return {
    define(name, handler, policy = {}) {
      if (definitions.has(name)) throw new Error(`job ${name} defined twice`)
      const definition = { handler: handler as JobHandler<object>, policy }
      definitions.set(name, definition)
      if (started) void startWorker(name, definition)
    },
    async send(name, data, options = {}) {
      if (!definitions.has(name)) throw new Error(`job ${name} is not defined`)
      return boss.send(name, data, {
        startAfter: options.startAfter,
        singletonKey: options.singletonKey,
        db: options.tx ? fromDrizzle(options.tx as never, sql as never) : undefined,
      })
    },
    async schedule(name, cron) {
      await boss.schedule(name, cron, {}, { tz: 'UTC' })
    },
    async start() {
      await boss.start()
      started = true
      for (const [name, definition] of definitions) await startWorker(name, definition)
    },
    async stop() {
      if (!started) return
      started = false
      await boss.stop({ graceful: true, timeout: 5000, close: true })
    },
  }
}
