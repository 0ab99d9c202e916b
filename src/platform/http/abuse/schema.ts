// The API shapes of the public intake protection. Imports nothing but typebox, so web/ can import its types too.
import { Type, type Static } from 'typebox'

/** The request header that carries a solved challenge: base64 of the JSON `ProofOfWorkPayload`. */
export const PROOF_OF_WORK_HEADER = 'x-proof-of-work'

const Hex = Type.String({ pattern: '^[0-9a-f]+$' })

/**
 * An ALTCHA (v2) challenge: find the counter n for which SHA-256 of salt ‖ nonce ‖ n (n as 4 bytes, big-endian)
 * starts with `keyPrefix`. n is at most the difficulty and at least half of it. Valid until `data.expires`.
 */
export const ProofOfWorkChallenge = Type.Object(
  {
    parameters: Type.Object({
      algorithm: Type.Literal('SHA-256'),
      cost: Type.Integer({ minimum: 1, description: 'rounds of SHA-256 per try' }),
      data: Type.Object({ expires: Type.Integer({ description: 'seconds since the epoch' }) }),
      keyLength: Type.Integer({ minimum: 1, description: 'bytes of the digest kept' }),
      keyPrefix: Hex,
      keySignature: Hex,
      nonce: Hex,
      salt: Hex,
    }),
    signature: Hex,
  },
  { description: 'Solve it, then send the payload in the X-Proof-Of-Work header of one public submission.' },
)
export type ProofOfWorkChallenge = Static<typeof ProofOfWorkChallenge>

export interface ProofOfWorkSolution {
  counter: number
  /** Hex of the digest found. */
  derivedKey: string
}

export interface ProofOfWorkPayload {
  challenge: ProofOfWorkChallenge
  solution: ProofOfWorkSolution
}
