import { useCallback, useMemo } from 'react'
import { useLoad } from '../../api/use-load.ts'
import { listClueUnits, type ClueUnitView } from './api.ts'

/** The police units' directory and a name for any unit id in it (an unknown id shows as itself). */
export function useClueUnits() {
  const loaded = useLoad(listClueUnits, [])
  const byId = useMemo(() => new Map((loaded.data ?? []).map((u) => [u.id, u])), [loaded.data])
  const unitName = useCallback((id: string | null | undefined) => (id ? (byId.get(id)?.name ?? id) : '—'), [byId])
  const unit = useCallback((id: string | null | undefined): ClueUnitView | undefined => (id ? byId.get(id) : undefined), [byId])
  return { units: loaded.data ?? [], unitName, unit, error: loaded.error, reload: loaded.reload }
}
