import { describe, expect, it } from 'vitest'
import { createChallenge, verifySolution, type Challenge } from 'altcha-lib'
import { deriveKey } from 'altcha-lib/algorithms/sha'
import { isSolved } from './proof-of-work.ts'
import type { ProofOfWorkChallenge, ProofOfWorkPayload } from './schema.ts'
import { solveChallengeSync } from './testing.ts'

const SECRET = 'challenge-secret'
const KEY_SECRET = 'key-secret'

async function issued(): Promise<ProofOfWorkChallenge> {
  const challenge = await createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: 40,
    deriveKey,
    data: { expires: 2_000_000_000 },
    hmacSignatureSecret: SECRET,
    hmacKeySignatureSecret: KEY_SECRET,
  })
  // Through JSON, as it travels.
  return JSON.parse(JSON.stringify(challenge)) as ProofOfWorkChallenge
}

async function library(payload: ProofOfWorkPayload): Promise<boolean> {
  const result = await verifySolution({
    challenge: payload.challenge as Challenge,
    solution: payload.solution,
    deriveKey,
    hmacSignatureSecret: SECRET,
    hmacKeySignatureSecret: KEY_SECRET,
  })
  return result.verified
}

describe('checking a solution', () => {
  it('agrees with altcha-lib on right, tampered and forged payloads', async () => {
    const challenge = await issued()
    const solution = solveChallengeSync(challenge)
    expect(solution.counter).toBe(40)
    const flip = (hex: string) => hex.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))
    const cases: [string, ProofOfWorkPayload, boolean][] = [
      ['right', { challenge, solution }, true],
      ['another digest', { challenge, solution: { ...solution, derivedKey: flip(solution.derivedKey) } }, false],
      ['an easier prefix', { challenge: { ...challenge, parameters: { ...challenge.parameters, keyPrefix: '00' } }, solution }, false],
      [
        'a later expiry',
        { challenge: { ...challenge, parameters: { ...challenge.parameters, data: { expires: 2_100_000_000 } } }, solution },
        false,
      ],
      ['an extra field', { challenge: { ...challenge, parameters: { ...challenge.parameters, extra: 1 } as never }, solution }, false],
      ['a forged signature', { challenge: { ...challenge, signature: flip(challenge.signature) }, solution }, false],
      ['an upper-case digest', { challenge, solution: { ...solution, derivedKey: solution.derivedKey.toUpperCase() } }, false],
    ]
    for (const [name, payload, expected] of cases) {
      expect([name, isSolved(payload, SECRET, KEY_SECRET)]).toEqual([name, expected])
      expect([name, await library(payload)]).toEqual([name, expected])
    }
    // Signed by other secrets: refused.
    expect(isSolved({ challenge, solution }, 'other', KEY_SECRET)).toBe(false)
    expect(isSolved({ challenge, solution }, SECRET, 'other')).toBe(false)
  })

  it('refuses hostile shapes without throwing', async () => {
    const challenge = await issued()
    const solution = solveChallengeSync(challenge)
    let deep: Record<string, unknown> = {}
    for (let i = 0; i < 100_000; i++) deep = { a: deep }
    const hostile = [
      { challenge: { ...challenge, parameters: { ...challenge.parameters, data: deep } }, solution },
      { challenge, solution: { counter: 1, derivedKey: 42 } },
      { challenge: { ...challenge, signature: 42 }, solution },
      { challenge: { ...challenge, parameters: { ...challenge.parameters, keySignature: null } }, solution },
    ] as unknown as ProofOfWorkPayload[]
    for (const payload of hostile) expect(isSolved(payload, SECRET, KEY_SECRET)).toBe(false)
  })
})
