import { and, asc, count, desc, eq, isNull, lte, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { authorize, jurisdictionFilter } from '../../platform/auth/authorize.ts'
import { notFound } from '../../platform/errors.ts'
import { deadline } from '../../platform/deadlines/tables.ts'
import { unitRef } from '../identity/index.ts'
import { divisionNames } from './divisions.ts'
import { missingCase, supervision, supervisionReport } from './tables.ts'
import type { SupervisionDetail, SupervisionListQuery, SupervisionPage, SupervisionView } from './supervision-schema.ts'

const supervisingUnit = alias(unitRef, 'supervising_unit')
const responsibleUnit = alias(unitRef, 'responsible_unit')

/** The one open report deadline of a listing (a lifted listing has none). */
const openDeadline = and(
  eq(deadline.subjectType, 'supervision'),
  eq(deadline.subjectId, sql`${supervision.id}::text`),
  isNull(deadline.completedAt),
  isNull(deadline.cancelledAt),
)

const lastReportAt =
  sql<Date | null>`(select max(${supervisionReport.at}) from ${supervisionReport} where ${supervisionReport.supervisionId} = ${supervision.id})`.mapWith(
    supervisionReport.at,
  )

const selectViews = (db: Db) =>
  db
    .select({
      s: supervision,
      caseNo: missingCase.caseNo,
      supervisingUnitName: supervisingUnit.name,
      responsibleUnitName: responsibleUnit.name,
      dueAt: deadline.dueAt,
      escalatedAt: deadline.escalatedAt,
      lastReportAt,
    })
    .from(supervision)
    .innerJoin(supervisingUnit, eq(supervisingUnit.id, supervision.supervisingUnitId))
    .innerJoin(responsibleUnit, eq(responsibleUnit.id, supervision.responsibleUnitId))
    .leftJoin(missingCase, eq(missingCase.id, supervision.caseId))
    .leftJoin(deadline, openDeadline)

type ViewRow = Awaited<ReturnType<ReturnType<typeof selectViews>['where']>>[number]

const iso = (d: Date | null) => (d === null ? null : d.toISOString())

async function toViews(db: Db, rows: ViewRow[], now: Date): Promise<SupervisionView[]> {
  const names = await divisionNames(
    db,
    rows.map((r) => r.s.divisionCode),
  )
  return rows.map(({ s, ...r }) => ({
    id: s.id,
    targetKind: s.targetKind,
    caseId: s.caseId,
    caseNo: r.caseNo,
    divisionCode: s.divisionCode,
    divisionName: names.get(s.divisionCode)!,
    level: s.level,
    supervisingUnitId: s.supervisingUnitId,
    supervisingUnitName: r.supervisingUnitName,
    responsibleUnitId: s.responsibleUnitId,
    responsibleUnitName: r.responsibleUnitName,
    warning: s.warning,
    reportCycleDays: s.reportCycleDays,
    status: s.status,
    listedBy: s.listedBy,
    listedAt: s.listedAt.toISOString(),
    liftedAt: iso(s.liftedAt),
    liftNote: s.liftNote,
    lastReportAt: iso(r.lastReportAt),
    nextReportDueAt: iso(r.dueAt),
    overdue: r.dueAt !== null && r.dueAt.getTime() <= now.getTime(),
    escalatedAt: iso(r.escalatedAt),
  }))
}

export async function getSupervisionView(db: Db, id: string, now: Date): Promise<SupervisionView> {
  const rows = await selectViews(db).where(eq(supervision.id, id))
  if (!rows.length) throw notFound('supervision.not_found', `supervision ${id} not found`)
  return (await toViews(db, rows, now))[0]
}

/** Listings the caller's jurisdiction covers: its own, those of units below, and those it listed. */
const readScope = (ctx: Ctx) =>
  jurisdictionFilter(ctx.actor, 'supervision.read', { divisionCode: supervision.divisionCode, owningUnitId: supervision.supervisingUnitId })

/** Supervised cases and areas with their next report due and whether it is overdue, most urgent first. */
export async function listSupervisions(ctx: Ctx, query: SupervisionListQuery): Promise<SupervisionPage> {
  const now = ctx.now()
  const where: SQL | undefined = and(
    readScope(ctx),
    query.status ? eq(supervision.status, query.status) : undefined,
    query.targetKind ? eq(supervision.targetKind, query.targetKind) : undefined,
    query.caseId ? eq(supervision.caseId, query.caseId) : undefined,
    query.overdue === undefined
      ? undefined
      : query.overdue
        ? lte(deadline.dueAt, now)
        : sql`(${deadline.dueAt} IS NULL OR ${deadline.dueAt} > ${now})`,
  )
  const page = query.page ?? 1
  const pageSize = query.pageSize ?? 50
  const [{ total }] = await ctx.db.select({ total: count() }).from(supervision).leftJoin(deadline, openDeadline).where(where)
  const rows = await selectViews(ctx.db)
    .where(where)
    .orderBy(sql`${deadline.dueAt} ASC NULLS LAST`, desc(supervision.listedAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
  return { items: await toViews(ctx.db, rows, now), total, page, pageSize }
}

/** One listing with its reports, oldest first, for a caller whose jurisdiction covers it. */
export async function getSupervision(ctx: Ctx, id: string): Promise<SupervisionDetail> {
  const view = await getSupervisionView(ctx.db, id, ctx.now())
  authorize(ctx.actor, 'supervision.read', {
    type: 'supervision',
    id,
    divisionCode: view.divisionCode,
    owningUnitId: view.supervisingUnitId,
  })
  const reports = await ctx.db
    .select()
    .from(supervisionReport)
    .where(eq(supervisionReport.supervisionId, id))
    .orderBy(asc(supervisionReport.at))
  return {
    ...view,
    reports: reports.map((r) => ({
      id: r.id,
      supervisionId: r.supervisionId,
      at: r.at.toISOString(),
      reportedBy: r.reportedBy,
      reportedByName: r.reportedByName,
      unitId: r.unitId,
      text: r.text,
    })),
  }
}
