import { Link } from 'react-router'
import { Space, Tag, Typography, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../shared/format.ts'
import type { ClueView } from './api.ts'
import { DueTag } from './due-tag.tsx'
import { kindColor, outcomeColor, statusColor, useClueLabels } from './labels.ts'

/** The kind and the status (with the outcome once closed): what an officer scans a list for. */
export function ClueTags({ clue }: { clue: Pick<ClueView, 'kind' | 'status' | 'outcome'> }) {
  const { kindLabel, statusLabel, outcomeLabel } = useClueLabels()
  return (
    <Space size={4} wrap>
      <Tag color={kindColor(clue.kind)}>{kindLabel(clue.kind)}</Tag>
      <Tag color={statusColor(clue.status)} data-testid="clue-status-tag">
        {statusLabel(clue.status)}
      </Tag>
      {clue.outcome && (
        <Tag color={outcomeColor(clue.outcome)} data-testid="clue-outcome-tag">
          {outcomeLabel(clue.outcome)}
        </Tag>
      )}
    </Space>
  )
}

/** Columns of the inbox: the subject links to the clue's page; sent clues show where they went, received ones their team. */
export function useClueColumns(unitName: (id: string | null) => string, isSent: boolean): TableColumnsType<ClueView> {
  const { t } = useTranslation('clues')
  const { sourceLabel } = useClueLabels()
  return [
    {
      key: 'subject',
      title: t('fields.subject'),
      render: (_, c) => (
        <Space size={2} orientation="vertical" style={{ maxWidth: 360 }}>
          <Link to={`/clues/${c.id}`} data-testid="clue-link">
            {c.subject}
          </Link>
          {c.place?.address && (
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
              {c.place.address}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'tags', title: t('fields.status'), render: (_, c) => <ClueTags clue={c} /> },
    { key: 'source', title: t('fields.source'), render: (_, c) => sourceLabel(c.source) },
    { key: 'due', title: t('fields.dueAt'), render: (_, c) => <DueTag clue={c} /> },
    { key: 'createdAt', title: t('fields.createdAt'), render: (_, c) => formatDateTime(c.createdAt) },
    isSent
      ? { key: 'unit', title: t('fields.routedUnit'), render: (_, c) => unitName(c.routedUnitId) }
      : {
          key: 'team',
          title: t('fields.team'),
          render: (_, c) =>
            c.assignees.length ? (
              t('inbox.teamSize', { count: c.assignees.length })
            ) : (
              <Typography.Text type="secondary">{t('inbox.noTeam')}</Typography.Text>
            ),
        },
  ]
}
