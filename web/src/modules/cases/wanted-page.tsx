import { useState } from 'react'
import { App, Button, Flex, Select } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { useAuth } from '../../auth/auth-context.tsx'
import { PageHeader } from '../../shared/page-header.tsx'
import { listWantedNotices, type WantedClass, type WantedStatus } from './api.ts'
import { CaseLoadError } from './errors.tsx'
import { useCaseLabels, WANTED_CLASSES, WANTED_STATUSES } from './labels.ts'
import { CASE_PERMISSIONS } from './permissions.ts'
import { classForLevel, WantedFormModal } from './wanted-form-modal.tsx'
import { WantedTable } from './wanted-table.tsx'

const PAGE_SIZE = 20

/** 通缉令 of the caller's jurisdiction: issue (class A by the ministry, B by a province), publish, revoke. */
export default function WantedPage() {
  const { t } = useTranslation('cases')
  const { can, me } = useAuth()
  const canIssueWanted = can(CASE_PERMISSIONS.wantedIssue) && classForLevel(me?.unit.level) !== null
  const { message } = App.useApp()
  const { wantedStatusLabel } = useCaseLabels()
  const [status, setStatus] = useState<WantedStatus | undefined>()
  const [noticeClass, setNoticeClass] = useState<WantedClass | undefined>()
  const [page, setPage] = useState(1)
  const [isIssuing, setIsIssuing] = useState(false)
  const notices = useLoad(() => listWantedNotices({ status, class: noticeClass, page, pageSize: PAGE_SIZE }), [status, noticeClass, page])

  return (
    <>
      <PageHeader
        title={t('wanted.title')}
        testId="wanted-title"
        extra={
          canIssueWanted && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsIssuing(true)} data-testid="wanted-issue">
              {t('wanted.issue')}
            </Button>
          )
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          value={status}
          onChange={(v) => {
            setStatus(v)
            setPage(1)
          }}
          allowClear
          placeholder={t('fields.status')}
          style={{ width: 140 }}
          options={WANTED_STATUSES.map((value) => ({ value, label: wantedStatusLabel(value) }))}
        />
        <Select
          value={noticeClass}
          onChange={(v) => {
            setNoticeClass(v)
            setPage(1)
          }}
          allowClear
          placeholder={t('wanted.fields.class')}
          style={{ width: 140 }}
          options={WANTED_CLASSES.map((value) => ({ value, label: t(`wanted.class.${value}`) }))}
        />
      </Flex>
      <CaseLoadError error={notices.error} onRetry={notices.reload} />
      <WantedTable
        notices={notices.data?.items ?? []}
        loading={notices.isLoading}
        onChanged={notices.reload}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: notices.data?.total ?? 0, onChange: setPage }}
      />
      {isIssuing && (
        <WantedFormModal
          onClose={() => setIsIssuing(false)}
          onIssued={() => {
            setIsIssuing(false)
            void message.success(t('wanted.issued'))
            notices.reload()
          }}
        />
      )}
    </>
  )
}
