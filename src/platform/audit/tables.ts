import { bigint, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { at } from '../db/columns.ts'

/**
 * Append-only log of who did what. Writers only insert (UPDATE, DELETE and TRUNCATE are refused by triggers,
 * migration 0001 and 0019); the hash chain over the entries is built apart, in `audit_chain`, so that writers
 * never wait for one another (docs/decisions/0011-audit-chain-sealed-apart.md).
 */
export const auditEntry = pgTable(
  'audit_entry',
  {
    /** Order of insertion (gaps where a transaction rolled back); the chain's `seq` is the gapless order. */
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
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
  },
  (t) => [index().on(t.occurredAt), index().on(t.actorId), index().on(t.action), index().on(t.resourceType, t.resourceId)],
)

/**
 * The hash chain: entry `seq` links to entry `seq − 1`. Rows are computed by the database's trigger from the
 * entry (whatever an inserter passes), gapless, and never changed.
 */
export const auditChain = pgTable('audit_chain', {
  seq: bigint({ mode: 'number' }).primaryKey(),
  entryId: bigint({ mode: 'number' })
    .notNull()
    .unique()
    .references(() => auditEntry.id),
  prevHash: text().notNull(),
  hash: text().notNull(),
})

/** Entries committed but not yet chained: filled by a trigger on every insert, emptied by `audit_seal()`. */
export const auditPending = pgTable('audit_pending', {
  entryId: bigint({ mode: 'number' })
    .primaryKey()
    .references(() => auditEntry.id),
})
