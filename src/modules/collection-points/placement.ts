// Where a point may be and who may own it: the rules shared by the console's form and the file import.
import { eq, inArray, sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { actorUnit } from '../../platform/auth/actor.ts'
import { isWithinDivision } from '../../platform/auth/authorize.ts'
import { invalid } from '../../platform/errors.ts'
import { divisionRef, getUnitForRead, unitRef } from '../identity/index.ts'
import type { UnitView } from '../identity/schema.ts'
import type { ImportReason } from './schema.ts'

export const MANAGE = 'collection_point.manage'

/** Owning unit of new points: the caller's own unless named; a police unit the caller may manage. */
export async function resolveOwningUnit(ctx: Ctx, unitId: string | undefined): Promise<UnitView> {
  const id = unitId ?? actorUnit(ctx.actor)?.id
  if (!id) throw invalid('collection_point.unit_required', 'name the owning unit', [{ path: '/unitId', message: 'required' }])
  const owner = await getUnitForRead(ctx, id, MANAGE)
  if (owner.type !== 'public_security') {
    throw invalid('collection_point.unit_not_police', `unit ${owner.name} is not a public-security unit`, [
      { path: '/unitId', message: 'collection points are run by public-security units' },
    ])
  }
  return owner
}

/** The division of the unit that owns a point, read without authorising (the point was authorised). */
export async function ownerDivision(db: Db, unitId: string): Promise<string> {
  const [row] = await db.select({ divisionCode: unitRef.divisionCode }).from(unitRef).where(eq(unitRef.id, unitId))
  return row?.divisionCode ?? '000000'
}

export interface DivisionInfo {
  name: string
  /** A county, or a city without counties (东莞市): the most specific division there is. */
  isLeaf: boolean
}

export async function lookUpDivisions(db: Db, codes: readonly string[]): Promise<Map<string, DivisionInfo>> {
  if (codes.length === 0) return new Map()
  const rows = await db
    .select({
      code: divisionRef.code,
      name: divisionRef.name,
      level: divisionRef.level,
      hasChildren: sql<boolean>`exists (select 1 from division c where c.parent_code = division.code)`,
    })
    .from(divisionRef)
    .where(inArray(divisionRef.code, [...new Set(codes)]))
  return new Map(rows.map((r) => [r.code, { name: r.name, isLeaf: r.level !== 'country' && r.level !== 'province' && !r.hasChildren }]))
}

export interface PlacementProblem {
  reason: Extract<ImportReason, 'unknown_division' | 'division_not_leaf' | 'division_outside_unit'>
  message: string
}

/** Why a point cannot lie in `code` for a unit covering `unitDivision`, or null when it can. */
export function placementProblem(divisions: Map<string, DivisionInfo>, code: string, unitDivision: string): PlacementProblem | null {
  const info = divisions.get(code)
  if (!info) return { reason: 'unknown_division', message: `no division ${code}` }
  if (!info.isLeaf) return { reason: 'division_not_leaf', message: `${code} ${info.name} has counties: give the county` }
  if (!isWithinDivision(unitDivision, code)) {
    return { reason: 'division_outside_unit', message: `${code} ${info.name} is outside the owning unit's division ${unitDivision}` }
  }
  return null
}

/** Throws the placement problem as a field error of a form (`/divisionCode`). */
export async function assertPlacement(db: Db, code: string, unitDivision: string): Promise<DivisionInfo> {
  const divisions = await lookUpDivisions(db, [code])
  const problem = placementProblem(divisions, code, unitDivision)
  if (problem) {
    throw invalid(`collection_point.${problem.reason}`, problem.message, [
      { path: '/divisionCode', message: problem.message, code: problem.reason },
    ])
  }
  return divisions.get(code)!
}

/** Names compare as people read them: trimmed, with runs of spaces (full-width too) as one. */
export const normaliseText = (text: string): string => text.trim().replace(/\s+/g, ' ')
