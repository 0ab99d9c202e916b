import { asc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { authorize, isWithinDivision, jurisdictionFilter } from '../../platform/auth/authorize.ts'
import { invalid, notFound } from '../../platform/errors.ts'
import { division, unit } from './tables.ts'
import type { UnitCreate, UnitLevel, UnitView } from './schema.ts'

type UnitRow = typeof unit.$inferSelect

const DIVISION_LEVEL_OF: Record<UnitLevel, string> = {
  national: 'country',
  province: 'province',
  city: 'city',
  county: 'county',
}

export function toUnitView(row: UnitRow, divisionName: string): UnitView {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    level: row.level,
    divisionCode: row.divisionCode,
    divisionName,
    parentId: row.parentId,
    phone: row.phone,
    createdAt: row.createdAt.toISOString(),
  }
}

/** Reads one unit the caller may see (its jurisdiction); others are "not found". */
export async function getUnitForRead(ctx: Ctx, id: string, action = 'unit.read'): Promise<UnitView> {
  const [row] = await ctx.db
    .select({ u: unit, divisionName: division.name })
    .from(unit)
    .innerJoin(division, eq(division.code, unit.divisionCode))
    .where(eq(unit.id, id))
  if (!row) throw notFound('unit.not_found', `unit ${id} not found`)
  authorize(ctx.actor, action, { type: 'unit', id, divisionCode: row.u.divisionCode, owningUnitId: row.u.id })
  return toUnitView(row.u, row.divisionName)
}

/** Units in the caller's jurisdiction, parents before children. */
export async function listUnits(ctx: Ctx): Promise<UnitView[]> {
  const scope = jurisdictionFilter(ctx.actor, 'unit.read', { divisionCode: unit.divisionCode, owningUnitId: unit.id })
  const rows = await ctx.db
    .select({ u: unit, divisionName: division.name })
    .from(unit)
    .innerJoin(division, eq(division.code, unit.divisionCode))
    .where(scope)
    .orderBy(asc(unit.divisionCode), asc(unit.level), asc(unit.name))
  return rows.map((r) => toUnitView(r.u, r.divisionName))
}

/**
 * Creates a unit inside the caller's jurisdiction. Its division must match its level and lie
 * within its parent's division, so that jurisdiction by division and the unit tree agree.
 */
export async function createUnit(ctx: Ctx, input: UnitCreate): Promise<UnitView> {
  authorize(ctx.actor, 'unit.manage', { type: 'unit', divisionCode: input.divisionCode })
  const [div] = await ctx.db.select().from(division).where(eq(division.code, input.divisionCode))
  if (!div)
    throw invalid('unit.unknown_division', `no division ${input.divisionCode}`, [
      { path: '/divisionCode', message: 'unknown division code' },
    ])
  if (div.level !== DIVISION_LEVEL_OF[input.level]) {
    throw invalid(
      'unit.level_mismatch',
      `a ${input.level}-level unit needs a ${DIVISION_LEVEL_OF[input.level]} division, ${div.code} is a ${div.level}`,
      [{ path: '/level', message: 'does not match the division' }],
    )
  }
  if (input.parentId) {
    const parent = await getUnitForRead(ctx, input.parentId)
    if (!isWithinDivision(parent.divisionCode, input.divisionCode)) {
      throw invalid('unit.outside_parent', `division ${input.divisionCode} is outside the parent's division ${parent.divisionCode}`, [
        { path: '/parentId', message: 'parent unit does not cover this division' },
      ])
    }
  } else if (input.level !== 'national') {
    throw invalid('unit.parent_required', 'only a national unit may have no parent', [{ path: '/parentId', message: 'required' }])
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(unit)
      .values({ ...input, phone: input.phone ?? null, createdAt: ctx.now() })
      .returning()
    await ctx.audit(
      { action: 'unit.create', resource: { type: 'unit', id: row.id }, details: { name: row.name, divisionCode: row.divisionCode } },
      tx,
    )
    return toUnitView(row, div.name)
  })
}
