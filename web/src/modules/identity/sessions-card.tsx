import { App, Button, Card, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { useReportError } from '../../api/errors.ts'
import { useLoad } from '../../api/use-load.ts'
import { formatDateTime } from '../../shared/format.ts'
import { LoadError } from '../../shared/load-error.tsx'
import { listSessions, revokeSession, type SessionView } from './api.ts'

/** Where the user is signed in; any other session can be ended from here (a lost laptop, a shared PC). */
export function SessionsCard() {
  const { t } = useTranslation('auth')
  const { message } = App.useApp()
  const reportError = useReportError()
  const sessions = useLoad(listSessions)

  const onRevoke = async (session: SessionView) => {
    try {
      await revokeSession(session.id)
      void message.success(t('sessions.revoked'))
      sessions.reload()
    } catch (error) {
      reportError(error)
    }
  }

  const columns: TableColumnsType<SessionView> = [
    {
      title: t('sessions.device'),
      key: 'device',
      render: (_, s) => (
        <>
          <Typography.Text ellipsis={{ tooltip: s.userAgent }} style={{ maxWidth: 280 }}>
            {s.userAgent ?? t('sessions.unknownDevice')}
          </Typography.Text>
          {s.current && (
            <Tag color="blue" style={{ marginLeft: 8 }}>
              {t('sessions.current')}
            </Tag>
          )}
        </>
      ),
    },
    { title: t('sessions.ip'), dataIndex: 'ip', key: 'ip', render: (ip: string | null) => ip ?? '—' },
    { title: t('sessions.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime },
    { title: t('sessions.lastSeenAt'), dataIndex: 'lastSeenAt', key: 'lastSeenAt', render: formatDateTime },
    { title: t('sessions.expiresAt'), dataIndex: 'expiresAt', key: 'expiresAt', render: formatDateTime },
    {
      title: t('common:fields.actions'),
      key: 'actions',
      render: (_, s) =>
        !s.current && (
          <Popconfirm title={t('sessions.confirmRevoke')} onConfirm={() => void onRevoke(s)}>
            <Button type="link" size="small" danger>
              {t('sessions.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ]

  return (
    <Card title={t('sessions.title')}>
      <LoadError error={sessions.error} onRetry={sessions.reload} />
      <Table<SessionView>
        rowKey="id"
        columns={columns}
        dataSource={sessions.data ?? []}
        loading={sessions.isLoading}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
      />
    </Card>
  )
}
