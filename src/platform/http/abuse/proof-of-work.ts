import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { createChallenge, randomInt } from 'altcha-lib'
import { deriveKey } from 'altcha-lib/algorithms/sha'
import type { Clock } from '../../clock.ts'
import type { ProofOfWorkChallenge, ProofOfWorkPayload } from './schema.ts'

export type Verdict = 'ok' | 'missing' | 'malformed' | 'invalid' | 'expired' | 'used'

export interface Checked {
  verdict: Verdict
  /** Marks the challenge used; call it in the same tick as the check, once the request is let through. */
  spend(): void
}

export interface ProofOfWork {
  issue(): Promise<ProofOfWorkChallenge>
  /** Checks a payload from the header: 'ok' when it is right, in time and not yet spent. */
  check(header: string | undefined): Checked
}

/**
 * ALTCHA challenges, signed with secrets that live as long as the process. Verification is stateless but for
 * the challenges already spent, kept in memory until they expire: a restart forgets them, and the new secrets
 * make every challenge issued before it invalid, so nothing can be replayed across one.
 */
export function createProofOfWork(clock: Clock, difficulty: number, lifetimeSeconds: number): ProofOfWork {
  const hmacSignatureSecret = randomBytes(32).toString('hex')
  const hmacKeySignatureSecret = randomBytes(32).toString('hex')
  const spent = new SpentChallenges()
  const seconds = () => Math.floor(clock.now().getTime() / 1000)

  return {
    async issue() {
      const challenge = await createChallenge({
        algorithm: 'SHA-256',
        cost: 1,
        counter: randomInt(difficulty, Math.ceil(difficulty / 2)),
        deriveKey,
        // Expiry goes in the signed data rather than `expiresAt`, which the library checks against the system
        // time: ours comes from the platform clock, as every other deadline does.
        data: { expires: seconds() + lifetimeSeconds },
        hmacSignatureSecret,
        hmacKeySignatureSecret,
      })
      return challenge as ProofOfWorkChallenge
    },

    check(header) {
      const refused = (verdict: Verdict): Checked => ({ verdict, spend: () => {} })
      if (!header) return refused('missing')
      const payload = parsePayload(header)
      if (!payload) return refused('malformed')
      if (!isSolved(payload, hmacSignatureSecret, hmacKeySignatureSecret)) return refused('invalid')
      // Signed, so `expires` is ours; checked after the signature so that a forged one never reads as expired.
      const expires = Number(payload.challenge.parameters.data?.expires)
      const now = seconds()
      if (!(expires > now)) return refused('expired')
      const { nonce } = payload.challenge.parameters
      if (spent.has(nonce, now)) return refused('used')
      return { verdict: 'ok', spend: () => spent.add(nonce, expires) }
    },
  }
}

/**
 * ALTCHA's check in deterministic mode, as `verifySolution` does it: the challenge is ours (its signature), and
 * the digest is the one its key signature was made from. Done here with node:crypto because the library's Web
 * Crypto path imports both keys on every call: ~150 µs a check against ~10 µs (plugin.test.ts checks that the
 * library agrees).
 */
export function isSolved(payload: ProofOfWorkPayload, signatureSecret: string, keySecret: string): boolean {
  const { parameters, signature } = payload.challenge
  const { derivedKey } = payload.solution
  if (typeof parameters.keySignature !== 'string' || typeof derivedKey !== 'string' || !/^(?:[0-9a-f]{2})+$/.test(derivedKey)) return false
  let canonical: string
  try {
    canonical = JSON.stringify(sortKeys(parameters))
  } catch {
    // Nested deep enough to overflow the stack: not ours.
    return false
  }
  if (!sameHex(signature, createHmac('sha256', signatureSecret).update(canonical).digest('hex'))) return false
  const keySigned = createHmac('sha256', keySecret).update(Buffer.from(derivedKey, 'hex')).digest('hex')
  return sameHex(parameters.keySignature, keySigned)
}

/** Keys sorted at every depth: the JSON the signature was computed over. */
function sortKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  const entries = Object.keys(value)
    .sort()
    .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])])
  // fromEntries, so that a "__proto__" key stays an own property and is signed like any other.
  return Object.fromEntries(entries)
}

function sameHex(a: string, b: string): boolean {
  return typeof a === 'string' && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
}

function parsePayload(header: string): ProofOfWorkPayload | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(header, 'base64').toString('utf8'))
    const payload = value as ProofOfWorkPayload
    const ok =
      typeof payload?.challenge?.parameters === 'object' &&
      payload.challenge.parameters !== null &&
      typeof payload.challenge.signature === 'string' &&
      typeof payload.solution === 'object' &&
      payload.solution !== null
    return ok ? payload : null
  } catch {
    return null
  }
}

/** Nonces of challenges already answered, each kept until its challenge expires. */
class SpentChallenges {
  readonly #expiry = new Map<string, number>()

  has(nonce: string, now: number): boolean {
    this.#forget(now)
    return this.#expiry.has(nonce)
  }

  add(nonce: string, expires: number) {
    this.#expiry.set(nonce, expires)
  }

  /** Every challenge lives equally long, so the oldest spent ones mostly expire first; a few may wait a turn. */
  #forget(now: number) {
    for (const [nonce, expires] of this.#expiry) {
      if (expires > now) return
      this.#expiry.delete(nonce)
    }
  }
}
