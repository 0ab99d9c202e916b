// Test helpers for routes marked `publicIntake`: solved challenges without a browser.
import { hash } from 'node:crypto'
import type { App } from '../app.ts'
import { PROOF_OF_WORK_HEADER, type ProofOfWorkChallenge, type ProofOfWorkSolution } from './schema.ts'

/** The same search as the browser's (web/src/shared/proof-of-work.ts), with Node's synchronous hashing: ~1 µs a try. */
export function solveChallengeSync(challenge: ProofOfWorkChallenge): ProofOfWorkSolution {
  const { salt, nonce, keyPrefix, keyLength, cost } = challenge.parameters
  const input = Buffer.concat([Buffer.from(salt, 'hex'), Buffer.from(nonce, 'hex'), Buffer.alloc(4)])
  const prefix = Buffer.from(keyPrefix, 'hex')
  for (let counter = 0; counter <= 0xffff_ffff; counter++) {
    input.writeUInt32BE(counter, input.length - 4)
    let key: Buffer = input
    for (let round = 0; round < cost; round++) key = hash('sha256', key, 'buffer')
    if (key.subarray(0, prefix.length).equals(prefix)) return { counter, derivedKey: key.subarray(0, keyLength).toString('hex') }
  }
  throw new Error('the challenge has no solution')
}

export function encodeProofOfWork(challenge: ProofOfWorkChallenge, solution: ProofOfWorkSolution): string {
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64')
}

/** Fetches a challenge from `app` as the client at `ip` and solves it: headers for one public submission. */
export async function proofOfWorkHeaders(app: App, ip = '127.0.0.1'): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'GET', url: '/api/public/challenge', remoteAddress: ip })
  if (res.statusCode !== 200) throw new Error(`GET /api/public/challenge: ${res.statusCode} ${res.body}`)
  const challenge = res.json<ProofOfWorkChallenge>()
  return { [PROOF_OF_WORK_HEADER]: encodeProofOfWork(challenge, solveChallengeSync(challenge)) }
}
