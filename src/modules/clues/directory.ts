// Who a clue can go to and who can work it: the police units to address or re-route to, and a unit's people for a team.
import { and, asc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { actorUnit } from '../../platform/auth/actor.ts'
import { authorize } from '../../platform/auth/authorize.ts'
import { invalid } from '../../platform/errors.ts'
import { unitRef, userRef } from '../identity/index.ts'
import { loadUnit } from './routing.ts'
import type { ClueUnitView, TeamMemberView, TeamQuery } from './schema.ts'

/**
 * Every public-security unit, whatever the caller's jurisdiction: an assistance request goes to another
 * jurisdiction and a clue may be re-routed to any unit, so the sender must be able to name one. Names and
 * divisions of police units are no secret among officers; their cases and people stay behind their own checks.
 */
export async function listClueUnits(ctx: Ctx): Promise<ClueUnitView[]> {
  authorize(ctx.actor, 'clue.read')
  return ctx.db
    .select({ id: unitRef.id, name: unitRef.name, level: unitRef.level, divisionCode: unitRef.divisionCode, parentId: unitRef.parentId })
    .from(unitRef)
    .where(eq(unitRef.type, 'public_security'))
    .orderBy(asc(unitRef.divisionCode), asc(unitRef.createdAt))
}

/** The active users of a unit in the caller's jurisdiction (by default the caller's own): whom a clue's team is drawn from. */
export async function listTeamCandidates(ctx: Ctx, query: TeamQuery): Promise<TeamMemberView[]> {
  authorize(ctx.actor, 'clue.assign')
  const unitId = query.unitId ?? actorUnit(ctx.actor)?.id
  if (!unitId) throw invalid('clue.unit_required', 'say which unit', [{ path: '/unitId', message: 'required' }])
  const unit = await loadUnit(ctx.db, unitId)
  authorize(ctx.actor, 'clue.assign', { type: 'unit', id: unit.id, divisionCode: unit.divisionCode, owningUnitId: unit.id })
  return ctx.db
    .select({ id: userRef.id, displayName: userRef.displayName })
    .from(userRef)
    .where(and(eq(userRef.unitId, unit.id), eq(userRef.disabled, false)))
    .orderBy(asc(userRef.displayName), asc(userRef.id))
}
