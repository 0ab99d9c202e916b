import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useLoad } from '../../api/use-load.ts'
import { listUnits } from '../identity/api.ts'
import { getProfile, type ProfileView } from './api.ts'
import { shortId } from './format.tsx'

/** Unit names by id; a unit outside the caller's jurisdiction shows as the start of its id. */
export function useUnitNames() {
  const units = useLoad(listUnits)
  const names = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data])
  const nameOf = useCallback((id: string) => names.get(id) ?? shortId(id), [names])
  return { units: units.data ?? [], nameOf }
}

const PARALLEL = 6

/**
 * Sample codes of the given profiles, fetched a few at a time and kept for the page's life. There is no
 * batch read: each read is audited, as it should be. A profile the caller may not read stays undefined.
 */
export function useSampleCodes(ids: readonly string[]): Record<string, string | undefined> {
  const [codes, setCodes] = useState<Record<string, string>>({})
  const asked = useRef(new Set<string>())
  const mounted = useRef(true)
  const key = [...new Set(ids)].sort().join(',')

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  useEffect(() => {
    const missing = key ? key.split(',').filter((id) => !asked.current.has(id)) : []
    missing.forEach((id) => asked.current.add(id))
    const run = async () => {
      for (let i = 0; i < missing.length && mounted.current; i += PARALLEL) {
        const found = await Promise.allSettled(missing.slice(i, i + PARALLEL).map(getProfile))
        const fresh = Object.fromEntries(
          found.flatMap((r) => (r.status === 'fulfilled' ? [[r.value.id, r.value.sampleCode] as const] : [])),
        )
        if (mounted.current) setCodes((current) => ({ ...current, ...fresh }))
      }
    }
    void run()
  }, [key])

  return codes
}

/** The profiles of one hit, in the order asked; null where the caller may not read one. */
export const loadProfiles = async (ids: readonly string[]): Promise<(ProfileView | null)[]> =>
  (await Promise.allSettled(ids.map(getProfile))).map((r) => (r.status === 'fulfilled' ? r.value : null))
