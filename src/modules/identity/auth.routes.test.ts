import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { testApp, type TestApp } from '../../platform/http/testing.ts'
import { queryRows } from '../../platform/db/client.ts'
import { MINUTE } from '../../platform/clock.ts'
import { makeUnit, makeUser, type TestUser } from './testing.ts'
import { currentTotp } from './totp.ts'

let t: TestApp
let county: Awaited<ReturnType<typeof makeUnit>>

beforeAll(async () => {
  t = await testApp()
  county = await makeUnit(t.ctx(), { divisionCode: '440305' })
})
afterAll(() => t?.close())

const newUser = (roles: Parameters<typeof makeUser>[2] = ['investigator']): Promise<TestUser> => makeUser(t.ctx(), county, roles)

async function auditRows(action: string, resourceId: string) {
  return queryRows<{ outcome: string; actor_type: string; details: Record<string, unknown> }>(
    t.platform.db,
    sql`SELECT outcome, actor_type, details FROM audit_entry WHERE action = ${action} AND resource_id = ${resourceId} ORDER BY id`,
  )
}

describe('sign-in', () => {
  it('sets an httpOnly SameSite=Strict session cookie and audits the login', async () => {
    const { user, password } = await newUser()
    const client = t.client()
    const res = await client.login(user.username, password)
    expect(res.statusCode).toBe(200)
    const cookie = res.cookies.find((c) => c.name === 'ty_session')!
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.sameSite).toBe('Strict')
    expect((await client.get('/api/auth/me')).json()).toMatchObject({ username: user.username, unit: { divisionCode: '440305' } })
    expect(await auditRows('auth.login', user.id)).toEqual([expect.objectContaining({ outcome: 'success', actor_type: 'user' })])
  })

  it('answers a wrong password with problem+json and audits the failure', async () => {
    const { user } = await newUser()
    const res = await t.client().login(user.username, 'Wrong-password-123')
    expect(res.statusCode).toBe(401)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json()).toMatchObject({ status: 401, code: 'auth.invalid_credentials', type: '/problems/auth.invalid_credentials' })
    expect(await auditRows('auth.login', user.id)).toEqual([expect.objectContaining({ outcome: 'failure' })])
  })

  it('audits attempts on unknown user names without revealing that they are unknown', async () => {
    const res = await t.client().login('nobody-here', 'Whatever-123')
    expect(res.json().code).toBe('auth.invalid_credentials')
    const [row] = await queryRows<{ outcome: string; details: { username: string; reason: string } }>(
      t.platform.db,
      sql`SELECT outcome, details FROM audit_entry WHERE action = 'auth.login' AND details->>'username' = 'nobody-here'`,
    )
    expect(row).toMatchObject({ outcome: 'failure', details: { reason: 'unknown_user' } })
  })

  it('locks the account after repeated failures, even against the right password, until the lock expires', async () => {
    const { user, password } = await newUser()
    const client = t.client()
    for (let i = 0; i < 4; i++) expect((await client.login(user.username, 'Bad-password-1')).json().code).toBe('auth.invalid_credentials')
    const fifth = await client.login(user.username, 'Bad-password-1')
    expect(fifth.statusCode).toBe(423)
    expect(fifth.json().code).toBe('auth.locked')
    expect((await client.login(user.username, password)).statusCode).toBe(423)
    t.clock.advance(16 * MINUTE)
    expect((await client.login(user.username, password)).statusCode).toBe(200)
  })

  it('refuses writes without the CSRF token, or with a token from another browser', async () => {
    const { user, password } = await newUser()
    const client = t.client()
    await client.login(user.username, password)
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const bare = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })
    expect(bare.statusCode).toBe(403)
    expect(bare.json().code).toBe('auth.csrf')
    const other = t.client()
    const foreign = (await other.get('/api/auth/csrf')).json().csrfToken
    const forged = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': foreign } })
    expect(forged.statusCode).toBe(403)
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204)
    expect((await client.get('/api/auth/me')).statusCode).toBe(401)
  })
})

