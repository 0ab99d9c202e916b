// Solves the public intake's proof-of-work challenge in the browser with Web Crypto. The tries run in parallel
// batches, and each batch awaits the browser's hashing, so the page stays responsive without a worker.
import type {
  PROOF_OF_WORK_HEADER as SERVER_HEADER,
  ProofOfWorkChallenge,
  ProofOfWorkPayload,
  ProofOfWorkSolution,
} from '../../../src/platform/http/abuse/schema.ts'

/** Typed after the server's constant, so that the two cannot drift; not imported, to keep typebox out of the page. */
export const PROOF_OF_WORK_HEADER: typeof SERVER_HEADER = 'x-proof-of-work'

/** The counter is 4 bytes on the wire. */
const MAX_COUNTER = 0xffff_ffff

export interface SolveOptions {
  signal?: AbortSignal
  /** Tries hashed together before the page gets a turn. */
  batchSize?: number
}

/** Finds the counter whose digest starts with the challenge's prefix: SHA-256(salt ‖ nonce ‖ counter), `cost` rounds. */
export async function solveChallenge(challenge: ProofOfWorkChallenge, options: SolveOptions = {}): Promise<ProofOfWorkSolution> {
  const { salt, nonce, keyPrefix, keyLength, cost } = challenge.parameters
  const prefix = fromHex(keyPrefix)
  const seed = new Uint8Array([...fromHex(salt), ...fromHex(nonce), 0, 0, 0, 0])
  const batchSize = options.batchSize ?? 500
  for (let start = 0; start <= MAX_COUNTER; start += batchSize) {
    options.signal?.throwIfAborted()
    const count = Math.min(batchSize, MAX_COUNTER - start + 1)
    const keys = await Promise.all(Array.from({ length: count }, (_, i) => deriveKey(seed, start + i, cost)))
    const found = keys.findIndex((key) => startsWith(key, prefix))
    if (found >= 0) return { counter: start + found, derivedKey: toHex(keys[found].subarray(0, keyLength)) }
  }
  throw new Error('the challenge has no solution')
}

async function deriveKey(seed: Uint8Array<ArrayBuffer>, counter: number, cost: number): Promise<Uint8Array<ArrayBuffer>> {
  const input = seed.slice()
  new DataView(input.buffer).setUint32(input.length - 4, counter, false)
  let key = input
  for (let round = 0; round < Math.max(1, cost); round++) key = new Uint8Array(await crypto.subtle.digest('SHA-256', key))
  return key
}

/** The header value for a solved challenge: base64 of the JSON payload. */
export function encodePayload(challenge: ProofOfWorkChallenge, solution: ProofOfWorkSolution): string {
  const payload: ProofOfWorkPayload = { challenge, solution }
  // The payload is ASCII (hex, digits, field names), which is all btoa takes.
  return btoa(JSON.stringify(payload))
}

/**
 * Fetches a challenge and solves it: the headers to send with one public submission. Call it when the form is
 * sent, not when it opens: a challenge lasts minutes, and can be used once.
 */
export async function proofOfWorkHeaders(options: SolveOptions & { fetch?: typeof fetch } = {}): Promise<Record<string, string>> {
  const res = await (options.fetch ?? fetch)('/api/public/challenge', { signal: options.signal, cache: 'no-store' })
  if (!res.ok) throw new Error(`could not fetch a challenge: HTTP ${res.status}`)
  const challenge = (await res.json()) as ProofOfWorkChallenge
  const solution = await solveChallenge(challenge, options)
  return { [PROOF_OF_WORK_HEADER]: encodePayload(challenge, solution) }
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false
  return true
}

function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length >> 1)
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return bytes
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
