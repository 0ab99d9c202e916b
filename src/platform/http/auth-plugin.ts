import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { Db } from '../db/client.ts'
import { anonymous, type Actor } from '../auth/actor.ts'
import { hasPermission } from '../auth/authorize.ts'
import { createCtx, type Ctx, type Platform } from '../context.ts'
import { forbidden, unauthenticated } from '../errors.ts'

export const SESSION_COOKIE = 'ty_session'

export interface Authenticators {
  session(db: Db, token: string, now: Date): Promise<Actor | null>
  apiKey(db: Db, presented: string, now: Date): Promise<Actor | null>
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx
  }
  interface FastifyInstance {
    platform: Platform
    /** preHandler: the caller must hold `action` (role or API-key scope); jurisdiction is the service's job. */
    requirePermission(action: string): preHandlerAsyncHookHandler
    /** preHandler: the caller must hold one of `actions`; the service decides the rest (e.g. who sent a clue). */
    requireAnyPermission(actions: readonly string[]): preHandlerAsyncHookHandler
    /** preHandler: a signed-in user (not an API key) must be calling. */
    requireUser: preHandlerAsyncHookHandler
  }
  interface FastifyContextConfig {
    /** Set false on public endpoints that take no ambient credentials. */
    csrf?: boolean
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

async function resolveActor(request: FastifyRequest, platform: Platform, auth: Authenticators): Promise<Actor> {
  const now = platform.clock.now()
  const header = request.headers.authorization
  if (header?.startsWith('Bearer ')) {
    const actor = await auth.apiKey(platform.db, header.slice(7).trim(), now)
    if (!actor) throw unauthenticated('auth.invalid_api_key', 'the API key is unknown, revoked or expired')
    return actor
  }
  const token = request.cookies[SESSION_COOKIE]
  if (token) return (await auth.session(platform.db, token, now)) ?? anonymous
  return anonymous
}

/** Builds `request.ctx` for every request and enforces CSRF on cookie-authenticated writes. */
export const authPlugin = fp<{ platform: Platform; authenticators: Authenticators }>(async (app, { platform, authenticators }) => {
  app.decorateRequest('ctx', null as unknown as Ctx)
  app.addHook('onRequest', async (request, reply) => {
    request.ctx = createCtx(platform, { actor: anonymous, requestId: String(request.id), ip: request.ip })
    if (!request.url.startsWith('/api/')) return
    const actor = await resolveActor(request, platform, authenticators)
    request.ctx = createCtx(platform, { actor, requestId: String(request.id), ip: request.ip })
    const usesCookies = actor.kind !== 'api_key'
    if (UNSAFE.has(request.method) && usesCookies && request.routeOptions.config?.csrf !== false) {
      await new Promise<void>((resolve, reject) => {
        app.csrfProtection(request, reply, (error?: Error) => (error ? reject(error) : resolve()))
      })
    }
  })

  const requireAnyPermission = (actions: readonly string[]): preHandlerAsyncHookHandler => {
    return async (request: FastifyRequest, _reply: FastifyReply) => {
      const { actor } = request.ctx
      if (actor.kind === 'anonymous') throw unauthenticated('auth.unauthenticated', 'sign in first')
      if (!actions.some((action) => hasPermission(actor, action))) {
        const action = actions.join('|')
        await request.ctx.audit({ action, outcome: 'denied', details: { method: request.method, url: request.url.split('?')[0] } })
        throw forbidden('auth.forbidden', `not allowed to ${actions.join(' or ')}`)
      }
    }
  }
  app.decorate('requireAnyPermission', requireAnyPermission)
  app.decorate('requirePermission', (action: string) => requireAnyPermission([action]))

  app.decorate('requireUser', async (request: FastifyRequest) => {
    if (request.ctx.actor.kind !== 'user') throw unauthenticated('auth.unauthenticated', 'sign in first')
  })
})