describe('two-factor sign-in (TOTP)', () => {
  it('requires a valid, unused code once enabled', async () => {
    const { user, password } = await newUser()
    const client = t.client()
    await client.login(user.username, password)
    const { secret, otpauthUri } = (await client.post('/api/auth/totp/setup')).json()
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//)
    expect(
      (await client.post('/api/auth/totp/enable', { code: '000000' === currentTotp(secret, t.clock.now()) ? '111111' : '000000' })).json()
        .code,
    ).toBe('auth.totp_invalid')
    expect((await client.post('/api/auth/totp/enable', { code: currentTotp(secret, t.clock.now()) })).statusCode).toBe(204)

    t.clock.advance(MINUTE)
    const fresh = t.client()
    const missing = await fresh.login(user.username, password)
    expect(missing.statusCode).toBe(401)
    expect(missing.json().code).toBe('auth.totp_required')
    const code = currentTotp(secret, t.clock.now())
    expect((await fresh.login(user.username, password, code === '123456' ? '654321' : '123456')).json().code).toBe('auth.totp_invalid')
    expect((await fresh.login(user.username, password, code)).statusCode).toBe(200)
    // The same code cannot be replayed within its window.
    expect((await t.client().login(user.username, password, code)).json().code).toBe('auth.totp_invalid')
  })
})

describe('sessions', () => {
  it('lists the caller’s sessions and revokes another one', async () => {
    const { user, password } = await newUser()
    const laptop = t.client()
    const phone = t.client()
    await laptop.login(user.username, password)
    await phone.login(user.username, password)
    const sessions = (await laptop.get('/api/auth/sessions')).json() as { id: string; current: boolean }[]
    expect(sessions).toHaveLength(2)
    const other = sessions.find((s) => !s.current)!
    expect((await laptop.delete(`/api/auth/sessions/${other.id}`)).statusCode).toBe(204)
    expect((await phone.get('/api/auth/me')).statusCode).toBe(401)
    expect((await laptop.get('/api/auth/me')).statusCode).toBe(200)
  })

  it('ends other sessions when the password changes, and enforces the policy', async () => {
    const { user, password } = await newUser()
    const a = t.client()
    const b = t.client()
    await a.login(user.username, password)
    await b.login(user.username, password)
    const weak = await a.post('/api/auth/password', { currentPassword: password, newPassword: 'short' })
    expect(weak.json()).toMatchObject({ code: 'auth.weak_password', errors: [expect.objectContaining({ path: '/newPassword' })] })
    expect((await a.post('/api/auth/password', { currentPassword: password, newPassword: 'Another-Strong-42' })).statusCode).toBe(204)
    expect((await b.get('/api/auth/me')).statusCode).toBe(401)
    expect((await a.get('/api/auth/me')).statusCode).toBe(200)
    expect((await t.client().login(user.username, 'Another-Strong-42')).statusCode).toBe(200)
  })
})

describe('errors and headers', () => {
  it('answers malformed input with problem+json and no internals', async () => {
    const client = t.client()
    const broken = await client.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    })
    expect(broken.statusCode).toBe(400)
    expect(broken.json()).toMatchObject({ code: 'request.malformed_json' })
    const unknown = await client.post('/api/auth/login', { username: 'a', password: 'b', admin: true })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().errors).toContainEqual({ path: '/admin', message: 'unknown field' })
    const wrongType = await client.post('/api/auth/login', { username: 42, password: 'b' })
    expect(wrongType.json().errors[0].path).toBe('/username')
    const huge = await client.post('/api/auth/login', { username: 'a', password: 'x'.repeat(2 * 1024 * 1024) })
    expect(huge.statusCode).toBe(413)
    expect(huge.json().code).toBe('request.too_large')
    for (const res of [broken, unknown, wrongType, huge]) {
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(res.body).not.toMatch(/at .*\.ts:\d+|SELECT|node_modules/)
    }
    const missing = await client.get('/api/no-such-thing')
    expect(missing.json()).toMatchObject({ status: 404, code: 'route.not_found' })
  })

  it('sends security headers and the request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'abc-123' } })
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(res.headers['x-request-id']).toBe('abc-123')
  })

  it('publishes an OpenAPI 3.1 document covering the routes, and an offline docs page', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/units', '/api/users', '/api/audit', '/api/deadlines']),
    )
    expect(doc.paths['/api/units'].post.operationId).toBe('createUnit')
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' })
    expect(page.statusCode).toBe(200)
    expect(page.body).not.toMatch(/https?:\/\/(cdn|unpkg|fonts)/)
  })
})
