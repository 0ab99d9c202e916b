import type { Logger } from 'pino'
import type { Db } from './db/client.ts'
import type { Clock } from './clock.ts'
import type { Actor } from './auth/actor.ts'
import { appendAudit, type AuditRecord } from './audit/append.ts'
import type { Jobs } from './jobs/jobs.ts'
import type { Config } from './config.ts'

/** The long-lived machinery of one process: built once at start, shared by every request and job. */
export interface Platform {
  config: Config
  db: Db
  clock: Clock
  jobs: Jobs
  log: Logger
}

/**
 * What a service call knows: who acts, from where, and the platform. Routes, the CLI, jobs and
 * tests each build one; services never see a request.
 */
export interface Ctx {
  actor: Actor
  /** The process's settings, for services whose rules are configurable (alert radii, cold-case age…). */
  config: Config
  db: Db
  jobs: Jobs
  log: Logger
  requestId: string | null
  ip: string | null
  now(): Date
  /** Records an audit entry in `tx` (pass the transaction of the change it records), or on its own. */
  audit(record: AuditRecord, tx?: Db): Promise<void>
  /**
   * The same request acting as someone else, e.g. the user a login has just identified; with `origin`, work done
   * later on behalf of an earlier request (a queued public tip keeps its sender's address and request id).
   */
  as(actor: Actor, origin?: { ip: string | null; requestId: string | null }): Ctx
}

export interface CtxOrigin {
  actor: Actor
  requestId?: string | null
  ip?: string | null
}

export function createCtx(platform: Platform, origin: CtxOrigin): Ctx {
  const requestId = origin.requestId ?? null
  const ip = origin.ip ?? null
  return {
    actor: origin.actor,
    config: platform.config,
    db: platform.db,
    jobs: platform.jobs,
    log: requestId ? platform.log.child({ reqId: requestId }) : platform.log,
    requestId,
    ip,
    now: () => platform.clock.now(),
    audit: (record, tx) => appendAudit(tx ?? platform.db, { actor: origin.actor, at: platform.clock.now(), ip, requestId }, record),
    as: (actor, origin) => createCtx(platform, { actor, ...(origin ?? { requestId, ip }) }),
  }
}
