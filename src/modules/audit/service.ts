import { and, desc, eq, gte, like, lt, lte, or, sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { verifyAuditChain } from '../../platform/audit/verify.ts'
import { jurisdictionFilter } from '../../platform/auth/authorize.ts'
import { auditChain, auditEntry } from '../../platform/audit/tables.ts'
import { sealAuditChain } from '../../platform/audit/seal.ts'
import { unitRef } from '../identity/index.ts'
import type { AuditEntryView, AuditPage, AuditSearchQuery, AuditVerifyView } from './schema.ts'

/**
 * Searches the log. Auditors see entries of units in their jurisdiction; entries without a unit
 * (system actions, anonymous attempts) only the national level sees. The search itself is audited.
 */
export async function searchAudit(ctx: Ctx, query: AuditSearchQuery): Promise<AuditPage> {
  const scope = jurisdictionFilter(ctx.actor, 'audit.read', { divisionCode: sql`coalesce(${unitRef.divisionCode}, '000000')` })
  const limit = query.limit ?? 50
  const action = query.action?.endsWith('.')
    ? like(auditEntry.action, `${query.action}%`)
    : query.action
      ? eq(auditEntry.action, query.action)
      : undefined
  const rows = await ctx.db
    .select({ e: auditEntry, unitName: unitRef.name, seq: auditChain.seq })
    .from(auditEntry)
    .leftJoin(unitRef, eq(unitRef.id, auditEntry.unitId))
    .leftJoin(auditChain, eq(auditChain.entryId, auditEntry.id))
    .where(
      and(
        scope,
        action,
        query.actor ? or(eq(auditEntry.actorId, query.actor), eq(auditEntry.actorName, query.actor)) : undefined,
        query.resourceType ? eq(auditEntry.resourceType, query.resourceType) : undefined,
        query.resourceId ? eq(auditEntry.resourceId, query.resourceId) : undefined,
        query.outcome ? eq(auditEntry.outcome, query.outcome) : undefined,
        query.from ? gte(auditEntry.occurredAt, new Date(query.from)) : undefined,
        query.to ? lte(auditEntry.occurredAt, new Date(query.to)) : undefined,
        query.before ? lt(auditEntry.id, query.before) : undefined,
      ),
    )
    .orderBy(desc(auditEntry.id))
    .limit(limit + 1)
  await ctx.audit({ action: 'audit.search', details: { ...query } })
  const items = rows.slice(0, limit).map(({ e, unitName, seq }): AuditEntryView => ({
    id: e.id,
    seq,
    occurredAt: e.occurredAt.toISOString(),
    actorType: e.actorType,
    actorId: e.actorId,
    actorName: e.actorName,
    unitId: e.unitId,
    unitName,
    action: e.action,
    resourceType: e.resourceType,
    resourceId: e.resourceId,
    outcome: e.outcome,
    ip: e.ip,
    requestId: e.requestId,
    details: e.details,
  }))
  return { items, nextBefore: rows.length > limit ? items[items.length - 1].id : null }
}

/** Verification through the API is itself an audited read. */
export async function verifyAudit(ctx: Ctx): Promise<AuditVerifyView> {
  jurisdictionFilter(ctx.actor, 'audit.read', { divisionCode: sql`'000000'` })
  await sealAuditChain(ctx.db)
  const result = await verifyAuditChain(ctx.db)
  await ctx.audit({
    action: 'audit.verify',
    outcome: result.ok ? 'success' : 'failure',
    details: { checked: result.checked, firstBroken: result.firstBroken },
  })
  return result
}
