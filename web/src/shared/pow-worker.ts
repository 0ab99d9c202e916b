// Solves a proof-of-work challenge off the page's thread: hashing hundreds of thousands of times in the page itself
// starves its rendering, and the tipster could not even press Cancel. Terminating the worker is the cancel.
import { solveChallenge } from './proof-of-work.ts'
import type { ProofOfWorkChallenge, ProofOfWorkSolution } from '../../../src/platform/http/abuse/schema.ts'

export type PowWorkerReply = { solution: ProofOfWorkSolution } | { error: string }

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ProofOfWorkChallenge>) => void) | null
  postMessage(reply: PowWorkerReply): void
}

scope.onmessage = (event) => {
  solveChallenge(event.data).then(
    (solution) => scope.postMessage({ solution }),
    (error: unknown) => scope.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  )
}
