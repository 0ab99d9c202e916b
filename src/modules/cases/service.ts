import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { actorId, actorUnit } from '../../platform/auth/actor.ts'
import { authorize } from '../../platform/auth/authorize.ts'
import { conflict, invalid } from '../../platform/errors.ts'
import { getUnitForRead, unitRef } from '../identity/index.ts'
import type { UnitView } from '../identity/schema.ts'
import { assertNotClosed, getCaseRow, lockCaseRow, type CaseRow } from './access.ts'
import { checkCaseDetails, type CaseDetails } from './case-checks.ts'
import { issueCaseNo } from './case-no.ts'
import { listPhotoMeta } from './case-photos.ts'
import { divisionNames } from './divisions.ts'
import { hasTaskForce, loadTaskForceView } from './task-force.ts'
import { appendCaseEvent } from './timeline.ts'
import { missingCase } from './tables.ts'
import { toCaseView } from './views.ts'
import type { CaseCreate, CaseUpdate, CaseView } from './schema.ts'

/** The reporting unit: the caller's own unless named; a police unit within the caller's reach. */
async function resolveReportingUnit(ctx: Ctx, unitId: string | undefined): Promise<UnitView> {
  const id = unitId ?? actorUnit(ctx.actor)?.id
  if (!id) throw invalid('case.unit_required', 'name the reporting unit', [{ path: '/unitId', message: 'required' }])
  const unit = await getUnitForRead(ctx, id, 'case.write')
  if (unit.type !== 'public_security') {
    throw invalid('case.unit_not_police', `${unit.name} is not a police unit`, [
      { path: '/unitId', message: 'cases are reported to the police' },
    ])
  }
  return unit
}

/** The whole view of a case: names, task force and photo list joined; no audit (callers decide). */
export async function loadCaseView(db: Db, row: CaseRow, now: Date): Promise<CaseView> {
  const [unit] = await db.select({ name: unitRef.name, phone: unitRef.phone }).from(unitRef).where(eq(unitRef.id, row.unitId))
  const names = await divisionNames(db, [row.lastSeenDivisionCode])
  return toCaseView(
    row,
    {
      unitName: unit?.name ?? '',
      unitPhone: unit?.phone ?? null,
      lastSeenDivisionName: names.get(row.lastSeenDivisionCode)!,
      taskForce: await loadTaskForceView(db, row.id),
      photos: await listPhotoMeta(db, row.id),
    },
    now,
  )
}

/** Records a report as a new case in `reported`, numbered MC-<division>-<yyyymmdd>-<seq>, on the reporting unit. */
export async function createCase(ctx: Ctx, input: CaseCreate): Promise<CaseView> {
  authorize(ctx.actor, 'case.write')
  const unit = await resolveReportingUnit(ctx, input.unitId)
  const now = ctx.now()
  const reportedAt = input.reportedAt ? new Date(input.reportedAt) : now
  const columns = await checkCaseDetails(
    ctx.db,
    { child: input.child, lastSeen: input.lastSeen, reporter: input.reporter, reportedAt },
    now,
  )
  return ctx.db.transaction(async (tx) => {
    const caseNo = await issueCaseNo(tx, unit.divisionCode, reportedAt)
    const [row] = await tx
      .insert(missingCase)
      .values({
        ...(columns as typeof missingCase.$inferInsert),
        caseNo,
        status: 'reported',
        suspectedTrafficking: input.suspectedTrafficking ?? false,
        circumstances: input.circumstances.trim(),
        intakeChannel: input.intakeChannel,
        unitId: unit.id,
        divisionCode: unit.divisionCode,
        createdBy: actorId(ctx.actor) ?? 'anonymous',
        createdAt: now,
        updatedAt: now,
        lastActionAt: now,
      })
      .returning()
    await appendCaseEvent(ctx, tx, row.id, {
      kind: 'case.reported',
      summary: `${unit.name} 接报：${row.childName} 失踪`,
      details: { caseNo, intakeChannel: row.intakeChannel, suspectedTrafficking: row.suspectedTrafficking },
    })
    await ctx.audit({ action: 'case.create', resource: { type: 'case', id: row.id }, details: { caseNo, unitId: unit.id } }, tx)
    return loadCaseView(tx, { ...row, lastActionAt: now }, now)
  })
}

