import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { actorUnit } from '../../platform/auth/actor.ts'
import { invalid, notFound } from '../../platform/errors.ts'
import { unitRef } from '../identity/index.ts'

export type UnitRow = typeof unitRef.$inferSelect

export async function unitById(db: Db, id: string): Promise<UnitRow | null> {
  const [row] = await db.select().from(unitRef).where(eq(unitRef.id, id))
  return row ?? null
}

/**
 * The unit in whose name the caller acts (lists for supervision, issues a notice): a user or API key
 * acts for its own unit only; the system (seeder, CLI) must name one.
 */
export async function actingUnit(ctx: Ctx, given: string | undefined, path: string): Promise<UnitRow> {
  const own = actorUnit(ctx.actor)
  if (own && given && given !== own.id) {
    throw invalid('case.unit_not_own', 'you act for your own unit only', [{ path, message: 'not your unit' }])
  }
  const id = own?.id ?? given
  if (!id) throw invalid('case.unit_required', 'name the acting unit', [{ path, message: 'required' }])
  const unit = await unitById(ctx.db, id)
  if (!unit) throw notFound('unit.not_found', `unit ${id} not found`)
  return unit
}
