import { solveChallenge } from './proof-of-work.ts'
import type { ProofOfWorkChallenge, ProofOfWorkSolution } from '../../../src/platform/http/abuse/schema.ts'
import type { PowWorkerReply } from './pow-worker.ts'

/**
 * Solves the challenge in a worker, so that the page keeps drawing and answering (the Cancel button above all);
 * aborting terminates the worker at once. A browser without module workers solves it on the page instead.
 */
export function solveOffThread(challenge: ProofOfWorkChallenge, signal?: AbortSignal): Promise<ProofOfWorkSolution> {
  let worker: Worker
  try {
    worker = new Worker(new URL('./pow-worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return solveChallenge(challenge, { signal })
  }
  return new Promise<ProofOfWorkSolution>((resolve, reject) => {
    const stop = () => {
      worker.terminate()
      reject(signal?.reason ?? new DOMException('cancelled', 'AbortError'))
    }
    if (signal?.aborted) return stop()
    signal?.addEventListener('abort', stop, { once: true })
    const done = () => {
      signal?.removeEventListener('abort', stop)
      worker.terminate()
    }
    worker.onmessage = (event: MessageEvent<PowWorkerReply>) => {
      done()
      if ('solution' in event.data) resolve(event.data.solution)
      else reject(new Error(event.data.error))
    }
    worker.onerror = (event) => {
      done()
      reject(new Error(event.message || 'the challenge could not be solved'))
    }
    worker.postMessage(challenge)
  })
}