/** Reads a case with the child's details; every read is audited, as they are a child's personal data. */
export async function getCase(ctx: Ctx, id: string): Promise<CaseView> {
  const row = await getCaseRow(ctx, id)
  const view = await loadCaseView(ctx.db, row, ctx.now())
  await ctx.audit({ action: 'case.read', resource: { type: 'case', id } })
  return view
}

/** The stored details as the create body gave them, so that an update can be checked as a whole. */
function storedDetails(row: CaseRow): CaseDetails {
  const given = <T>(value: T | null) => value ?? undefined
  return {
    child: {
      name: row.childName,
      sex: row.childSex,
      birthDate: given(row.childBirthDate),
      // An age derived from the birth date is not checked again against a changed last-seen date.
      ageYears: row.childBirthDate ? undefined : given(row.childAgeYears),
      heightCm: given(row.childHeightCm),
      build: given(row.childBuild),
      clothing: given(row.childClothing),
      marks: given(row.childMarks),
      idNumber: given(row.childIdNumber),
      dialect: given(row.childDialect),
    },
    lastSeen: {
      at: row.lastSeenAt.toISOString(),
      address: row.lastSeenAddress,
      divisionCode: row.lastSeenDivisionCode,
      lat: given(row.lastSeenLat),
      lon: given(row.lastSeenLon),
    },
    reporter: { name: row.reporterName, relation: row.reporterRelation, phone: row.reporterPhone },
    reportedAt: row.reportedAt,
  }
}

const sameValue = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b)

/**
 * Changes a case's details, checked again as a whole. Suspicion of trafficking may be withdrawn only
 * while the case is still `reported` without a task force: later, it would undo 一长三包.
 */
export async function updateCase(ctx: Ctx, id: string, input: CaseUpdate): Promise<CaseView> {
  const current = await getCaseRow(ctx, id, 'case.write')
  assertNotClosed(current)
  const stored = storedDetails(current)
  const details = { ...stored, ...(input.child && { child: input.child }), ...(input.lastSeen && { lastSeen: input.lastSeen }) }
  if (input.reporter) details.reporter = input.reporter
  const columns: Partial<CaseRow> = await checkCaseDetails(ctx.db, details, ctx.now())
  if (input.circumstances !== undefined) columns.circumstances = input.circumstances.trim()
  if (input.suspectedTrafficking !== undefined) columns.suspectedTrafficking = input.suspectedTrafficking
  const changed = (Object.keys(columns) as (keyof CaseRow)[]).filter((k) => !sameValue(columns[k], current[k]))
  if (changed.length === 0) return loadCaseView(ctx.db, current, ctx.now())
  return ctx.db.transaction(async (tx) => {
    const row = await lockCaseRow(ctx, tx, id, 'case.write')
    assertNotClosed(row)
    if (row.suspectedTrafficking && columns.suspectedTrafficking === false) {
      if (row.status !== 'reported' || (await hasTaskForce(tx, id))) {
        throw conflict(
          'case.suspicion_locked',
          'suspicion of trafficking can no longer be withdrawn: the case has moved on or has a task force',
        )
      }
    }
    const now = ctx.now()
    const update = Object.fromEntries(changed.map((k) => [k, columns[k]]))
    const [saved] = await tx
      .update(missingCase)
      .set({ ...update, updatedAt: now })
      .where(eq(missingCase.id, id))
      .returning()
    await appendCaseEvent(ctx, tx, id, { kind: 'case.updated', summary: `案件信息更新：${changed.join(', ')}`, details: { changed } })
    await ctx.audit({ action: 'case.update', resource: { type: 'case', id }, details: { changed } }, tx)
    return loadCaseView(tx, { ...saved, lastActionAt: now }, now)
  })
}
