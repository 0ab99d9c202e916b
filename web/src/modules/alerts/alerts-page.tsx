import { useState } from 'react'
import { Link } from 'react-router'
import { Button, Flex, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { useAuth } from '../../auth/auth-context.tsx'
import { formatDateTime } from '../../shared/format.ts'
import { PageHeader } from '../../shared/page-header.tsx'
import { ALERT_STATUSES, listAlerts, type AlertStatus, type AlertView } from './api.ts'
import { AlertLoadError } from './errors.tsx'
import { CasePickerModal } from './case-picker-modal.tsx'
import { STATUS_COLOR, ageAndSex, useAlertLabels } from './labels.ts'
import { ALERT_PERMISSIONS } from './permissions.ts'

type Filter = AlertStatus | 'all'

/** How many alerts the list asks for: far more than are ever open at once in one jurisdiction. */
const LIMIT = 200

/** The alert console's list: drafts waiting for approval, active alerts, ended ones. */
export default function AlertsPage() {
  const { t } = useTranslation('alerts')
  const { can } = useAuth()
  const { statusLabel } = useAlertLabels()
  const [filter, setFilter] = useState<Filter>('all')
  const [isPicking, setIsPicking] = useState(false)
  const alerts = useLoad(() => listAlerts({ ...(filter === 'all' ? {} : { status: filter }), limit: LIMIT }), [filter])

  const columns: TableColumnsType<AlertView> = [
    {
      key: 'child',
      title: t('fields.child'),
      render: (_, a) => (
        <Link to={`/alerts/${a.id}`} data-testid="alert-link">
          {a.details.childName}
        </Link>
      ),
    },
    { key: 'ageSex', title: t('fields.ageSex'), render: (_, a) => ageAndSex(t, a.details) },
    { key: 'caseNo', title: t('fields.caseNo'), dataIndex: 'caseNo', render: (no: string) => <span className="ty-mono">{no}</span> },
    {
      key: 'status',
      title: t('fields.status'),
      render: (_, a) => (
        <Tag color={STATUS_COLOR[a.status]}>
          {statusLabel(a.status)}
          {a.status === 'draft' && a.rejectedNote ? ` · ${t('list.returned')}` : ''}
        </Tag>
      ),
    },
    { key: 'radius', title: t('fields.radius'), render: (_, a) => (a.radiusKm === null ? '—' : t('km', { value: a.radiusKm })) },
    { key: 'lastSeen', title: t('fields.lastSeenPlace'), render: (_, a) => a.details.lastSeenPlace },
    { key: 'drafted', title: t('fields.draftedAt'), render: (_, a) => formatDateTime(a.draftedAt) },
    { key: 'approved', title: t('fields.approvedAt'), render: (_, a) => formatDateTime(a.approvedAt) },
  ]

  return (
    <>
      <PageHeader
        title={t('list.title')}
        testId="alerts-title"
        extra={
          can(ALERT_PERMISSIONS.draft) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsPicking(true)} data-testid="alert-new">
              {t('list.new')}
            </Button>
          )
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[{ value: 'all', label: t('list.all') }, ...ALERT_STATUSES.map((value) => ({ value, label: statusLabel(value) }))]}
          data-testid="alerts-status"
        />
      </Flex>
      <AlertLoadError error={alerts.error} onRetry={alerts.reload} />
      <Table<AlertView>
        rowKey="id"
        columns={columns}
        dataSource={alerts.data ?? []}
        loading={alerts.isLoading}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('list.empty') }}
        data-testid="alerts-table"
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('list.note')}
      </Typography.Paragraph>
      <CasePickerModal open={isPicking} onClose={() => setIsPicking(false)} />
    </>
  )
}
