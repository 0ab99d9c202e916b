// 挂牌督办: the ministry or a province lists a case or a key area and demands progress reports.
import { and, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { actorId } from '../../platform/auth/actor.ts'
import { authorize, isWithinDivision } from '../../platform/auth/authorize.ts'
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts'
import { createDeadline } from '../../platform/deadlines/service.ts'
import { unitRef } from '../identity/index.ts'
import { actingUnit, unitById, type UnitRow } from './acting-unit.ts'
import { assertNotClosed, getCaseRow } from './access.ts'
import { divisionLookup } from './divisions.ts'
import { appendCaseEvent } from './timeline.ts'
import { supervision } from './tables.ts'
import { getSupervisionView } from './supervision-lists.ts'
import type { SupervisionCreate, SupervisionLevel, SupervisionView } from './supervision-schema.ts'

export const SUPERVISION_REPORT_KIND = 'case.supervision_report'

export type SupervisionRow = typeof supervision.$inferSelect

function levelOf(unit: UnitRow): SupervisionLevel {
  if (unit.level === 'national') return 'ministry'
  if (unit.level === 'province') return 'province'
  throw forbidden('supervision.level', 'only the ministry or a province lists cases and areas for supervision')
}

interface Target {
  caseId: string | null
  caseNo: string | null
  divisionCode: string
  responsibleUnitId: string
  title: string
}

async function caseTarget(ctx: Ctx, caseId: string, listing: UnitRow): Promise<Target> {
  const row = await getCaseRow(ctx, caseId, 'supervision.write')
  assertNotClosed(row)
  if (!isWithinDivision(listing.divisionCode, row.divisionCode)) throw notFound('case.not_found', `case ${caseId} not found`)
  return {
    caseId,
    caseNo: row.caseNo,
    divisionCode: row.divisionCode,
    responsibleUnitId: row.unitId,
    title: `挂牌督办进展报告：${row.caseNo}`,
  }
}

/** The police unit answerable for an area: the one named, or the one at the area's own division. */
async function responsibleUnitFor(db: Db, area: string, listing: UnitRow, given: string | undefined): Promise<UnitRow> {
  const candidates = given
    ? [await unitById(db, given)].filter((u): u is UnitRow => u !== null)
    : await db
        .select()
        .from(unitRef)
        .where(and(eq(unitRef.divisionCode, area), eq(unitRef.type, 'public_security')))
  const fits = candidates.filter(
    (u) => u.type === 'public_security' && isWithinDivision(u.divisionCode, area) && isWithinDivision(listing.divisionCode, u.divisionCode),
  )
  if (fits.length !== 1) {
    const message = given
      ? 'must be a police unit covering the area, within the listing unit'
      : 'no single police unit at this division: name one'
    throw invalid('supervision.responsible_unit', message, [{ path: '/responsibleUnitId', message }])
  }
  return fits[0]
}

async function areaTarget(ctx: Ctx, code: string, listing: UnitRow, responsibleUnitId: string | undefined): Promise<Target> {
  const division = (await divisionLookup(ctx.db, [code])).get(code)
  if (!division || (division.level !== 'city' && division.level !== 'county')) {
    throw invalid('supervision.area', 'a key area is a city or a county', [{ path: '/divisionCode', message: 'not a city or county' }])
  }
  if (!isWithinDivision(listing.divisionCode, code)) {
    throw invalid('supervision.area_outside', 'the area lies outside the listing unit', [{ path: '/divisionCode', message: 'outside' }])
  }
  const responsible = await responsibleUnitFor(ctx.db, code, listing, responsibleUnitId)
  return {
    caseId: null,
    caseNo: null,
    divisionCode: code,
    responsibleUnitId: responsible.id,
    title: `重点地区挂牌督办进展报告：${division.name}`,
  }
}

/** Registers the next progress report as a deadline on the responsible unit, escalating to the listing unit. */
export async function scheduleNextReport(ctx: Ctx, tx: Db, row: SupervisionRow, title: string): Promise<void> {
  await createDeadline(
    ctx,
    {
      kind: SUPERVISION_REPORT_KIND,
      title,
      subject: { type: 'supervision', id: row.id },
      unitId: row.responsibleUnitId,
      supervisingUnitId: row.supervisingUnitId,
      due: { after: { days: row.reportCycleDays } },
      details: { caseId: row.caseId, divisionCode: row.divisionCode },
    },
    tx,
  )
}

/** Lists a case or a key area for supervision; the first progress report falls due one cycle later. */
export async function createSupervision(ctx: Ctx, input: SupervisionCreate): Promise<SupervisionView> {
  authorize(ctx.actor, 'supervision.write')
  const listing = await actingUnit(ctx, input.supervisingUnitId, '/supervisingUnitId')
  const level = levelOf(listing)
  const target =
    input.targetKind === 'case'
      ? await caseTarget(ctx, input.caseId, listing)
      : await areaTarget(ctx, input.divisionCode, listing, input.responsibleUnitId)
  const id = await ctx.db.transaction(async (tx) => {
    const active = and(eq(supervision.status, 'active'), eq(supervision.targetKind, input.targetKind))
    const same = target.caseId ? eq(supervision.caseId, target.caseId) : eq(supervision.divisionCode, target.divisionCode)
    const [taken] = await tx.select({ id: supervision.id }).from(supervision).where(and(active, same))
    if (taken) throw conflict('supervision.already_active', `this ${input.targetKind} is already under supervision (${taken.id})`)
    const [row] = await tx
      .insert(supervision)
      .values({
        targetKind: input.targetKind,
        caseId: target.caseId,
        divisionCode: target.divisionCode,
        level,
        supervisingUnitId: listing.id,
        responsibleUnitId: target.responsibleUnitId,
        warning: input.warning?.trim() || null,
        reportCycleDays: input.reportCycleDays,
        status: 'active',
        listedBy: actorId(ctx.actor) ?? 'anonymous',
        listedAt: ctx.now(),
      })
      .returning()
    await scheduleNextReport(ctx, tx, row, target.title)
    if (row.caseId) {
      await appendCaseEvent(ctx, tx, row.caseId, {
        kind: 'supervision.listed',
        summary: `${listing.name} 挂牌督办，每 ${row.reportCycleDays} 日报告进展${row.warning ? `；警示：${row.warning}` : ''}`,
        details: { supervisionId: row.id, level, reportCycleDays: row.reportCycleDays },
      })
    }
    await ctx.audit(
      { action: 'supervision.create', resource: { type: 'supervision', id: row.id }, details: { ...target, level, caseId: row.caseId } },
      tx,
    )
    return row.id
  })
  return getSupervisionView(ctx.db, id, ctx.now())
}
