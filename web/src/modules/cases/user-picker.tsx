import { useRef, useState } from 'react'
import { Input, Select, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { listUsers, type UserView } from './api.ts'
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
  /** Whether the caller may list users (`user.manage`); otherwise the user's id is typed. */
  canList: boolean
  /** People already named (the current task force), so that their names show before any search. */
  known: readonly KnownUser[]
  /** Only these users are offered, e.g. leading officers for the head. */
  filter?: (user: UserView) => boolean
}

const SEARCH_DELAY_MS = 300
const describe = (t: TFunction, user: UserView) => withNote(t, user.displayName, `${user.username} · ${user.unitName}`)

/** Picks a user by name from /api/users when the caller may list users, else takes the user's id as typed. */
export function UserPicker({ id, value, onChange, canList, known, filter }: UserPickerProps) {
  const { t } = useTranslation('cases')
  const reportError = useCaseReportError()
  const [found, setFound] = useState<KnownUser[]>([])
  const [isSearching, setIsSearching] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)

  if (!canList) {
    return (
      <Input
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value.trim())}
        placeholder={t('taskForce.userIdPlaceholder')}
        className="ty-mono"
        suffix={<Typography.Text type="secondary">{known.find((k) => k.id === value)?.label}</Typography.Text>}
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
