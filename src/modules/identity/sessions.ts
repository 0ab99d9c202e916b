import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import type { Actor } from '../../platform/auth/actor.ts'
import { permissionsOfRoles } from '../../platform/auth/permissions.ts'
import { DomainError, locked, notFound, unauthenticated } from '../../platform/errors.ts'
import { appUser, session, unit } from './tables.ts'
import { dummyPasswordHash, verifyPassword } from './passwords.ts'
import { acceptTotp } from './totp.ts'
import { insertSession, revokeAllSessions, sha256 } from './session-store.ts'
import type { LoginRequest, MeView, SessionView } from './schema.ts'

export interface LoginPolicy {
  maxFailures: number
  lockMinutes: number
  sessionTtlHours: number
}

export interface LoginOutcome {
  token: string
  sessionId: string
  user: MeView
}

type UserWithUnit = { u: typeof appUser.$inferSelect; unit: typeof unit.$inferSelect }

async function findUser(db: Db, where: ReturnType<typeof eq>): Promise<UserWithUnit | undefined> {
  const [row] = await db.select({ u: appUser, unit }).from(appUser).innerJoin(unit, eq(unit.id, appUser.unitId)).where(where)
  return row
}

export function toMeView({ u, unit: home }: UserWithUnit): MeView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    permissions: permissionsOfRoles(u.roles),
    totpEnabled: u.totpEnabled,
    unit: { id: home.id, name: home.name, type: home.type, level: home.level, divisionCode: home.divisionCode },
  }
}

const invalidCredentials = () => unauthenticated('auth.invalid_credentials', 'user name or password is wrong')

/**
 * Signs a user in with password (and TOTP when enabled). Every attempt is audited; repeated
 * failures, including wrong TOTP codes, lock the account for a while.
 */
export async function login(ctx: Ctx, input: LoginRequest, policy: LoginPolicy, userAgent: string | null): Promise<LoginOutcome> {
  const now = ctx.now()
  const found = await findUser(ctx.db, eq(appUser.username, input.username))
  const fail = async (reason: string, error: DomainError) => {
    await ctx.audit({
      action: 'auth.login',
      resource: found ? { type: 'user', id: found.u.id } : undefined,
      unitId: found?.u.unitId ?? null,
      outcome: 'failure',
      details: { username: input.username, reason },
    })
    throw error
  }
  if (!found) {
    await verifyPassword(await dummyPasswordHash(), input.password)
    return fail('unknown_user', invalidCredentials())
  }
  const { u } = found
  if (u.lockedUntil && u.lockedUntil > now) {
    return fail('locked', locked('auth.locked', `account locked until ${u.lockedUntil.toISOString()} after repeated failures`))
  }
  if (!(await verifyPassword(u.passwordHash, input.password))) {
    return fail('wrong_password', await countFailure(ctx.db, u, now, policy, invalidCredentials()))
  }
  if (u.disabled) return fail('disabled', unauthenticated('auth.disabled', 'this account is disabled'))
  let totpStep: number | null = u.totpLastStep
  if (u.totpEnabled) {
    if (!input.totpCode) return fail('totp_missing', unauthenticated('auth.totp_required', 'enter the code from your authenticator app'))
    totpStep = acceptTotp(u.totpSecret!, input.totpCode, now, u.totpLastStep)
    if (totpStep === null) {
      return fail(
        'wrong_totp',
        await countFailure(ctx.db, u, now, policy, unauthenticated('auth.totp_invalid', 'the code is wrong or already used')),
      )
    }
  }
  return ctx.db.transaction(async (tx) => {
    await tx.update(appUser).set({ failedLogins: 0, lockedUntil: null, totpLastStep: totpStep }).where(eq(appUser.id, u.id))
    const created = await insertSession(tx, { userId: u.id, now, ttlHours: policy.sessionTtlHours, ip: ctx.ip, userAgent })
    const me = toMeView(found)
    const actor: Actor = { kind: 'user', id: u.id, name: u.username, unit: me.unit, roles: u.roles, sessionId: created.id }
    await ctx.as(actor).audit({ action: 'auth.login', resource: { type: 'user', id: u.id }, details: { session: created.id } }, tx)
    return { token: created.token, sessionId: created.id, user: me }
  })
}

