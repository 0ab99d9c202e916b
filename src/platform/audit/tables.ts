import { bigint, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { at } from '../db/columns.ts'

/**
 * Append-only, hash-chained log. The hash is computed by a database trigger (migration
 * 0001_audit_chain.sql) so that no insert path can forget it; UPDATE, DELETE and TRUNCATE are refused.
 */
export const auditEntry = pgTable(
  'audit_entry',
  {
    seq: bigint({ mode: 'number' }).primaryKey(),
    occurredAt: at().notNull(),
    actorType: text().$type<'user' | 'api_key' | 'system' | 'anonymous'>().notNull(),
    actorId: text(),
    actorName: text(),
    unitId: uuid(),
    action: text().notNull(),
    resourceType: text(),
    resourceId: text(),
    outcome: text().$type<'success' | 'failure' | 'denied'>().notNull(),
    ip: text(),
    requestId: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [index().on(t.occurredAt), index().on(t.actorId), index().on(t.action), index().on(t.resourceType, t.resourceId)],
)
