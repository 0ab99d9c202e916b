import type { Ctx } from '../../platform/context.ts'
import { dnaProfile } from './tables.ts'
import type { UnitView } from '../identity/schema.ts'

/** Stores a profile directly, for tests of reading and searching (imports have their own tests). */
export async function makeProfile(
  ctx: Ctx,
  unit: UnitView,
  genotypes: Record<string, string[]>,
  sampleCode = `S-${Math.random().toString(36).slice(2, 10)}`,
) {
  const [row] = await ctx.db
    .insert(dnaProfile)
    .values({
      sampleCode,
      category: 'unknown_origin_child',
      index: 'anti_trafficking',
      genotypes,
      locusCount: Object.keys(genotypes).length,
      resampleNeeded: Object.keys(genotypes).length < 15,
      flags: { triAllelic: [], offLadder: [] },
      unitId: unit.id,
      divisionCode: unit.divisionCode,
      createdAt: ctx.now(),
    })
    .returning()
  return row
}
