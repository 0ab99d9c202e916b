import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { buildApp, type App } from './app.ts'
import { testPlatform, type TestPlatform } from '../testing.ts'
import { moduleRoutes } from '../../modules/routes.ts'
import { authenticateApiKey, authenticateSession } from '../../modules/identity/index.ts'

export interface TestApp extends TestPlatform {
  app: App
  /** A browser-like client: keeps cookies and sends the CSRF token on writes. */
  client(): TestClient
}

export interface TestClient {
  request(options: InjectOptions): Promise<LightMyRequestResponse>
  get(url: string): Promise<LightMyRequestResponse>
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>
  delete(url: string): Promise<LightMyRequestResponse>
  login(username: string, password: string, totpCode?: string): Promise<LightMyRequestResponse>
  cookies: Map<string, string>
}

/** The whole HTTP stack (every module's routes) on a fresh test database, driven with `inject`. */
export async function testApp(options: Parameters<typeof testPlatform>[0] = {}): Promise<TestApp> {
  const base = await testPlatform(options)
  const app = await buildApp({
    platform: base.platform,
    authenticators: { session: authenticateSession, apiKey: authenticateApiKey },
    routes: moduleRoutes,
  })
  await app.ready()
  return {
    ...base,
    app,
    client: () => makeClient(app),
    async close() {
      await app.close()
      await base.close()
    },
  }
}

function makeClient(app: App): TestClient {
  const cookies = new Map<string, string>()
  let csrf: string | undefined
  const remember = (res: LightMyRequestResponse) => {
    for (const c of res.cookies) {
      if (c.maxAge === 0 || c.value === '') cookies.delete(c.name)
      else cookies.set(c.name, c.value)
    }
    return res
  }
  const request = async (options: InjectOptions) => {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) }
    if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    if (options.method && options.method !== 'GET') {
      if (!csrf) {
        const res = remember(await app.inject({ method: 'GET', url: '/api/auth/csrf', headers: { cookie: headers.cookie ?? '' } }))
        csrf = res.json().csrfToken
        headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ')
      }
      headers['x-csrf-token'] ??= csrf!
    }
    return remember(await app.inject({ ...options, headers }))
  }
  const client: TestClient = {
    cookies,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as object }),
    delete: (url) => request({ method: 'DELETE', url }),
    async login(username, password, totpCode) {
      const res = await client.post('/api/auth/login', { username, password, ...(totpCode ? { totpCode } : {}) })
      if (res.statusCode === 200) csrf = res.json().csrfToken
      return res
    },
  }
  return client
}
