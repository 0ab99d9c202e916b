import { useEffect, useRef, useState } from 'react'
import { proofOfWork } from '../../shared/public-proof.ts'

/** Where a public submission stands: solving the challenge (the tipster may cancel), then sending. */
export type SubmitPhase = 'idle' | 'checking' | 'sending'

/**
 * Runs public submissions, each behind a freshly solved proof-of-work challenge. `run` resolves to undefined when
 * the tipster cancelled while the browser was still solving; leaving the page cancels too.
 */
export function useProofSubmit() {
  const [phase, setPhase] = useState<SubmitPhase>('idle')
  const controller = useRef<AbortController | null>(null)
  useEffect(() => () => controller.current?.abort(), [])

  /** One submission: a challenge solved, then `send` with its header. */
  const submitOne = async <T>(signal: AbortSignal, send: (proof: Record<string, string>) => Promise<T>): Promise<T> => {
    setPhase('checking')
    const proof = await proofOfWork(signal)
    setPhase('sending')
    return send(proof)
  }

  /** `steps` get a `submit` that wraps each of their submissions; the whole run shares one cancel. */
  const run = async <T>(steps: (submit: <U>(send: (proof: Record<string, string>) => Promise<U>) => Promise<U>) => Promise<T>) => {
    const own = new AbortController()
    controller.current = own
    try {
      return await steps((send) => submitOne(own.signal, send))
    } catch (error) {
      if (own.signal.aborted) return undefined
      throw error
    } finally {
      if (controller.current === own) controller.current = null
      setPhase('idle')
    }
  }

  return { phase, run, cancel: () => controller.current?.abort() }
}
