// The receiving unit's work on a clue: assigning its team, handing it to another unit, and answering it.
import { and, eq, inArray } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { actorId } from '../../platform/auth/actor.ts'
import { conflict, invalid } from '../../platform/errors.ts'
import { appendCaseEvent, getCaseRow } from '../cases/index.ts'
import { userRef } from '../identity/index.ts'
import { clue, clueRoute } from './tables.ts'
import { lockClueRow, type ClueRow } from './access.ts'
import { closeClueDeadline, openClueDeadline } from './deadlines.ts'
import { appendClueEvent } from './events.ts'
import { loadUnit } from './routing.ts'
import { loadClueView } from './views.ts'
import type { ClueAssign, ClueCaseLink, ClueFeedback, ClueOutcome, ClueReroute, ClueView } from './schema.ts'

function assertOpen(row: ClueRow) {
  if (row.status === 'closed') throw conflict('clue.closed', `clue ${row.id} is closed`)
}

/** The team must be active users of the unit the clue is routed to: a file is worked where it lies. */
async function checkTeam(tx: Db, row: ClueRow, assignees: string[]) {
  const members = await tx
    .select({ id: userRef.id })
    .from(userRef)
    .where(and(inArray(userRef.id, assignees), eq(userRef.unitId, row.routedUnitId), eq(userRef.disabled, false)))
  const strangers = assignees.filter((id) => !members.some((m) => m.id === id))
  if (strangers.length) {
    throw invalid('clue.assignee_not_in_unit', `users ${strangers.join(', ')} are not active members of the receiving unit`, [
      { path: '/assignees', message: 'not in the receiving unit' },
    ])
  }
}

/**
 * Gives each listed clue its team (一信息一档一工作组), all or none: one clue the caller may not assign,
 * or one closed clue, leaves every other unchanged.
 */
export async function assignClues(ctx: Ctx, input: ClueAssign): Promise<ClueView[]> {
  return ctx.db.transaction(async (tx) => {
    const views: ClueView[] = []
    for (const id of [...input.clueIds].sort()) {
      const row = await lockClueRow(ctx, tx, id, 'clue.assign')
      assertOpen(row)
      await checkTeam(tx, row, input.assignees)
      const [updated] = await tx
        .update(clue)
        .set({ assignees: input.assignees, status: row.status === 'new' ? 'assigned' : row.status, updatedAt: ctx.now() })
        .where(eq(clue.id, id))
        .returning()
      await appendClueEvent(ctx, tx, id, {
        kind: 'clue.assigned',
        summary: `指定工作组（${input.assignees.length}人）`,
        details: { assignees: input.assignees },
      })
      await ctx.audit({ action: 'clue.assign', resource: { type: 'clue', id }, details: { assignees: input.assignees } }, tx)
      views.push(await loadClueView(tx, updated))
    }
    return views
  })
}

/**
 * Hands the clue to another unit with a reason. The new unit starts its own term (the old deadline is marked
 * met, as the deadline service has no cancel) and its own team; the route history keeps the path for the sender.
 */
export async function rerouteClue(ctx: Ctx, id: string, input: ClueReroute): Promise<ClueView> {
  const target = await loadUnit(ctx.db, input.unitId)
  return ctx.db.transaction(async (tx) => {
    const row = await lockClueRow(ctx, tx, id, 'clue.write')
    assertOpen(row)
    if (target.id === row.routedUnitId) throw conflict('clue.same_unit', 'the clue is already with this unit')
    const now = ctx.now()
    const [updated] = await tx
      .update(clue)
      .set({ routedUnitId: target.id, divisionCode: target.divisionCode, assignees: [], status: 'new', updatedAt: now })
      .where(eq(clue.id, id))
      .returning()
    await tx.insert(clueRoute).values({
      clueId: id,
      at: now,
      fromUnitId: row.routedUnitId,
      toUnitId: target.id,
      rule: 'manual',
      reason: input.reason,
      routedBy: actorId(ctx.actor),
    })
    await closeClueDeadline(ctx, tx, id)
    await openClueDeadline(ctx, tx, updated, target.id)
    await appendClueEvent(ctx, tx, id, {
      kind: 'clue.rerouted',
      summary: `转至${target.name}：${input.reason}`,
      details: { fromUnitId: row.routedUnitId, toUnitId: target.id, reason: input.reason },
    })
    await ctx.audit(
      { action: 'clue.reroute', resource: { type: 'clue', id }, details: { from: row.routedUnitId, to: target.id, reason: input.reason } },
      tx,
    )
    return loadClueView(tx, updated)
  })
}

