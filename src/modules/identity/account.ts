import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { conflict, invalid, unauthenticated } from '../../platform/errors.ts'
import { appUser } from './tables.ts'
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.ts'
import { revokeAllSessions } from './session-store.ts'
import { requireUser } from './sessions.ts'
import { acceptTotp, newTotpSecret, totpUri } from './totp.ts'
import type { PasswordChange, TotpSetupView } from './schema.ts'

async function loadSelf(ctx: Ctx) {
  const actor = requireUser(ctx)
  const [row] = await ctx.db.select().from(appUser).where(eq(appUser.id, actor.id))
  if (!row) throw unauthenticated('auth.unauthenticated', 'sign in first')
  return { actor, row }
}

/** Changes the caller's password; the caller's other sessions end. */
export async function changePassword(ctx: Ctx, input: PasswordChange): Promise<void> {
  const { actor, row } = await loadSelf(ctx)
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    await ctx.audit({ action: 'auth.password.change', resource: { type: 'user', id: row.id }, outcome: 'failure' })
    throw invalid('auth.wrong_password', 'the current password is wrong', [{ path: '/currentPassword', message: 'wrong password' }])
  }
  checkPasswordPolicy(input.newPassword, row.username, '/newPassword')
  if (input.newPassword === input.currentPassword) {
    throw invalid('auth.password_unchanged', 'the new password must differ from the current one', [
      { path: '/newPassword', message: 'unchanged' },
    ])
  }
  const passwordHash = await hashPassword(input.newPassword)
  await ctx.db.transaction(async (tx) => {
    await tx.update(appUser).set({ passwordHash, passwordChangedAt: ctx.now() }).where(eq(appUser.id, row.id))
    await revokeAllSessions(tx, row.id, ctx.now(), actor.sessionId ?? undefined)
    await ctx.audit({ action: 'auth.password.change', resource: { type: 'user', id: row.id } }, tx)
  })
}

/** Starts TOTP enrolment: a new secret, stored but not enforced until a code confirms it. */
export async function setupTotp(ctx: Ctx): Promise<TotpSetupView> {
  const { row } = await loadSelf(ctx)
  if (row.totpEnabled) throw conflict('auth.totp_already_enabled', 'two-factor sign-in is already on; turn it off first')
  const secret = newTotpSecret()
  await ctx.db.transaction(async (tx) => {
    await tx.update(appUser).set({ totpSecret: secret, totpLastStep: null }).where(eq(appUser.id, row.id))
    await ctx.audit({ action: 'auth.totp.setup', resource: { type: 'user', id: row.id } }, tx)
  })
  return { secret, otpauthUri: totpUri(secret, row.username) }
}

export async function enableTotp(ctx: Ctx, code: string): Promise<void> {
  const { row } = await loadSelf(ctx)
  if (row.totpEnabled) throw conflict('auth.totp_already_enabled', 'two-factor sign-in is already on')
  if (!row.totpSecret) throw conflict('auth.totp_not_set_up', 'set up two-factor sign-in first')
  const step = acceptTotp(row.totpSecret, code, ctx.now(), null)
  if (step === null) throw invalid('auth.totp_invalid', 'the code is wrong', [{ path: '/code', message: 'wrong code' }])
  await ctx.db.transaction(async (tx) => {
    await tx.update(appUser).set({ totpEnabled: true, totpLastStep: step }).where(eq(appUser.id, row.id))
    await ctx.audit({ action: 'auth.totp.enable', resource: { type: 'user', id: row.id } }, tx)
  })
}

export async function disableTotp(ctx: Ctx, password: string): Promise<void> {
  const { row } = await loadSelf(ctx)
  if (!(await verifyPassword(row.passwordHash, password))) {
    throw invalid('auth.wrong_password', 'the password is wrong', [{ path: '/password', message: 'wrong password' }])
  }
  await ctx.db.transaction(async (tx) => {
    await tx.update(appUser).set({ totpEnabled: false, totpSecret: null, totpLastStep: null }).where(eq(appUser.id, row.id))
    await ctx.audit({ action: 'auth.totp.disable', resource: { type: 'user', id: row.id } }, tx)
  })
}
