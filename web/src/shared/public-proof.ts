import { api } from '../api/client.ts'
import { encodePayload, PROOF_OF_WORK_HEADER } from './proof-of-work.ts'
import { solveOffThread } from './solve-off-thread.ts'
import type { ProofOfWorkChallenge } from '../../../src/platform/http/abuse/schema.ts'

/**
 * Fetches and solves one challenge: the header for one public submission (a tip, an alert subscription). A refused
 * fetch (429) is an ApiError.
 */
export async function proofOfWork(signal?: AbortSignal): Promise<Record<string, string>> {
  // A cancelled run asks for no more challenges: each one counts against the address's allowance.
  signal?.throwIfAborted()
  const challenge = await api.get<ProofOfWorkChallenge>('/api/public/challenge')
  const solution = await solveOffThread(challenge, signal)
  return { [PROOF_OF_WORK_HEADER]: encodePayload(challenge, solution) }
}