const OUTCOME_TEXT: Record<ClueOutcome, string> = { confirmed_lead: '查证属实', no_finding: '未发现线索', false_report: '虚假举报' }

/**
 * Records progress (no outcome: the clue is being verified) or the result, which closes the clue and its
 * deadline; the sender's unit sees the result on the clue, and a linked case gets it on its timeline.
 */
export async function recordFeedback(ctx: Ctx, id: string, input: ClueFeedback): Promise<ClueView> {
  const note = input.note.trim()
  return ctx.db.transaction(async (tx) => {
    const row = await lockClueRow(ctx, tx, id, 'clue.write')
    assertOpen(row)
    const now = ctx.now()
    const closing = input.outcome !== undefined
    const [updated] = await tx
      .update(clue)
      .set(
        closing
          ? { status: 'closed', outcome: input.outcome, feedback: note, closedAt: now, updatedAt: now }
          : { status: 'verifying', updatedAt: now },
      )
      .where(eq(clue.id, id))
      .returning()
    if (closing) await closeClueDeadline(ctx, tx, id)
    const summary = closing ? `核查反馈：${OUTCOME_TEXT[input.outcome!]}` : '核查进展'
    await appendClueEvent(ctx, tx, id, {
      kind: closing ? 'clue.closed' : 'clue.progress',
      summary: `${summary}：${note}`,
      details: { outcome: input.outcome ?? null, note },
    })
    if (closing && row.caseId) {
      await appendCaseEvent(ctx, tx, row.caseId, {
        kind: 'clue.verified',
        summary: `${summary}：${row.subject.slice(0, 60)}`,
        details: { clueId: id, outcome: input.outcome },
      })
    }
    await ctx.audit(
      { action: closing ? 'clue.close' : 'clue.progress', resource: { type: 'clue', id }, details: { outcome: input.outcome ?? null } },
      tx,
    )
    return loadClueView(tx, updated)
  })
}

/**
 * Ties a clue to the case it turned out to concern, once: the case's timeline gets it, and its feedback will follow
 * there. The caller must be able to read the case; the clue stays with its unit.
 */
export async function linkClueToCase(ctx: Ctx, id: string, input: ClueCaseLink): Promise<ClueView> {
  const missingCase = await getCaseRow(ctx, input.caseId)
  return ctx.db.transaction(async (tx) => {
    const row = await lockClueRow(ctx, tx, id, 'clue.write')
    if (row.caseId === missingCase.id) return loadClueView(tx, row)
    if (row.caseId) throw conflict('clue.already_linked', `clue ${id} already concerns case ${row.caseId}`)
    const [updated] = await tx.update(clue).set({ caseId: missingCase.id, updatedAt: ctx.now() }).where(eq(clue.id, id)).returning()
    await appendClueEvent(ctx, tx, id, {
      kind: 'clue.linked',
      summary: `关联案件 ${missingCase.caseNo}`,
      details: { caseId: missingCase.id },
    })
    await appendCaseEvent(ctx, tx, missingCase.id, {
      kind: 'clue.linked',
      summary: `关联线索：${row.subject.slice(0, 60)}`,
      details: { clueId: id, kind: row.kind },
    })
    await ctx.audit({ action: 'clue.link_case', resource: { type: 'clue', id }, details: { caseId: missingCase.id } }, tx)
    return loadClueView(tx, updated)
  })
}
