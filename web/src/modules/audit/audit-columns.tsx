import { Tag, Typography, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../shared/format.ts'
import type { AuditEntryView } from './api.ts'
import { useAuditLabels } from './audit-labels.ts'

const OUTCOME_COLOR: Record<AuditEntryView['outcome'], string> = { success: 'green', failure: 'orange', denied: 'red' }

/** Columns of the audit table: who, from which unit, did what to which record, and how it ended. */
export function useAuditColumns(): TableColumnsType<AuditEntryView> {
  const { t } = useTranslation('audit')
  const { actionLabel, resourceTypeLabel } = useAuditLabels()
  const secondary = (text: string | null) =>
    text && (
      <Typography.Text type="secondary" className="ty-mono" style={{ fontSize: 12 }}>
        {text}
      </Typography.Text>
    )
  return [
    // The chain position; an entry committed a moment ago is chained within the second.
    { title: t('fields.seq'), dataIndex: 'seq', key: 'seq', width: 70, render: (seq: number | null) => seq ?? '…' },
    { title: t('fields.occurredAt'), dataIndex: 'occurredAt', key: 'occurredAt', render: formatDateTime, width: 170 },
    {
      title: t('fields.actor'),
      key: 'actor',
      render: (_, e) => (
        <>
          <div>{e.actorName ?? e.actorId ?? '—'}</div>
          <Tag>{t(`actorTypes.${e.actorType}`)}</Tag>
        </>
      ),
    },
    { title: t('fields.unit'), dataIndex: 'unitName', key: 'unitName', render: (v: string | null) => v ?? '—' },
    {
      title: t('fields.action'),
      key: 'action',
      render: (_, e) => {
        const label = actionLabel(e.action)
        return label ? (
          <>
            <div>{label}</div>
            {secondary(e.action)}
          </>
        ) : (
          <span className="ty-mono">{e.action}</span>
        )
      },
    },
    {
      title: t('fields.resource'),
      key: 'resource',
      render: (_, e) =>
        e.resourceType ? (
          <>
            <div>{resourceTypeLabel(e.resourceType)}</div>
            {secondary(e.resourceId)}
          </>
        ) : (
          '—'
        ),
    },
    {
      title: t('fields.outcome'),
      dataIndex: 'outcome',
      key: 'outcome',
      render: (o: AuditEntryView['outcome']) => <Tag color={OUTCOME_COLOR[o]}>{t(`outcomes.${o}`)}</Tag>,
    },
    { title: t('fields.ip'), dataIndex: 'ip', key: 'ip', render: (v: string | null) => secondary(v) ?? '—' },
    { title: t('fields.requestId'), dataIndex: 'requestId', key: 'requestId', render: (v: string | null) => secondary(v) ?? '—' },
  ]
}
