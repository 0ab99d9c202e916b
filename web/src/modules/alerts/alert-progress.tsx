import { Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../shared/format.ts'
import { localPath, type AlertMessageView, type AlertWorkspace } from './api.ts'
import { useAlertLabels } from './labels.ts'
import { displayStageNo } from './rings.ts'

type Stage = AlertWorkspace['stages'][number]

/** The staged radius: when each stage falls due, how far it reaches, and whether it went out or was passed over. */
export function StagesTable({ stages }: { stages: Stage[] }) {
  const { t } = useTranslation('alerts')
  const columns: TableColumnsType<Stage> = [
    { key: 'no', title: t('stages.no'), render: (_, s) => displayStageNo(s.stageNo) },
    { key: 'due', title: t('stages.due'), render: (_, s) => formatDateTime(s.dueAt) },
    { key: 'radius', title: t('fields.radius'), render: (_, s) => t('km', { value: s.radiusKm }) },
    {
      key: 'state',
      title: t('stages.state'),
      render: (_, s) =>
        s.skipped ? (
          <Tag>{t('stages.skipped')}</Tag>
        ) : s.sentAt ? (
          <Tag color="success">{t('stages.sentAt', { at: formatDateTime(s.sentAt) })}</Tag>
        ) : (
          <Tag color="processing">{t('stages.waiting')}</Tag>
        ),
    },
  ]
  return (
    <Table<Stage>
      rowKey="stageNo"
      columns={columns}
      dataSource={stages}
      size="small"
      scroll={{ x: 'max-content' }}
      pagination={false}
      locale={{ emptyText: t('stages.empty') }}
      data-testid="alert-stages"
    />
  )
}

/** The messages sent so far, each a CAP 1.2 document anyone may fetch while the alert is active. */
export function MessagesTable({ messages }: { messages: AlertMessageView[] }) {
  const { t } = useTranslation('alerts')
  const { msgTypeLabel } = useAlertLabels()
  const columns: TableColumnsType<AlertMessageView> = [
    { key: 'seq', title: t('messages.seq'), dataIndex: 'seq' },
    {
      key: 'type',
      title: t('messages.type'),
      render: (_, m) => (
        <Tag color={m.msgType === 'Cancel' ? 'default' : m.msgType === 'Alert' ? 'red' : 'orange'}>{msgTypeLabel(m.msgType)}</Tag>
      ),
    },
    { key: 'radius', title: t('fields.radius'), render: (_, m) => (m.msgType === 'Cancel' ? '—' : t('km', { value: m.radiusKm })) },
    { key: 'sent', title: t('messages.sentAt'), render: (_, m) => formatDateTime(m.sentAt) },
    {
      key: 'cap',
      title: t('messages.cap'),
      render: (_, m) => (
        <Typography.Link href={localPath(m.capUrl)} target="_blank" rel="noopener" data-testid="alert-cap-link">
          {t('messages.capLink')}
        </Typography.Link>
      ),
    },
  ]
  return (
    <Table<AlertMessageView>
      rowKey="id"
      columns={columns}
      dataSource={messages}
      size="small"
      scroll={{ x: 'max-content' }}
      pagination={false}
      locale={{ emptyText: t('messages.empty') }}
      data-testid="alert-messages"
    />
  )
}
