import { and, asc, eq, ilike, or } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { authorize, jurisdictionFilter } from '../../platform/auth/authorize.ts'
import { conflict, invalid, notFound } from '../../platform/errors.ts'
import { appUser, unit } from './tables.ts'
import { getUnitForRead } from './units.ts'
import { checkPasswordPolicy, hashPassword } from './passwords.ts'
import { revokeAllSessions } from './session-store.ts'
import type { Role, UnitType, UserCreate, UserListQuery, UserUpdate, UserView } from './schema.ts'

type UserRow = typeof appUser.$inferSelect

/** Police roles exist only in public-security units; DNA in particular stays with the police. */
const POLICE_ROLES: readonly Role[] = ['investigator', 'command', 'dna_analyst']

function checkRolesFitUnit(roles: readonly Role[], unitType: UnitType): void {
  const misplaced = roles.filter((r) => POLICE_ROLES.includes(r))
  if (unitType !== 'public_security' && misplaced.length) {
    throw invalid('user.role_needs_police_unit', `roles ${misplaced.join(', ')} are only for public-security units`, [
      { path: '/roles', message: 'only for public-security units' },
    ])
  }
}

export function toUserView(row: UserRow, unitName: string): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    unitId: row.unitId,
    unitName,
    roles: row.roles,
    disabled: row.disabled,
    totpEnabled: row.totpEnabled,
    lockedUntil: row.lockedUntil ? row.lockedUntil.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  }
}

/** Creates a user in a unit the caller administers. */
export async function createUser(ctx: Ctx, input: UserCreate): Promise<UserView> {
  const home = await getUnitForRead(ctx, input.unitId, 'user.manage')
  checkRolesFitUnit(input.roles, home.type)
  checkPasswordPolicy(input.password, input.username)
  const passwordHash = await hashPassword(input.password)
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(appUser)
      .values({
        username: input.username,
        displayName: input.displayName,
        unitId: input.unitId,
        roles: input.roles,
        passwordHash,
        passwordChangedAt: ctx.now(),
        createdAt: ctx.now(),
      })
      .onConflictDoNothing({ target: appUser.username })
      .returning()
    if (!row) throw conflict('user.username_taken', `user name ${input.username} is taken`)
    await ctx.audit(
      { action: 'user.create', resource: { type: 'user', id: row.id }, details: { username: row.username, roles: row.roles } },
      tx,
    )
    return toUserView(row, home.name)
  })
}

/** Users of units in the caller's jurisdiction. */
export async function listUsers(ctx: Ctx, query: UserListQuery): Promise<UserView[]> {
  const scope = jurisdictionFilter(ctx.actor, 'user.manage', { divisionCode: unit.divisionCode, owningUnitId: unit.id })
  const rows = await ctx.db
    .select({ u: appUser, unitName: unit.name })
    .from(appUser)
    .innerJoin(unit, eq(unit.id, appUser.unitId))
    .where(
      and(
        scope,
        query.unitId ? eq(appUser.unitId, query.unitId) : undefined,
        query.q ? or(ilike(appUser.username, `%${query.q}%`), ilike(appUser.displayName, `%${query.q}%`)) : undefined,
      ),
    )
    .orderBy(asc(unit.divisionCode), asc(appUser.username))
    .limit(1000)
  return rows.map((r) => toUserView(r.u, r.unitName))
}

async function getUserForManage(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({ u: appUser, unitType: unit.type, unitName: unit.name, divisionCode: unit.divisionCode })
    .from(appUser)
    .innerJoin(unit, eq(unit.id, appUser.unitId))
    .where(eq(appUser.id, id))
  if (!row) throw notFound('user.not_found', `user ${id} not found`)
  authorize(ctx.actor, 'user.manage', { type: 'user', id, divisionCode: row.divisionCode, owningUnitId: row.u.unitId })
  return row
}

/** Changes display name, roles or the disabled flag; disabling also ends the user's sessions. */
export async function updateUser(ctx: Ctx, id: string, patch: UserUpdate): Promise<UserView> {
  const current = await getUserForManage(ctx, id)
  if (patch.roles) checkRolesFitUnit(patch.roles, current.unitType)
  if (ctx.actor.kind === 'user' && ctx.actor.id === id && (patch.disabled || (patch.roles && !patch.roles.includes('admin')))) {
    throw conflict('user.self_lockout', 'you cannot disable yourself or drop your own admin role')
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(appUser).set(patch).where(eq(appUser.id, id)).returning()
    if (patch.disabled) {
      await revokeAllSessions(tx, id, ctx.now())
    }
    await ctx.audit({ action: 'user.update', resource: { type: 'user', id }, details: { ...patch } }, tx)
    return toUserView(row, current.unitName)
  })
}

/** Lifts a lock-out before it expires. */
export async function unlockUser(ctx: Ctx, id: string): Promise<UserView> {
  const current = await getUserForManage(ctx, id)
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(appUser).set({ lockedUntil: null, failedLogins: 0 }).where(eq(appUser.id, id)).returning()
    await ctx.audit({ action: 'user.unlock', resource: { type: 'user', id } }, tx)
    return toUserView(row, current.unitName)
  })
}
