import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyPluginAsync, LightMyRequestResponse } from 'fastify'
import { buildApp, type App } from '../app.ts'
import { testPlatform, type TestPlatform } from '../../testing.ts'
import { loadConfig } from '../../config.ts'
import { authenticateApiKey, authenticateSession } from '../../../modules/identity/index.ts'
import { PROOF_OF_WORK_HEADER, type ProofOfWorkChallenge } from './schema.ts'
import { encodeProofOfWork, proofOfWorkHeaders, solveChallengeSync } from './testing.ts'

// Small numbers, so that every limit is reached in a few requests: 3 at once then 1 a minute per address,
// 5 a second for everybody, 1 KiB bodies, challenges of at most 50 tries that last 5 minutes.
const ENV = {
  TUANYUAN_POW_DIFFICULTY: '50',
  TUANYUAN_POW_LIFETIME_SECONDS: '300',
  TUANYUAN_INTAKE_IP_BURST: '3',
  TUANYUAN_INTAKE_IP_PER_HOUR: '60',
  TUANYUAN_INTAKE_GLOBAL_PER_SECOND: '5',
  TUANYUAN_INTAKE_BODY_LIMIT: '1024',
}

let t: TestPlatform
let received: unknown[]
/** Session lookups made by the auth plugin. */
let lookups: number

beforeAll(async () => {
  t = await testPlatform({ env: ENV })
})
afterAll(() => t?.close())

/** An app with one dummy intake route (and one with its own body limit), on the shared database. */
async function intakeApp(env: Record<string, string> = {}): Promise<App> {
  received = []
  lookups = 0
  const routes: FastifyPluginAsync = async (app) => {
    app.post('/api/public/dummy', { config: { publicIntake: true, csrf: false } }, async (req, reply) => {
      received.push(req.body)
      return reply.code(201).send({ ok: true })
    })
    app.post('/api/public/dummy-large', { bodyLimit: 4096, config: { publicIntake: true, csrf: false } }, async () => ({ ok: true }))
    app.post('/api/public/unguarded', { config: { csrf: false } }, async () => ({ ok: true }))
  }
  const platform = { ...t.platform, config: loadConfig({ TUANYUAN_DATA_DIR: '/nonexistent', TUANYUAN_DEMO: 'false', ...ENV, ...env }) }
  const session: typeof authenticateSession = (...args) => {
    lookups++
    return authenticateSession(...args)
  }
  const app = await buildApp({ platform, authenticators: { session, apiKey: authenticateApiKey }, routes: [routes] })
  await app.ready()
  return app
}

const TIP = { text: '看到一个穿黄色雨衣的孩子' }

async function submit(app: App, headers: Record<string, string>, ip = '127.0.0.1', payload: object = TIP, url = '/api/public/dummy') {
  return app.inject({ method: 'POST', url, remoteAddress: ip, headers, payload })
}

async function challenge(app: App, ip = '127.0.0.1'): Promise<ProofOfWorkChallenge> {
  const res = await app.inject({ method: 'GET', url: '/api/public/challenge', remoteAddress: ip })
  expect(res.statusCode).toBe(200)
  return res.json()
}

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode).toBe(status)
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
  expect(res.json()).toMatchObject({ status, code, type: `/problems/${code}` })
}

