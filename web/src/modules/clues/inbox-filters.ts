import { useSearchParams } from 'react-router'
import type { ClueKind, ClueSource } from './api.ts'
import { INBOX_TABS, type InboxTab } from './labels.ts'

const isTab = (value: string | null): value is InboxTab => INBOX_TABS.includes(value as InboxTab)

/** The inbox's tab and filters live in the address, so that coming back from a clue finds the list as it was left. */
export function useInboxFilters() {
  const [params, setParams] = useSearchParams()
  const view = params.get('view')
  const filters = {
    view: isTab(view) ? view : ('new' as InboxTab),
    kind: (params.get('kind') || undefined) as ClueKind | undefined,
    source: (params.get('source') || undefined) as ClueSource | undefined,
    dueBefore: params.get('dueBefore') || undefined,
    mine: params.get('mine') === 'true',
    sent: params.get('sent') === 'true',
  }
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    setParams(next, { replace: true })
  }
  return { ...filters, set }
}
