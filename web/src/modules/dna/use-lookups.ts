import { useCallback, useMemo } from 'react'
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

/** The profiles of one hit, in the order asked; null where the caller may not read one. */
export const loadProfiles = async (ids: readonly string[]): Promise<(ProfileView | null)[]> =>
  (await Promise.allSettled(ids.map(getProfile))).map((r) => (r.status === 'fulfilled' ? r.value : null))
