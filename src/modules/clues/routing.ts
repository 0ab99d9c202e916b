// Where a clue goes: the unit whose jurisdiction holds its place, the unit owning its case, or the addressed unit.
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../platform/db/client.ts'
import { invalid, notFound } from '../../platform/errors.ts'
import { divisionRef, unitRef } from '../identity/index.ts'
import { caseRef } from '../cases/index.ts'
import type { RouteRule } from './schema.ts'

export interface RoutedUnit {
  id: string
  name: string
  divisionCode: string
  rule: RouteRule
}

/** The division itself, then its city and its province, then the whole country: most specific first. */
export function coveringDivisions(code: string): string[] {
  return [...new Set([code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`, '000000'])]
}

/**
 * The public-security unit closest above a place: the county bureau for a county, else the city's, else the
 * province's. Among several units at one division the oldest wins, so routing does not change from call to call.
 */
export async function unitForPlace(db: Db, divisionCode: string): Promise<RoutedUnit> {
  const covering = coveringDivisions(divisionCode)
  // One round trip: the division (no row: unknown) with every police unit covering it (none: nobody to route to).
  const rows = await db
    .select({ id: unitRef.id, name: unitRef.name, divisionCode: unitRef.divisionCode })
    .from(divisionRef)
    .leftJoin(unitRef, and(eq(unitRef.type, 'public_security'), inArray(unitRef.divisionCode, covering)))
    .where(eq(divisionRef.code, divisionCode))
    .orderBy(asc(unitRef.createdAt), asc(unitRef.id))
  if (rows.length === 0) {
    throw invalid('clue.unknown_division', `no division ${divisionCode}`, [{ path: '/place/divisionCode', message: 'unknown division' }])
  }
  for (const code of covering) {
    const unit = rows.find((u) => u.divisionCode === code)
    if (unit?.id && unit.name) return { id: unit.id, name: unit.name, divisionCode: code, rule: 'place' }
  }
  throw notFound('clue.no_unit', `no public-security unit covers division ${divisionCode}`)
}

/** The unit owning a case: a clue about a known case goes to those already working on it. */
export async function unitForCase(db: Db, caseId: string): Promise<RoutedUnit> {
  const [row] = await db
    .select({ id: unitRef.id, name: unitRef.name, divisionCode: unitRef.divisionCode })
    .from(caseRef)
    .innerJoin(unitRef, eq(unitRef.id, caseRef.unitId))
    .where(eq(caseRef.id, caseId))
  if (!row) throw invalid('clue.unknown_case', `no case ${caseId}`, [{ path: '/caseId', message: 'unknown case' }])
  return { ...row, rule: 'case' }
}

export async function loadUnit(db: Db, unitId: string, path = '/unitId') {
  const [row] = await db
    .select({ id: unitRef.id, name: unitRef.name, type: unitRef.type, divisionCode: unitRef.divisionCode, parentId: unitRef.parentId })
    .from(unitRef)
    .where(eq(unitRef.id, unitId))
  if (!row) throw invalid('clue.unknown_unit', `no unit ${unitId}`, [{ path, message: 'unknown unit' }])
  return row
}
