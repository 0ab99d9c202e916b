import { Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime, fromNow } from '../../shared/format.ts'
import type { DeadlineStatus, DeadlineView } from './api.ts'

const STATUS_COLOR: Record<DeadlineStatus, string> = {
  open: 'blue',
  overdue: 'red',
  escalated: 'volcano',
  done: 'green',
  cancelled: 'default',
}

/** A list of deadlines with the time left (or overdue by) next to the absolute due time. */
export function DeadlineTable({ items, isLoading, testId }: { items: DeadlineView[]; isLoading: boolean; testId?: string }) {
  const { t } = useTranslation('deadlines')
  // Kinds contain dots ("dna.hit_review"), so their names sit in one flat object looked up directly.
  const kindLabel = (kind: string) => (t('kindNames', { returnObjects: true }) as Record<string, string>)[kind] ?? kind
  const columns: TableColumnsType<DeadlineView> = [
    { title: t('fields.title'), dataIndex: 'title', key: 'title' },
    { title: t('fields.kind'), dataIndex: 'kind', key: 'kind', render: (kind: string) => kindLabel(kind) },
    { title: t('fields.unit'), dataIndex: 'unitName', key: 'unitName' },
    {
      title: t('fields.dueAt'),
      dataIndex: 'dueAt',
      key: 'dueAt',
      render: (dueAt: string) => (
        <>
          <div>{formatDateTime(dueAt)}</div>
          <Typography.Text type="secondary">{fromNow(dueAt)}</Typography.Text>
        </>
      ),
    },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      key: 'status',
      render: (status: DeadlineStatus) => <Tag color={STATUS_COLOR[status]}>{t(`statuses.${status}`)}</Tag>,
    },
  ]
  return (
    <Table<DeadlineView>
      data-testid={testId}
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={isLoading}
      size="small"
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('empty') }}
    />
  )
}
