import { Link } from 'react-router'
import { Button, Space, Tag, Typography, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDate, formatDateTime } from '../../shared/format.ts'
import type { SupervisionView } from './api.ts'
import { useCaseLabels } from './labels.ts'
import { labelled } from './format.ts'

/** The next report's due date, red with a tag when overdue, and whether the supervisor has been told. */
export function NextReportDue({ view }: { view: SupervisionView }) {
  const { t } = useTranslation('cases')
  if (view.status === 'lifted')
    return <Typography.Text type="secondary">{t('supervision.liftedOn', { date: formatDate(view.liftedAt) })}</Typography.Text>
  return (
    <Space size={4} wrap>
      <Typography.Text type={view.overdue ? 'danger' : undefined}>{formatDateTime(view.nextReportDueAt)}</Typography.Text>
      {view.overdue && (
        <Tag color="red" data-testid="supervision-overdue">
          {t('supervision.overdue')}
        </Tag>
      )}
      {view.escalatedAt && <Tag color="volcano">{t('supervision.escalated')}</Tag>}
    </Space>
  )
}

/** What is listed: a case (its number, linked) or a key area (its division) with the warning. */
export function SupervisionTarget({ view }: { view: SupervisionView }) {
  const { t } = useTranslation('cases')
  return (
    <Space size={2} orientation="vertical">
      {view.caseId ? (
        <Link to={`/cases/${view.caseId}`} className="ty-mono">
          {view.caseNo}
        </Link>
      ) : (
        <Typography.Text strong>{labelled(t, t('supervision.area'), view.divisionName)}</Typography.Text>
      )}
      {view.warning && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {labelled(t, t('supervision.warning'), view.warning)}
        </Typography.Text>
      )}
    </Space>
  )
}

export function useSupervisionColumns(onOpen: (view: SupervisionView) => void): TableColumnsType<SupervisionView> {
  const { t } = useTranslation('cases')
  const { levelLabel } = useCaseLabels()
  return [
    { key: 'target', title: t('supervision.target'), render: (_, s) => <SupervisionTarget view={s} /> },
    {
      key: 'level',
      title: t('supervision.levelTitle'),
      render: (_, s) => (
        <Space size={2} orientation="vertical">
          <Tag color={s.level === 'ministry' ? 'red' : 'orange'}>{levelLabel(s.level)}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.supervisingUnitName}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'responsible', title: t('supervision.responsibleUnit'), dataIndex: 'responsibleUnitName' },
    { key: 'cycle', title: t('supervision.cycleTitle'), render: (_, s) => t('supervision.cycle', { count: s.reportCycleDays }) },
    { key: 'lastReport', title: t('supervision.lastReportAt'), render: (_, s) => formatDateTime(s.lastReportAt) },
    { key: 'due', title: t('supervision.nextReportDueAt'), render: (_, s) => <NextReportDue view={s} /> },
    {
      key: 'actions',
      title: t('common:fields.actions'),
      render: (_, s) => (
        <Button size="small" onClick={() => onOpen(s)} data-testid="supervision-open">
          {t('supervision.open')}
        </Button>
      ),
    },
  ]
}
