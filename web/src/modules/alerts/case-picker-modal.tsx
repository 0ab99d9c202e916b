import { useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { Modal, Select, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { searchCases } from './api.ts'
import { useAlertReportError } from './errors.tsx'

interface CaseOption {
  value: string
  label: string
  disabled: boolean
}

/** Case states whose child is still missing: only these may have an alert. */
const MISSING = new Set(['reported', 'searching'])
const SEARCH_DELAY_MS = 300

/** Which case to draft an alert from: found by number or the child's name, then on to the draft form. */
export function CasePickerModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation('alerts')
  const navigate = useNavigate()
  const reportError = useAlertReportError()
  const [options, setOptions] = useState<CaseOption[]>([])
  const [isSearching, setIsSearching] = useState(false)
  const [caseId, setCaseId] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const latest = useRef('')

  const search = (q: string) => {
    clearTimeout(timer.current)
    latest.current = q.trim()
    if (!latest.current) return setOptions([])
    timer.current = setTimeout(() => {
      const asked = latest.current
      setIsSearching(true)
      searchCases(asked)
        .then((page) => {
          if (asked !== latest.current) return
          setOptions(
            page.items.map((c) => ({
              value: c.id,
              label: `${c.caseNo} · ${c.childName}${MISSING.has(c.status) ? '' : ` (${t('draft.caseNotMissing')})`}`,
              disabled: !MISSING.has(c.status),
            })),
          )
        })
        .catch(reportError)
        .finally(() => setIsSearching(false))
    }, SEARCH_DELAY_MS)
  }

  return (
    <Modal
      open={open}
      title={t('draft.pickCase')}
      okText={t('draft.next')}
      okButtonProps={{ disabled: !caseId }}
      onOk={() => caseId && void navigate(`/alerts/new?caseId=${caseId}`)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('draft.pickCaseHint')}</Typography.Paragraph>
      <Select<string>
        showSearch={{ filterOption: false, onSearch: search }}
        value={caseId}
        onChange={setCaseId}
        options={options}
        loading={isSearching}
        notFoundContent={null}
        placeholder={t('draft.pickCasePlaceholder')}
        style={{ width: '100%' }}
        data-testid="alert-case-picker"
      />
    </Modal>
  )
}