describe('proof of work', () => {
  it('issues an uncacheable challenge and accepts its solution once', async () => {
    const app = await intakeApp()
    const res = await app.inject({ method: 'GET', url: '/api/public/challenge' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const issued = res.json<ProofOfWorkChallenge>()
    expect(issued.parameters).toMatchObject({ algorithm: 'SHA-256', cost: 1, data: { expires: t.clock.now().getTime() / 1000 + 300 } })
    const solution = solveChallengeSync(issued)
    // The counter is drawn from [difficulty / 2, difficulty].
    expect(solution.counter).toBeGreaterThanOrEqual(25)
    expect(solution.counter).toBeLessThanOrEqual(50)
    const headers = { [PROOF_OF_WORK_HEADER]: encodeProofOfWork(issued, solution) }
    expect((await submit(app, headers)).statusCode).toBe(201)
    expect(received).toEqual([TIP])
    expectProblem(await submit(app, headers), 403, 'intake.challenge_used')
    expect(received).toHaveLength(1)
    await app.close()
  })

  it('refuses a missing, garbled, wrong or forged answer before reading the body', async () => {
    const app = await intakeApp({ TUANYUAN_INTAKE_IP_BURST: '10', TUANYUAN_INTAKE_GLOBAL_PER_SECOND: '100' })
    expectProblem(await submit(app, {}), 403, 'intake.challenge_required')
    expectProblem(await submit(app, { [PROOF_OF_WORK_HEADER]: 'not base64 json' }), 403, 'intake.challenge_invalid')

    const issued = await challenge(app)
    const solution = solveChallengeSync(issued)
    // The digest is the proof (checked against its signature in the challenge); the counter only says how it was found.
    const wrongKey = { ...solution, derivedKey: solution.derivedKey.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }
    expectProblem(await submit(app, { [PROOF_OF_WORK_HEADER]: encodeProofOfWork(issued, wrongKey) }), 403, 'intake.challenge_invalid')
    // An easier challenge of one's own making: the signature no longer matches.
    const forged = { ...issued, parameters: { ...issued.parameters, keyPrefix: '0' } }
    expectProblem(await submit(app, { [PROOF_OF_WORK_HEADER]: encodeProofOfWork(forged, solution) }), 403, 'intake.challenge_invalid')
    // A challenge from another process (another app: other secrets).
    const other = await intakeApp()
    const foreign = await challenge(other)
    await other.close()
    expectProblem(
      await submit(app, { [PROOF_OF_WORK_HEADER]: encodeProofOfWork(foreign, solveChallengeSync(foreign)) }),
      403,
      'intake.challenge_invalid',
    )
    expect(received).toEqual([])
    // The right answer still works after all that.
    expect((await submit(app, { [PROOF_OF_WORK_HEADER]: encodeProofOfWork(issued, solution) })).statusCode).toBe(201)
    await app.close()
  })

  it('refuses a challenge answered after it expired', async () => {
    const app = await intakeApp()
    const headers = await proofOfWorkHeaders(app)
    t.clock.advance(300_000)
    expectProblem(await submit(app, headers), 403, 'intake.challenge_expired')
    expect(received).toEqual([])
    await app.close()
  })
})

describe('rate limits', () => {
  it('lets an address send 3 at once, then one a minute, with Retry-After', async () => {
    const app = await intakeApp()
    for (let i = 0; i < 3; i++)
      expect((await submit(app, await proofOfWorkHeaders(app, '203.0.113.7'), '203.0.113.7')).statusCode).toBe(201)
    const refused = await submit(app, await proofOfWorkHeaders(app, '203.0.113.7'), '203.0.113.7')
    expectProblem(refused, 429, 'intake.rate_limited')
    expect(refused.headers['retry-after']).toBe('60')
    // Another address is not held back.
    expect((await submit(app, await proofOfWorkHeaders(app, '203.0.113.8'), '203.0.113.8')).statusCode).toBe(201)
    t.clock.advance(59_000)
    const early = await submit(app, await proofOfWorkHeaders(app, '203.0.113.7'), '203.0.113.7')
    expectProblem(early, 429, 'intake.rate_limited')
    expect(early.headers['retry-after']).toBe('1')
    t.clock.advance(1_000)
    expect((await submit(app, await proofOfWorkHeaders(app, '203.0.113.7'), '203.0.113.7')).statusCode).toBe(201)
    expect(received).toHaveLength(5)
    await app.close()
  })

  it('counts an IPv6 /64 as one client', async () => {
    const app = await intakeApp({ TUANYUAN_INTAKE_IP_BURST: '1' })
    expect((await submit(app, await proofOfWorkHeaders(app, '2001:db8:1:2::1'), '2001:db8:1:2::1')).statusCode).toBe(201)
    expectProblem(await submit(app, {}, '2001:db8:1:2:ffff::9'), 429, 'intake.rate_limited')
    expect((await submit(app, await proofOfWorkHeaders(app, '2001:db8:1:3::1'), '2001:db8:1:3::1')).statusCode).toBe(201)
    await app.close()
  })

  it('holds everybody back past the global rate, for a second', async () => {
    const app = await intakeApp()
    const ips = Array.from({ length: 6 }, (_, i) => `198.51.100.${i + 1}`)
    const headers = await Promise.all(ips.map((ip) => proofOfWorkHeaders(app, ip)))
    for (let i = 0; i < 5; i++) expect((await submit(app, headers[i], ips[i])).statusCode).toBe(201)
    const refused = await submit(app, headers[5], ips[5])
    expectProblem(refused, 429, 'intake.busy')
    expect(refused.headers['retry-after']).toBe('1')
    t.clock.advance(1_000)
    expect((await submit(app, headers[5], ips[5])).statusCode).toBe(201)
    await app.close()
  })

  it('spends the global allowance only on solved requests, and a challenge only when let through', async () => {
    const app = await intakeApp()
    for (let i = 0; i < 10; i++) expectProblem(await submit(app, {}, `198.51.100.${100 + i}`), 403, 'intake.challenge_required')
    const ips = Array.from({ length: 6 }, (_, i) => `198.51.100.${i + 1}`)
    const headers = await Promise.all(ips.map((ip) => proofOfWorkHeaders(app, ip)))
    for (let i = 0; i < 5; i++) expect((await submit(app, headers[i], ips[i])).statusCode).toBe(201)
    expectProblem(await submit(app, headers[5], ips[5]), 429, 'intake.busy')
    t.clock.advance(1_000)
    // Refused as busy, the challenge was not spent: the same answer goes through a second later.
    expect((await submit(app, headers[5], ips[5])).statusCode).toBe(201)
    await app.close()
  })

  it('limits fetching challenges too, at three per submission allowed', async () => {
    const app = await intakeApp({ TUANYUAN_INTAKE_IP_BURST: '2' })
    for (let i = 0; i < 6; i++) await challenge(app, '192.0.2.1')
    const refused = await app.inject({ method: 'GET', url: '/api/public/challenge', remoteAddress: '192.0.2.1' })
    expectProblem(refused, 429, 'intake.rate_limited')
    expect(Number(refused.headers['retry-after'])).toBe(20)
    await app.close()
  })

  it('keys by X-Forwarded-For only behind a trusted proxy', async () => {
    const direct = await intakeApp({ TUANYUAN_INTAKE_IP_BURST: '1' })
    const spoof = (ip: string) => ({ 'x-forwarded-for': ip })
    expect((await submit(direct, { ...(await proofOfWorkHeaders(direct)), ...spoof('192.0.2.10') })).statusCode).toBe(201)
    expectProblem(await submit(direct, { ...(await proofOfWorkHeaders(direct)), ...spoof('192.0.2.11') }), 429, 'intake.rate_limited')
    await direct.close()

    const proxied = await intakeApp({ TUANYUAN_INTAKE_IP_BURST: '1', TUANYUAN_TRUST_PROXY: 'true' })
    expect((await submit(proxied, { ...(await proofOfWorkHeaders(proxied)), ...spoof('192.0.2.10') })).statusCode).toBe(201)
    expect((await submit(proxied, { ...(await proofOfWorkHeaders(proxied)), ...spoof('192.0.2.11') })).statusCode).toBe(201)
    await proxied.close()
  })

  it('refuses before any session lookup', async () => {
    const app = await intakeApp({ TUANYUAN_INTAKE_IP_BURST: '1' })
    const cookie = { cookie: 'ty_session=made-up' }
    expect((await submit(app, { ...(await proofOfWorkHeaders(app)), ...cookie })).statusCode).toBe(201)
    expect(lookups).toBe(1)
    expectProblem(await submit(app, { ...(await proofOfWorkHeaders(app)), ...cookie }), 429, 'intake.rate_limited')
    expectProblem(await submit(app, cookie, '127.0.0.2'), 403, 'intake.challenge_required')
    expect(lookups).toBe(1)
    await app.close()
  })

  it('leaves routes without publicIntake alone', async () => {
    const app = await intakeApp({ TUANYUAN_INTAKE_IP_BURST: '1' })
    for (let i = 0; i < 5; i++) expect((await submit(app, {}, '127.0.0.1', TIP, '/api/public/unguarded')).statusCode).toBe(200)
    await app.close()
  })
})

describe('body size', () => {
  it('answers 413 past the intake limit, and a route may set its own', async () => {
    const app = await intakeApp({ TUANYUAN_INTAKE_IP_BURST: '10' })
    const big = { text: 'x'.repeat(2000) }
    expectProblem(await submit(app, await proofOfWorkHeaders(app), '127.0.0.1', big), 413, 'request.too_large')
    expect((await submit(app, await proofOfWorkHeaders(app), '127.0.0.1', big, '/api/public/dummy-large')).statusCode).toBe(200)
    expectProblem(
      await submit(app, await proofOfWorkHeaders(app), '127.0.0.1', { text: 'x'.repeat(5000) }, '/api/public/dummy-large'),
      413,
      'request.too_large',
    )
    expect(received).toEqual([])
    await app.close()
  })
})
