import { Link } from 'react-router'
import { Space, Tag, Typography, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDate, formatDateTime } from '../../shared/format.ts'
import type { CaseSummary } from './api.ts'
import { statusColor, useCaseLabels } from './labels.ts'

/** The status tag, with the trafficking mark beside it: the two things an officer scans a list for. */
export function CaseStatusTags({ status, suspectedTrafficking }: Pick<CaseSummary, 'status' | 'suspectedTrafficking'>) {
  const { t } = useTranslation('cases')
  const { statusLabel } = useCaseLabels()
  return (
    <Space size={4} wrap>
      <Tag color={statusColor(status)} data-testid="case-status-tag">
        {statusLabel(status)}
      </Tag>
      {suspectedTrafficking && <Tag color="volcano">{t('fields.trafficking')}</Tag>}
    </Space>
  )
}

/** Columns of a list of cases: the number links to the case's workspace. `extra` adds columns at the end. */
export function useCaseColumns(extra: TableColumnsType<CaseSummary> = []): TableColumnsType<CaseSummary> {
  const { t } = useTranslation('cases')
  const { sexLabel } = useCaseLabels()
  return [
    {
      key: 'caseNo',
      title: t('fields.caseNo'),
      render: (_, c) => (
        <Link to={`/cases/${c.id}`} className="ty-mono" data-testid="case-link">
          {c.caseNo}
        </Link>
      ),
    },
    {
      key: 'child',
      title: t('fields.child'),
      render: (_, c) => (
        <Space size={4} orientation="vertical">
          <Typography.Text strong>{c.childName}</Typography.Text>
          <Typography.Text type="secondary">
            {sexLabel(c.childSex)}
            {c.ageNowYears !== null && ` · ${t('ageNow', { count: c.ageNowYears })}`}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'status', title: t('fields.status'), render: (_, c) => <CaseStatusTags {...c} /> },
    { key: 'lastSeenAt', title: t('fields.lastSeenAt'), render: (_, c) => formatDateTime(c.lastSeenAt) },
    { key: 'reportedAt', title: t('fields.reportedAt'), render: (_, c) => formatDate(c.reportedAt) },
    { key: 'unit', title: t('fields.unit'), dataIndex: 'unitName' },
    { key: 'lastActionAt', title: t('fields.lastActionAt'), render: (_, c) => formatDateTime(c.lastActionAt) },
    ...extra,
  ]
}
