import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { SESSION_COOKIE } from '../../platform/http/auth-plugin.ts'
import { login, logout, getMe, listSessions, revokeSession } from './sessions.ts'
import { changePassword, disableTotp, enableTotp, setupTotp } from './account.ts'
import {
  CsrfView,
  LoginRequest,
  LoginResult,
  MeView,
  PasswordChange,
  SessionIdParams,
  SessionView,
  TotpCode,
  TotpDisable,
  TotpSetupView,
} from './schema.ts'

const tags = ['auth']

/** Sign-in, sessions and the caller's own account. */
export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config } = app.platform
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: config.secureCookies }

  app.get('/api/auth/csrf', { schema: { tags, operationId: 'getCsrfToken', response: { 200: CsrfView } } }, async (_req, reply) => ({
    csrfToken: reply.generateCsrf(),
  }))

  app.post(
    '/api/auth/login',
    { schema: { tags, operationId: 'login', body: LoginRequest, response: { 200: LoginResult } } },
    async (req, reply) => {
      const outcome = await login(
        req.ctx,
        req.body,
        { maxFailures: config.lockout.maxFailures, lockMinutes: config.lockout.minutes, sessionTtlHours: config.sessionTtlHours },
        req.headers['user-agent'] ?? null,
      )
      reply.setCookie(SESSION_COOKIE, outcome.token, { ...cookieOptions, maxAge: config.sessionTtlHours * 3600 })
      return { user: outcome.user, csrfToken: reply.generateCsrf() }
    },
  )

  app.post('/api/auth/logout', { schema: { tags, operationId: 'logout' }, preHandler: app.requireUser }, async (req, reply) => {
    await logout(req.ctx)
    reply.clearCookie(SESSION_COOKIE, cookieOptions)
    return reply.code(204).send()
  })

  app.get('/api/auth/me', { schema: { tags, operationId: 'getMe', response: { 200: MeView } }, preHandler: app.requireUser }, async (req) =>
    getMe(req.ctx),
  )

  app.get(
    '/api/auth/sessions',
    { schema: { tags, operationId: 'listSessions', response: { 200: Type.Array(SessionView) } }, preHandler: app.requireUser },
    async (req) => listSessions(req.ctx),
  )

  app.delete(
    '/api/auth/sessions/:id',
    { schema: { tags, operationId: 'revokeSession', params: SessionIdParams }, preHandler: app.requireUser },
    async (req, reply) => {
      await revokeSession(req.ctx, req.params.id)
      return reply.code(204).send()
    },
  )

  app.post(
    '/api/auth/password',
    { schema: { tags, operationId: 'changePassword', body: PasswordChange }, preHandler: app.requireUser },
    async (req, reply) => {
      await changePassword(req.ctx, req.body)
      return reply.code(204).send()
    },
  )

  app.post(
    '/api/auth/totp/setup',
    { schema: { tags, operationId: 'setupTotp', response: { 200: TotpSetupView } }, preHandler: app.requireUser },
    async (req) => setupTotp(req.ctx),
  )

  app.post(
    '/api/auth/totp/enable',
    { schema: { tags, operationId: 'enableTotp', body: TotpCode }, preHandler: app.requireUser },
    async (req, reply) => {
      await enableTotp(req.ctx, req.body.code)
      return reply.code(204).send()
    },
  )

  app.post(
    '/api/auth/totp/disable',
    { schema: { tags, operationId: 'disableTotp', body: TotpDisable }, preHandler: app.requireUser },
    async (req, reply) => {
      await disableTotp(req.ctx, req.body.password)
      return reply.code(204).send()
    },
  )
}
