import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import helmet from '@fastify/helmet'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fastifyStatic from '@fastify/static'
import type { Platform } from '../context.ts'
import { authPlugin, type Authenticators } from './auth-plugin.ts'
import { abusePlugin } from './abuse/index.ts'
import { sendNotFound, sendProblem } from './problem.ts'
import { validatorCompiler } from './validation.ts'

export interface AppOptions {
  platform: Platform
  authenticators: Authenticators
  /** Route plugins of the modules, registered in order. */
  routes: FastifyPluginAsync[]
  /** Serve the built console from this folder, when it exists. */
  webDist?: string
  bodyLimit?: number
}

export type App = FastifyInstance

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/

/** The HTTP server: every module gets problem+json, validation, security headers, auth and docs from here. */
export async function buildApp(options: AppOptions): Promise<App> {
  const { platform } = options
  const app = Fastify({
    loggerInstance: platform.log as FastifyBaseLogger,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : `r-${randomUUID().slice(0, 13)}`
    },
    trustProxy: platform.config.trustProxy,
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  app.decorate('platform', platform)
  app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply))
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its CSS at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...tileSource(platform.config.mapTiles.url)],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    frameguard: { action: 'deny' },
    hsts: platform.config.secureCookies,
  })
  await app.register(cookie)
  await app.register(csrf, {
    cookieKey: 'ty_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: platform.config.secureCookies, signed: false },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  })
  await registerDocs(app)
  // Before auth, so that a refused public submission costs no session lookup; before the modules' routes,
  // whose `config.publicIntake` it reads.
  await app.register(abusePlugin, { platform })
  await app.register(authPlugin, { platform, authenticators: options.authenticators })

  app.get('/api/health', { schema: { hide: true } }, async () => ({ status: 'ok' }))
  for (const routes of options.routes) await app.register(routes)
  await registerWeb(app, options.webDist)
  return app
}

async function registerDocs(app: App) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tuanyuan 团圆 API',
        version: '0.1.0',
        description: 'Missing-child cases, alerts, clues and DNA. Errors are RFC 9457 application/problem+json.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ty_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'ty_<prefix>_<secret>' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  })
  // The UI's assets ship inside the package: the docs work offline.
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true })
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())
}

/** The map tile server's origin for img-src (`{s}` subdomains as a wildcard); none when tiles come from this server. */
function tileSource(url: string): string[] {
  const origin = /^https?:\/\/[^/]+/.exec(url)?.[0]
  return origin ? [origin.replace('{s}', '*')] : []
}

/** The built console, with index.html for every non-API path so that client-side routes load. */
async function registerWeb(app: App, webDist: string | undefined) {
  const hasWeb = webDist && fs.existsSync(path.join(webDist, 'index.html'))
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: false, cacheControl: false })
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.url.startsWith('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable')
      return payload
    })
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) return sendNotFound(request, reply)
    return reply.type('text/html; charset=utf-8').sendFile('index.html')
  })
}
