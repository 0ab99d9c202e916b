import { useState } from 'react'
import { App, Button, Card, Empty, Flex, Space, Spin, Tag, Typography } from 'antd'
import { FlagOutlined, PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { useAuth } from '../../auth/auth-context.tsx'
import { listSupervisions, listWantedNotices, type CaseView } from './api.ts'
import { CaseLoadError } from './errors.tsx'
import { useCaseLabels } from './labels.ts'
import { CASE_PERMISSIONS, canListForSupervision } from './permissions.ts'
import { NextReportDue } from './supervision-columns.tsx'
import { SupervisionCreateModal } from './supervision-create-modal.tsx'
import { SupervisionDrawer } from './supervision-drawer.tsx'
import { classForLevel, WantedFormModal } from './wanted-form-modal.tsx'
import { WantedTable } from './wanted-table.tsx'
import { labelled } from './format.ts'

/** The case's supervised listings (挂牌督办): who lists it, the warning, the next report due; open one to report or lift. */
export function CaseSupervisionCard({ view, onChanged }: { view: CaseView; onChanged(): void }) {
  const { t } = useTranslation('cases')
  const { can, me } = useAuth()
  const { message } = App.useApp()
  const { levelLabel } = useCaseLabels()
  const [openId, setOpenId] = useState<string | null>(null)
  const [isCreating, setIsCreating] = useState(false)
  const listings = useLoad(() => listSupervisions({ caseId: view.id, pageSize: 50 }), [view.id])
  const canCreate = can(CASE_PERMISSIONS.supervisionWrite) && canListForSupervision(me?.unit.level) && view.status !== 'closed'
  const changed = () => {
    listings.reload()
    onChanged()
  }

  return (
    <Card
      title={t('supervision.caseTitle')}
      size="small"
      extra={
        canCreate && (
          <Button size="small" icon={<FlagOutlined />} onClick={() => setIsCreating(true)} data-testid="case-supervise">
            {t('supervision.create')}
          </Button>
        )
      }
      data-testid="case-supervision"
    >
      <CaseLoadError error={listings.error} onRetry={listings.reload} />
      {listings.isLoading && !listings.data && <Spin />}
      {listings.data?.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.noneForCase')} />}
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {(listings.data?.items ?? []).map((s) => (
          <Flex key={s.id} justify="space-between" align="start" gap={8} data-testid="case-supervision-item">
            <Space orientation="vertical" size={2}>
              <Space size={4} wrap>
                <Tag color={s.level === 'ministry' ? 'red' : 'orange'}>{levelLabel(s.level)}</Tag>
                <Typography.Text>{s.supervisingUnitName}</Typography.Text>
                {s.status === 'lifted' && <Tag>{t('supervision.status.lifted')}</Tag>}
              </Space>
              {s.warning && <Typography.Text type="warning">{labelled(t, t('supervision.warning'), s.warning)}</Typography.Text>}
              <Space size={4} wrap>
                <Typography.Text type="secondary">{t('supervision.nextReportDueAt')}</Typography.Text>
                <NextReportDue view={s} />
              </Space>
            </Space>
            <Button size="small" onClick={() => setOpenId(s.id)}>
              {t('supervision.open')}
            </Button>
          </Flex>
        ))}
      </Space>
      <SupervisionDrawer id={openId} onClose={() => setOpenId(null)} onChanged={changed} />
      {isCreating && (
        <SupervisionCreateModal
          caseId={view.id}
          units={[]}
          onClose={() => setIsCreating(false)}
          onCreated={() => {
            setIsCreating(false)
            void message.success(t('supervision.created'))
            changed()
          }}
        />
      )}
    </Card>
  )
}

/** Wanted notices (通缉令) for suspects in this case, and issuing one for those who may. */
export function CaseWantedCard({ view, onChanged }: { view: CaseView; onChanged(): void }) {
  const { t } = useTranslation('cases')
  const { can, me } = useAuth()
  const canIssueWanted = can(CASE_PERMISSIONS.wantedIssue) && classForLevel(me?.unit.level) !== null && view.status !== 'closed'
  const { message } = App.useApp()
  const [isIssuing, setIsIssuing] = useState(false)
  const notices = useLoad(() => listWantedNotices({ caseId: view.id, pageSize: 100 }), [view.id])
  const changed = () => {
    notices.reload()
    onChanged()
  }
  return (
    <Card
      title={t('wanted.caseTitle')}
      size="small"
      extra={
        canIssueWanted && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setIsIssuing(true)} data-testid="case-wanted-issue">
            {t('wanted.issue')}
          </Button>
        )
      }
      data-testid="case-wanted"
    >
      <CaseLoadError error={notices.error} onRetry={notices.reload} />
      <WantedTable notices={notices.data?.items ?? []} loading={notices.isLoading} onChanged={changed} compact />
      {isIssuing && (
        <WantedFormModal
          caseId={view.id}
          onClose={() => setIsIssuing(false)}
          onIssued={() => {
            setIsIssuing(false)
            void message.success(t('wanted.issued'))
            changed()
          }}
        />
      )}
    </Card>
  )
}
