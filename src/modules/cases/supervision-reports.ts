// Progress reports on supervised listings, changes to a listing and its lifting; the deadline listener.
import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { actorId, actorName, actorUnit, systemActor } from '../../platform/auth/actor.ts'
import { authorize } from '../../platform/auth/authorize.ts'
import { conflict, notFound } from '../../platform/errors.ts'
import { completeDeadlines } from '../../platform/deadlines/service.ts'
import type { DeadlineListener } from '../../platform/deadlines/sweep.ts'
import { unitById } from './acting-unit.ts'
import { appendCaseEvent, writeCaseEvent } from './timeline.ts'
import { supervision, supervisionReport } from './tables.ts'
import { getSupervision, getSupervisionView } from './supervision-lists.ts'
import { SUPERVISION_REPORT_KIND, scheduleNextReport, type SupervisionRow } from './supervision.ts'
import type {
  SupervisionDetail,
  SupervisionLift,
  SupervisionReportCreate,
  SupervisionUpdate,
  SupervisionView,
} from './supervision-schema.ts'

/**
 * Locks an active listing for `action` by a caller who reaches the unit `whose` names: the unit
 * that must report (or one above it) reports; the listing unit (or one above it) changes and lifts.
 * Others get "not found", before anything else is said about the listing.
 */
async function lockActive(ctx: Ctx, tx: Db, id: string, action: string, whose: 'responsibleUnitId' | 'supervisingUnitId') {
  const [row] = await tx.select().from(supervision).where(eq(supervision.id, id)).for('update')
  if (!row) throw notFound('supervision.not_found', `supervision ${id} not found`)
  const unit = await unitById(tx, row[whose])
  authorize(ctx.actor, action, { type: 'supervision', id, divisionCode: unit?.divisionCode ?? row.divisionCode, owningUnitId: row[whose] })
  if (row.status !== 'active') throw conflict('supervision.lifted', 'the listing has been lifted')
  return row
}

const reportTitle = (row: SupervisionRow, caseNo: string | null, divisionName: string) =>
  row.caseId ? `挂牌督办进展报告：${caseNo}` : `重点地区挂牌督办进展报告：${divisionName}`

/** Files a progress report: the due report is met and the next falls due one cycle from now. */
export async function submitSupervisionReport(ctx: Ctx, id: string, input: SupervisionReportCreate): Promise<SupervisionDetail> {
  authorize(ctx.actor, 'supervision.report')
  await ctx.db.transaction(async (tx) => {
    const row = await lockActive(ctx, tx, id, 'supervision.report', 'responsibleUnitId')
    const [report] = await tx
      .insert(supervisionReport)
      .values({
        supervisionId: id,
        reportedBy: actorId(ctx.actor) ?? 'anonymous',
        reportedByName: actorName(ctx.actor),
        unitId: actorUnit(ctx.actor)?.id ?? null,
        at: ctx.now(),
        text: input.text.trim(),
      })
      .returning()
    await completeDeadlines(ctx, { type: 'supervision', id, kind: SUPERVISION_REPORT_KIND }, tx)
    const view = await getSupervisionView(tx, id, ctx.now())
    await scheduleNextReport(ctx, tx, row, reportTitle(row, view.caseNo, view.divisionName))
    if (row.caseId) {
      await appendCaseEvent(ctx, tx, row.caseId, {
        kind: 'supervision.report',
        summary: `督办进展报告：${input.text.trim().slice(0, 80)}`,
        details: { supervisionId: id, reportId: report.id },
      })
    }
    await ctx.audit(
      { action: 'supervision.report', resource: { type: 'supervision', id }, details: { reportId: report.id, caseId: row.caseId } },
      tx,
    )
  })
  return getSupervision(ctx, id)
}

/** Changes the warning or the cycle; a new cycle applies from the next report on. */
export async function updateSupervision(ctx: Ctx, id: string, input: SupervisionUpdate): Promise<SupervisionView> {
  authorize(ctx.actor, 'supervision.write')
  await ctx.db.transaction(async (tx) => {
    const row = await lockActive(ctx, tx, id, 'supervision.write', 'supervisingUnitId')
    await tx
      .update(supervision)
      .set({
        ...(input.warning !== undefined && { warning: input.warning.trim() }),
        ...(input.reportCycleDays && { reportCycleDays: input.reportCycleDays }),
      })
      .where(eq(supervision.id, id))
    await ctx.audit({ action: 'supervision.update', resource: { type: 'supervision', id }, details: { ...input, caseId: row.caseId } }, tx)
  })
  return getSupervisionView(ctx.db, id, ctx.now())
}

/** Ends a listing (e.g. the case is solved): no more reports are due. Only the listing unit or one above it may lift it. */
export async function liftSupervision(ctx: Ctx, id: string, input: SupervisionLift): Promise<SupervisionView> {
  authorize(ctx.actor, 'supervision.write')
  await ctx.db.transaction(async (tx) => {
    const row = await lockActive(ctx, tx, id, 'supervision.write', 'supervisingUnitId')
    const now = ctx.now()
    await tx
      .update(supervision)
      .set({ status: 'lifted', liftedAt: now, liftedBy: actorId(ctx.actor), liftNote: input.note.trim() })
      .where(eq(supervision.id, id))
    // The deadline service has no "cancel": the due report is marked met, which also stops its escalation.
    await completeDeadlines(ctx, { type: 'supervision', id, kind: SUPERVISION_REPORT_KIND }, tx)
    if (row.caseId) {
      await appendCaseEvent(ctx, tx, row.caseId, {
        kind: 'supervision.lifted',
        summary: `撤销挂牌督办：${input.note.trim()}`,
        details: { supervisionId: id },
      })
    }
    await ctx.audit({ action: 'supervision.lift', resource: { type: 'supervision', id }, details: { caseId: row.caseId } }, tx)
  })
  return getSupervisionView(ctx.db, id, ctx.now())
}

const SWEEPER = systemActor('deadlines')

/**
 * Puts overdue and escalated progress reports of a supervised case on its timeline. Pass it to
 * `sweepDeadlines`; it runs inside the sweep's transaction, so the event happens exactly once.
 */
export const supervisionDeadlineListener: DeadlineListener = async (event, tx) => {
  if (event.deadline.kind !== SUPERVISION_REPORT_KIND || event.type === 'reminder') return
  const caseId = event.deadline.details.caseId
  if (typeof caseId !== 'string') return
  await writeCaseEvent(tx, SWEEPER, event.at, caseId, {
    kind: event.type === 'overdue' ? 'supervision.overdue' : 'supervision.escalated',
    summary: event.type === 'overdue' ? '督办进展报告逾期' : '督办进展报告逾期，已上报督办单位',
    details: { supervisionId: event.deadline.subjectId, deadlineId: event.deadline.id, unitId: event.unitId },
  })
}
