import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'

export interface Load<T> {
  data: T | undefined
  error: unknown
  isLoading: boolean
  reload(): void
}

/**
 * Runs `load` on mount and whenever `deps` change, keeping only the newest answer, so a slow
 * response to an old filter never overwrites a fresh one.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[] = []): Load<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<unknown>(null)
  const [isLoading, setIsLoading] = useState(true)
  const [version, setVersion] = useState(0)
  const latest = useRef(0)
  const loadRef = useRef(load)
  useLayoutEffect(() => {
    loadRef.current = load
  })

  useEffect(() => {
    const ticket = ++latest.current
    setIsLoading(true)
    loadRef.current().then(
      (value) => {
        if (ticket !== latest.current) return
        setData(value)
        setError(null)
        setIsLoading(false)
      },
      (reason: unknown) => {
        if (ticket !== latest.current) return
        setError(reason)
        setIsLoading(false)
      },
    )
    // The caller names what the load depends on, as with useEffect.
  }, [version, ...deps])

  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { data, error, isLoading, reload }
}
