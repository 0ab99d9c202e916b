import { sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { actorId, actorName, actorUnit, type Actor } from '../auth/actor.ts'

export interface AuditRecord {
  action: string
  resource?: { type: string; id?: string | null }
  outcome?: 'success' | 'failure' | 'denied'
  details?: Record<string, unknown>
  /** The unit whose auditors should see this entry, when the actor has none (e.g. a failed login). */
  unitId?: string | null
}

export interface AuditOrigin {
  actor: Actor
  at: Date
  ip: string | null
  requestId: string | null
}

/**
 * Appends one entry; pass the caller's transaction so the entry commits with the change it records. It takes no
 * lock: the database queues the entry and `audit_seal()` (seal.ts) chains it once it has committed.
 */
export async function appendAudit(db: Db, origin: AuditOrigin, record: AuditRecord): Promise<void> {
  const { actor } = origin
  const unitId = actorUnit(actor)?.id ?? record.unitId ?? null
  await db.execute(sql`
    INSERT INTO audit_entry (occurred_at, actor_type, actor_id, actor_name, unit_id, action, resource_type,
      resource_id, outcome, ip, request_id, details)
    VALUES (${origin.at.toISOString()}, ${actor.kind}, ${actorId(actor)}, ${actorName(actor)}, ${unitId},
      ${record.action}, ${record.resource?.type ?? null}, ${record.resource?.id ?? null},
      ${record.outcome ?? 'success'}, ${origin.ip}, ${origin.requestId},
      ${JSON.stringify(record.details ?? {})}::jsonb)`)
}
