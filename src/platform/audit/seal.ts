import { sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import { queryRows, type Db } from '../db/client.ts'

const BATCH = 5000

/**
 * Chains every committed entry still waiting (`audit_seal()` in the database, which computes the links itself).
 * Returns how many were chained. Entries committed while this runs are left for the next call.
 */
export async function sealAuditChain(db: Db): Promise<number> {
  let total = 0
  for (;;) {
    const [{ sealed }] = await queryRows<{ sealed: number }>(db, sql`SELECT audit_seal(${BATCH}) AS sealed`)
    total += sealed
    if (sealed === 0) return total
  }
}

export interface AuditSealer {
  stop(): Promise<void>
}

/**
 * Seals the chain every `intervalMs` in the background, so an entry is chained within a fraction of a second of
 * its commit. One pass at a time; a failed pass is logged and the next one picks up what it left.
 */
export function startAuditSealer(db: Db, log: Logger, intervalMs = 200): AuditSealer {
  let running: Promise<void> | null = null
  let stopped = false
  const timer = setInterval(() => {
    if (stopped || running) return
    running = sealAuditChain(db)
      .then(
        () => undefined,
        (err: unknown) => log.error({ err }, 'sealing the audit chain failed'),
      )
      .finally(() => (running = null))
  }, intervalMs)
  timer.unref()
  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
      // What was committed up to now is chained before the process lets go of the database.
      await sealAuditChain(db).catch((err: unknown) => log.error({ err }, 'sealing the audit chain failed'))
    },
  }
}
