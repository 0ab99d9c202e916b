import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { isApiError, onUnauthenticated, refreshCsrfToken, setCsrfToken } from '../api/client.ts'
import { getMe, logout, type MeView } from '../modules/identity/api.ts'

type Status = 'loading' | 'ready' | 'unreachable'

interface Auth {
  status: Status
  me: MeView | null
  signIn(user: MeView, csrfToken: string): void
  signOut(): Promise<void>
  refreshMe(): Promise<void>
  retry(): void
  can(permission: string): boolean
}

const AuthContext = createContext<Auth | null>(null)

/** Loads the CSRF token and the signed-in user once, and drops the user when the server forgets the session. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading')
  const [me, setMe] = useState<MeView | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let isCurrent = true
    const start = async () => {
      try {
        await refreshCsrfToken()
        const user = await getMe().catch((error: unknown) => {
          if (isApiError(error) && error.status === 401) return null
          throw error
        })
        if (isCurrent) {
          setMe(user)
          setStatus('ready')
        }
      } catch {
        if (isCurrent) setStatus('unreachable')
      }
    }
    void start()
    return () => {
      isCurrent = false
    }
  }, [attempt])

  useEffect(() => {
    onUnauthenticated(() => setMe(null))
    return () => onUnauthenticated(null)
  }, [])

  const signIn = useCallback((user: MeView, csrfToken: string) => {
    setCsrfToken(csrfToken)
    setMe(user)
  }, [])

  const signOut = useCallback(async () => {
    await logout().catch(() => undefined)
    setMe(null)
    await refreshCsrfToken().catch(() => undefined)
  }, [])

  const refreshMe = useCallback(async () => setMe(await getMe()), [])
  const retry = useCallback(() => {
    setStatus('loading')
    setAttempt((n) => n + 1)
  }, [])

  const value = useMemo<Auth>(
    () => ({ status, me, signIn, signOut, refreshMe, retry, can: (permission) => me?.permissions.includes(permission) ?? false }),
    [status, me, signIn, signOut, refreshMe, retry],
  )
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext)
  if (!auth) throw new Error('useAuth outside AuthProvider')
  return auth
}
