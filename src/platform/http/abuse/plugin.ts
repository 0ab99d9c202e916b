import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Platform } from '../../context.ts'
import { DomainError, forbidden } from '../../errors.ts'
import { clientKey } from './client-key.ts'
import { createProofOfWork, type Verdict } from './proof-of-work.ts'
import { PROOF_OF_WORK_HEADER, ProofOfWorkChallenge } from './schema.ts'
import { KeyedTokenBuckets, TokenBucket, type Take } from './token-bucket.ts'

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A submission from the public without login: per-address and global rate limits, a solved proof-of-work
     * challenge in the X-Proof-Of-Work header, and a body limit (the route's own `bodyLimit` wins).
     */
    publicIntake?: boolean
  }
}

interface Limits {
  perClient: KeyedTokenBuckets
  global: TokenBucket
}

/** Challenges are cheap to issue but not free: a client may fetch a few per submission it is allowed. */
const CHALLENGES_PER_SUBMISSION = 3
const CHALLENGE_PATH = '/api/public/challenge'

/** Protects every route marked `config.publicIntake`, and serves the challenges they ask for. */
export const abusePlugin = fp<{ platform: Platform }>(
  async (app, { platform }) => {
    const { abuse: settings } = platform.config
    const now = () => platform.clock.now().getTime()
    const proofOfWork = createProofOfWork(platform.clock, settings.powDifficulty, settings.powLifetimeSeconds)
    const limits = (factor: number): Limits => ({
      perClient: new KeyedTokenBuckets({ capacity: settings.ipBurst * factor, perSecond: (settings.ipPerHour * factor) / 3600 }),
      global: new TokenBucket({ capacity: settings.globalPerSecond * factor, perSecond: settings.globalPerSecond * factor }, now()),
    })
    const intake = limits(1)
    const challenges = limits(CHALLENGES_PER_SUBMISSION)

    // The address's bucket first, so that a client already refused spends nothing of everybody's; the proof
    // before the global bucket, so that unsolved requests from many addresses cannot use up the allowance.
    const guardIntake = (request: FastifyRequest, reply: FastifyReply, at: number) => {
      limitClient(intake, request, reply, at)
      const proof = proofOfWork.check(request.headers[PROOF_OF_WORK_HEADER] as string | undefined)
      if (proof.verdict !== 'ok') throw refusal(proof.verdict)
      limitEverybody(intake, reply, at)
      proof.spend()
    }

    // One hook on every request, registered (app.ts) before the modules' routes so that it covers them all;
    // it refuses before the body is read and before any handler runs.
    app.addHook('onRequest', async (request, reply) => {
      const route = request.routeOptions
      if (route.config?.publicIntake === true) guardIntake(request, reply, now())
      else if (route.url === CHALLENGE_PATH && request.method === 'GET') {
        const at = now()
        limitClient(challenges, request, reply, at)
        limitEverybody(challenges, reply, at)
      }
    })

    app.addHook('onRoute', (route) => {
      if (route.config?.publicIntake === true) route.bodyLimit ??= settings.bodyLimit
    })

    app.get(
      CHALLENGE_PATH,
      {
        schema: {
          tags: ['public'],
          operationId: 'issueChallenge',
          summary: 'A proof-of-work challenge for one public submission',
          security: [],
          response: { 200: ProofOfWorkChallenge },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'no-store')
        return proofOfWork.issue()
      },
    )
  },
  { name: 'tuanyuan-abuse' },
)

function limitClient(limits: Limits, request: FastifyRequest, reply: FastifyReply, at: number) {
  const own = limits.perClient.take(clientKey(request.ip), at)
  if (own.allowed) return
  throw tooMany(reply, own, 'intake.rate_limited', `too many requests from your address; try again in ${own.retryAfterSeconds} s`)
}

function limitEverybody(limits: Limits, reply: FastifyReply, at: number) {
  const all = limits.global.take(at)
  if (all.allowed) return
  throw tooMany(reply, all, 'intake.busy', 'the service is receiving too many submissions; try again in a moment')
}

function tooMany(reply: FastifyReply, take: Take & { allowed: false }, code: string, detail: string) {
  reply.header('retry-after', String(take.retryAfterSeconds))
  return new DomainError('too_many', code, detail)
}

const REFUSALS: Record<Exclude<Verdict, 'ok'>, [string, string]> = {
  missing: [
    'intake.challenge_required',
    `solve a challenge from GET /api/public/challenge and send it in the ${PROOF_OF_WORK_HEADER} header`,
  ],
  malformed: ['intake.challenge_invalid', `the ${PROOF_OF_WORK_HEADER} header is not a base64 JSON challenge payload`],
  invalid: ['intake.challenge_invalid', 'the challenge was not issued here or its solution is wrong'],
  expired: ['intake.challenge_expired', 'the challenge has expired; fetch and solve a new one'],
  used: ['intake.challenge_used', 'the challenge has already been used; fetch and solve a new one'],
}

function refusal(verdict: Exclude<Verdict, 'ok'>) {
  const [code, detail] = REFUSALS[verdict]
  return forbidden(code, detail)
}