async function countFailure(
  db: Db,
  u: typeof appUser.$inferSelect,
  now: Date,
  policy: LoginPolicy,
  error: DomainError,
): Promise<DomainError> {
  const failures = u.failedLogins + 1
  const lockNow = failures >= policy.maxFailures
  await db
    .update(appUser)
    .set(lockNow ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) } : { failedLogins: failures })
    .where(eq(appUser.id, u.id))
  return lockNow ? locked('auth.locked', `too many failures: account locked for ${policy.lockMinutes} minutes`) : error
}

/** The actor behind a session cookie, or null when the session is unknown, expired, revoked or its user disabled. */
export async function authenticateSession(db: Db, token: string, now: Date): Promise<Actor | null> {
  const [row] = await db
    .select({ s: session, u: appUser, unit })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .innerJoin(unit, eq(unit.id, appUser.unitId))
    .where(and(eq(session.tokenHash, sha256(token)), isNull(session.revokedAt), gt(session.expiresAt, now)))
  if (!row || row.u.disabled) return null
  // Touch at most once a minute: a write per request would serialise PGlite for nothing.
  if (now.getTime() - row.s.lastSeenAt.getTime() > 60_000) {
    await db.update(session).set({ lastSeenAt: now }).where(eq(session.tokenHash, row.s.tokenHash))
  }
  const me = toMeView({ u: row.u, unit: row.unit })
  return { kind: 'user', id: row.u.id, name: row.u.username, unit: me.unit, roles: row.u.roles, sessionId: row.s.id }
}

function requireUser(ctx: Ctx) {
  if (ctx.actor.kind !== 'user') throw unauthenticated('auth.unauthenticated', 'sign in as a user first')
  return ctx.actor
}

export async function getMe(ctx: Ctx): Promise<MeView> {
  const actor = requireUser(ctx)
  const found = await findUser(ctx.db, eq(appUser.id, actor.id))
  if (!found) throw unauthenticated('auth.unauthenticated', 'sign in first')
  return toMeView(found)
}

export async function logout(ctx: Ctx): Promise<void> {
  const actor = requireUser(ctx)
  if (!actor.sessionId) return
  await ctx.db.transaction(async (tx) => {
    await tx.update(session).set({ revokedAt: ctx.now() }).where(eq(session.id, actor.sessionId!))
    await ctx.audit({ action: 'auth.logout', resource: { type: 'session', id: actor.sessionId } }, tx)
  })
}

/** The caller's own live sessions. */
export async function listSessions(ctx: Ctx): Promise<SessionView[]> {
  const actor = requireUser(ctx)
  const rows = await ctx.db
    .select()
    .from(session)
    .where(and(eq(session.userId, actor.id), isNull(session.revokedAt), gt(session.expiresAt, ctx.now())))
    .orderBy(session.createdAt)
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === actor.sessionId,
  }))
}

export async function revokeSession(ctx: Ctx, sessionId: string): Promise<void> {
  const actor = requireUser(ctx)
  await ctx.db.transaction(async (tx) => {
    const revoked = await tx
      .update(session)
      .set({ revokedAt: ctx.now() })
      .where(and(eq(session.id, sessionId), eq(session.userId, actor.id), isNull(session.revokedAt)))
      .returning({ id: session.id })
    if (!revoked.length) throw notFound('session.not_found', `session ${sessionId} not found`)
    await ctx.audit({ action: 'auth.session.revoke', resource: { type: 'session', id: sessionId } }, tx)
  })
}

export { revokeAllSessions, requireUser }
