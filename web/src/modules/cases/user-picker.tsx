import { useRef, useState } from 'react'
import { Select } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { listUsers, type EligibleOfficer, type UserView } from './api.ts'
import { useCaseReportError } from './errors.tsx'
import { withNote } from './format.ts'

export interface KnownUser {
  id: string
  label: string
}

interface UserPickerProps {
  id?: string
  value?: string
  onChange?: (value: string) => void
  /** Whether the caller may list users (`user.manage`); otherwise `officers` are offered. */
  canList: boolean
  /** The case's eligible officers (GET …/task-force/eligible), for those who may not list users. */
  officers: readonly EligibleOfficer[]
  /** Offer only officers who may head the task force. */
  headsOnly?: boolean
  /** People already named (the current task force), so that their names show before any search. */
  known: readonly KnownUser[]
  /** Only these users are offered, e.g. leading officers for the head. */
  filter?: (user: UserView) => boolean
}

const SEARCH_DELAY_MS = 300
const describe = (t: TFunction, user: UserView) => withNote(t, user.displayName, `${user.username} · ${user.unitName}`)

/** Picks a user by name: from /api/users when the caller may list users, else from the case's eligible officers. */
export function UserPicker({ id, value, onChange, canList, officers, headsOnly, known, filter }: UserPickerProps) {
  const { t } = useTranslation('cases')
  const reportError = useCaseReportError()
  const [found, setFound] = useState<KnownUser[]>([])
  const [isSearching, setIsSearching] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)

  if (!canList) {
    const offered = officers
      .filter((o) => !headsOnly || o.canHead)
      .map((o) => ({ value: o.id, label: withNote(t, o.displayName, o.unitName) }))
    const options = [
      ...offered,
      ...known.filter((k) => !offered.some((o) => o.value === k.id)).map((k) => ({ value: k.id, label: k.label })),
    ]
    return (
      <Select<string>
        id={id}
        value={value}
        onChange={onChange}
        showSearch={{ optionFilterProp: 'label' }}
        options={options}
        placeholder={t('taskForce.userPlaceholder')}
      />
    )
  }

  const search = (q: string) => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      setIsSearching(true)
      listUsers(q.trim() || undefined)
        .then((users) =>
          setFound(users.filter((u) => !u.disabled && (!filter || filter(u))).map((u) => ({ id: u.id, label: describe(t, u) }))),
        )
        .catch(reportError)
        .finally(() => setIsSearching(false))
    }, SEARCH_DELAY_MS)
  }

  const options = [...known, ...found.filter((f) => !known.some((k) => k.id === f.id))].map((u) => ({ value: u.id, label: u.label }))
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: search }}
      onOpenChange={(open) => open && found.length === 0 && search('')}
      options={options}
      loading={isSearching}
      placeholder={t('taskForce.userPlaceholder')}
      notFoundContent={null}
    />
  )
}
