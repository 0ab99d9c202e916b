import { and, asc, count, desc, eq, ilike, inArray, lte, or, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { unitRef } from '../identity/index.ts'
import { caseReadFilter } from './access.ts'
import { UNSOLVED } from './lifecycle.ts'
import { missingCase } from './tables.ts'
import { toCaseSummary } from './views.ts'
import type { CaseListQuery, CasePage, ColdCasePage, ColdCaseQuery } from './schema.ts'

/** `%` and `_` typed by a user match themselves. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

async function pageOf(ctx: Ctx, where: SQL | undefined, order: SQL[], page: number, pageSize: number) {
  const [{ total }] = await ctx.db.select({ total: count() }).from(missingCase).where(where)
  const rows = await ctx.db
    .select({ c: missingCase, unitName: unitRef.name })
    .from(missingCase)
    .innerJoin(unitRef, eq(unitRef.id, missingCase.unitId))
    .where(where)
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
  const now = ctx.now()
  return { items: rows.map((r) => toCaseSummary(r.c, r.unitName, now)), total, page, pageSize }
}

/** Cases the caller may see, newest report first, filtered in SQL. */
export async function listCases(ctx: Ctx, query: CaseListQuery): Promise<CasePage> {
  const q = query.q?.trim()
  const search = q
    ? /^MC-/i.test(q)
      ? ilike(missingCase.caseNo, `${literal(q)}%`)
      : or(eq(missingCase.caseNo, q), ilike(missingCase.childName, `%${literal(q)}%`))
    : undefined
  const where = and(
    caseReadFilter(ctx.actor),
    query.status?.length ? inArray(missingCase.status, query.status) : undefined,
    query.unitId ? eq(missingCase.unitId, query.unitId) : undefined,
    query.suspected === undefined ? undefined : eq(missingCase.suspectedTrafficking, query.suspected),
    search,
  )
  return pageOf(ctx, where, [desc(missingCase.reportedAt), asc(missingCase.id)], query.page ?? 1, query.pageSize ?? 50)
}

/** The date `years` calendar years before `now`, to the millisecond. */
function yearsBefore(now: Date, years: number): Date {
  const d = new Date(now)
  d.setUTCFullYear(d.getUTCFullYear() - years)
  return d
}

/**
 * 积案: unsolved cases reported at least `olderThanYears` ago, in the caller's jurisdiction, oldest
 * first, each with the date of its last action so that a campaign sees which have lain untouched.
 */
export async function listColdCases(ctx: Ctx, query: ColdCaseQuery & { olderThanYears: number }): Promise<ColdCasePage> {
  const where = and(
    caseReadFilter(ctx.actor),
    inArray(missingCase.status, [...UNSOLVED]),
    lte(missingCase.reportedAt, yearsBefore(ctx.now(), query.olderThanYears)),
    query.unitId ? eq(missingCase.unitId, query.unitId) : undefined,
  )
  return pageOf(ctx, where, [asc(missingCase.reportedAt), asc(missingCase.id)], query.page ?? 1, query.pageSize ?? 50)
}
