import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { App, Button, Checkbox, Flex, Select, Table, Typography } from 'antd'
import { FlagOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { useAuth } from '../../auth/auth-context.tsx'
import { PageHeader } from '../../shared/page-header.tsx'
import { listUnits } from '../identity/api.ts'
import { listSupervisions, type SupervisionView } from './api.ts'
import { CaseLoadError } from './errors.tsx'
import { CASE_PERMISSIONS, canListForSupervision } from './permissions.ts'
import { useSupervisionColumns } from './supervision-columns.tsx'
import './cases.css'
import { SupervisionCreateModal } from './supervision-create-modal.tsx'
import { SupervisionDrawer } from './supervision-drawer.tsx'

const PAGE_SIZE = 20
type Kind = 'case' | 'area'

/**
 * 挂牌督办: supervised cases and key areas with their warnings, the next report due and the overdue ones in red,
 * most urgent first. Supervisors list and lift; the responsible units file their progress reports here.
 */
export default function SupervisionPage() {
  const { t } = useTranslation('cases')
  const { can, me } = useAuth()
  const { message } = App.useApp()
  const [params, setParams] = useSearchParams()
  const openId = params.get('open')
  const [status, setStatus] = useState<'active' | 'lifted' | undefined>('active')
  const [kind, setKind] = useState<Kind | undefined>()
  const [overdue, setOverdue] = useState(false)
  const [page, setPage] = useState(1)
  const [isCreating, setIsCreating] = useState(false)
  const canCreate = can(CASE_PERMISSIONS.supervisionWrite) && canListForSupervision(me?.unit.level)
  const units = useLoad(async () => (canCreate ? listUnits() : []), [canCreate])
  const listings = useLoad(
    () => listSupervisions({ status, targetKind: kind, overdue: overdue || undefined, page, pageSize: PAGE_SIZE }),
    [status, kind, overdue, page],
  )
  const open = (id: string | null) => setParams(id ? { open: id } : {}, { replace: true })
  const columns = useSupervisionColumns((s) => open(s.id))

  return (
    <>
      <PageHeader
        title={t('supervision.title')}
        testId="supervision-title"
        extra={
          canCreate && (
            <Button type="primary" icon={<FlagOutlined />} onClick={() => setIsCreating(true)} data-testid="supervision-create">
              {t('supervision.create')}
            </Button>
          )
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select
          value={status}
          onChange={(v) => {
            setStatus(v)
            setPage(1)
          }}
          allowClear
          placeholder={t('supervision.statusTitle')}
          style={{ width: 140 }}
          options={(['active', 'lifted'] as const).map((value) => ({ value, label: t(`supervision.status.${value}`) }))}
        />
        <Select
          value={kind}
          onChange={(v) => {
            setKind(v)
            setPage(1)
          }}
          allowClear
          placeholder={t('supervision.target')}
          style={{ width: 160 }}
          options={[
            { value: 'case', label: t('supervision.targetCase') },
            { value: 'area', label: t('supervision.targetArea') },
          ]}
        />
        <Checkbox
          checked={overdue}
          onChange={(e) => {
            setOverdue(e.target.checked)
            setPage(1)
          }}
          data-testid="supervision-overdue-filter"
        >
          {t('supervision.overdueOnly')}
        </Checkbox>
      </Flex>
      <CaseLoadError error={listings.error ?? units.error} onRetry={listings.reload} />
      <Table<SupervisionView>
        rowKey="id"
        columns={columns}
        dataSource={listings.data?.items ?? []}
        loading={listings.isLoading}
        size="middle"
        scroll={{ x: 'max-content' }}
        rowClassName={(s) => (s.overdue ? 'ty-row-overdue' : '')}
        locale={{ emptyText: t('supervision.empty') }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: listings.data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        data-testid="supervision-table"
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('supervision.note')}
      </Typography.Paragraph>
      <SupervisionDrawer id={openId} onClose={() => open(null)} onChanged={listings.reload} />
      {isCreating && (
        <SupervisionCreateModal
          units={units.data ?? []}
          onClose={() => setIsCreating(false)}
          onCreated={(view) => {
            setIsCreating(false)
            void message.success(t('supervision.created'))
            listings.reload()
            open(view.id)
          }}
        />
      )}
    </>
  )
}
