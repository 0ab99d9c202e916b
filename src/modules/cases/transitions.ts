import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { DomainError } from '../../platform/errors.ts'
import { lockCaseRow } from './access.ts'
import { checkTransition } from './lifecycle.ts'
import { hasTaskForce } from './task-force.ts'
import { appendCaseEvent } from './timeline.ts'
import { missingCase } from './tables.ts'
import { loadCaseView } from './service.ts'
import type { CaseStatus, CaseView } from './schema.ts'
import type { CaseTransition } from './timeline-schema.ts'

const STATUS_NAMES: Record<CaseStatus, string> = {
  reported: '已报案',
  searching: '查找中',
  found: '已找到',
  rescued: '已解救',
  reunited: '已团圆',
  closed: '已结案',
  cold: '积案',
}

export interface CaseStatusChange {
  caseId: string
  from: CaseStatus
  to: CaseStatus
  reason: string | null
}

/** Runs inside the transaction of the move: what it writes commits with it, and its error undoes the move. */
export type CaseStatusListener = (ctx: Ctx, tx: Db, change: CaseStatusChange) => Promise<void>

const statusListeners: CaseStatusListener[] = []

/**
 * Lets another module react to status moves (the alerts module ends a found child's alerts) without this
 * module knowing it. Returns a function that removes the listener.
 */
export function onCaseStatusChange(listener: CaseStatusListener): () => void {
  statusListeners.push(listener)
  return () => {
    const at = statusListeners.indexOf(listener)
    if (at >= 0) statusListeners.splice(at, 1)
  }
}

/** A refused move is a conflict with the case's state; a missing close reason is bad input. */
const refusal = (code: string, reason: string) =>
  new DomainError(code === 'case.close_reason_required' ? 'invalid' : 'conflict', code, reason)

/**
 * Moves a case to another state when the lifecycle allows it (see lifecycle.ts). Found and rescued
 * record when; the move, its reason and the actor go on the timeline and the audit log.
 */
export async function transitionCase(ctx: Ctx, id: string, input: CaseTransition): Promise<CaseView> {
  const outcome = await ctx.db.transaction(async (tx) => {
    const row = await lockCaseRow(ctx, tx, id, 'case.write')
    const facts = { suspectedTrafficking: row.suspectedTrafficking, hasTaskForce: await hasTaskForce(tx, id) }
    const check = checkTransition(row.status, input.to, facts, input.closeReason)
    if (!check.allowed) return { refused: { code: check.code, reason: check.reason, from: row.status }, view: null }
    const now = ctx.now()
    const [saved] = await tx
      .update(missingCase)
      .set({
        status: input.to,
        updatedAt: now,
        ...(input.to === 'found' || input.to === 'rescued' ? { foundAt: now } : {}),
        ...(input.to === 'closed' ? { closedAt: now, closeReason: input.closeReason } : {}),
      })
      .where(eq(missingCase.id, id))
      .returning()
    const details = { from: row.status, to: input.to, reason: input.reason ?? null, closeReason: input.closeReason ?? null }
    await appendCaseEvent(ctx, tx, id, {
      kind: 'case.status',
      summary: `${STATUS_NAMES[row.status]} → ${STATUS_NAMES[input.to]}${input.reason ? `：${input.reason}` : ''}`,
      details,
    })
    await ctx.audit({ action: 'case.transition', resource: { type: 'case', id }, details }, tx)
    const change = { caseId: id, from: row.status, to: input.to, reason: input.reason ?? null }
    for (const listener of statusListeners) await listener(ctx, tx, change)
    return { refused: null, view: await loadCaseView(tx, { ...saved, lastActionAt: now }, now) }
  })
  if (!outcome.refused) return outcome.view
  // A refused attempt is worth knowing about (who tried to close an unsolved trafficking case), so it is audited too.
  const { code, reason, from } = outcome.refused
  await ctx.audit({ action: 'case.transition', outcome: 'denied', resource: { type: 'case', id }, details: { from, to: input.to, code } })
  throw refusal(code, reason)
}

/**
 * For other modules (a DNA hit, an alert's "found"): records that the child was found or rescued,
 * with how, through the same lifecycle checks as the console.
 */
export async function markFound(ctx: Ctx, caseId: string, how: { rescued?: boolean; reason: string }): Promise<CaseView> {
  return transitionCase(ctx, caseId, { to: how.rescued ? 'rescued' : 'found', reason: how.reason })
}
