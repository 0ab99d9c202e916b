// The browser's solver (Web Crypto, as in the page) against the server: what the tip form will send is accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../testing.ts'
import { encodePayload, PROOF_OF_WORK_HEADER, solveChallenge } from '../../../../web/src/shared/proof-of-work.ts'
import type { ProofOfWorkChallenge } from './schema.ts'
import { solveChallengeSync } from './testing.ts'

let t: TestApp
beforeAll(async () => {
  t = await testApp({ env: { TUANYUAN_POW_DIFFICULTY: '3000' } })
})
afterAll(() => t?.close())

describe('the browser solver', () => {
  it('finds the counter the server hid, in batches, and can be stopped', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/challenge' })
    const challenge = res.json<ProofOfWorkChallenge>()
    const solution = await solveChallenge(challenge, { batchSize: 64 })
    expect(solution).toEqual(solveChallengeSync(challenge))
    expect(solution.counter).toBeGreaterThanOrEqual(1500)
    const header = encodePayload(challenge, solution)
    expect(JSON.parse(Buffer.from(header, 'base64').toString())).toEqual({ challenge, solution })

    const controller = new AbortController()
    controller.abort(new Error('left the page'))
    await expect(solveChallenge(challenge, { signal: controller.signal })).rejects.toThrow('left the page')
    expect(PROOF_OF_WORK_HEADER).toBe('x-proof-of-work')
  })
})
