import { useRef, useState } from 'react'
import { Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { listCases } from './api.ts'
import { useCaseReportError } from './errors.tsx'

const SEARCH_DELAY_MS = 300

/** Finds a case by its number or the child's name, for forms that need one (a listing, a wanted notice). */
export function CaseSelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (value: string) => void }) {
  const { t } = useTranslation('cases')
  const reportError = useCaseReportError()
  const [options, setOptions] = useState<{ value: string; label: string }[]>([])
  const [isSearching, setIsSearching] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const latest = useRef('')

  const search = (q: string) => {
    clearTimeout(timer.current)
    latest.current = q.trim()
    if (!latest.current) return setOptions([])
    timer.current = setTimeout(() => {
      const asked = latest.current
      setIsSearching(true)
      listCases({ q: asked, pageSize: 20 })
        .then(
          (page) => asked === latest.current && setOptions(page.items.map((c) => ({ value: c.id, label: `${c.caseNo} · ${c.childName}` }))),
        )
        .catch(reportError)
        .finally(() => setIsSearching(false))
    }, SEARCH_DELAY_MS)
  }

  return (
    <Select<string>
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: search }}
      options={options}
      loading={isSearching}
      notFoundContent={null}
      placeholder={t('caseSelect.placeholder')}
      data-testid="case-select"
    />
  )
}
