import { useState } from 'react'
import { App, Button, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useReportError } from '../../api/errors.ts'
import { useLoad } from '../../api/use-load.ts'
import { useAuth } from '../../auth/auth-context.tsx'
import { formatDate, formatDateTime } from '../../shared/format.ts'
import { LoadError } from '../../shared/load-error.tsx'
import { PageHeader } from '../../shared/page-header.tsx'
import { listApiKeys, listUnits, revokeApiKey, type ApiKeyView } from './api.ts'
import { ApiKeyCreateModal } from './api-key-create-modal.tsx'
import { ApiKeySecretModal } from './api-key-secret-modal.tsx'

const isExpired = (key: ApiKeyView) => key.expiresAt !== null && dayjs(key.expiresAt).isBefore(dayjs())

/** Keys that partner systems use to call the API: list, create (secret shown once), revoke. */
export default function ApiKeysPage() {
  const { t } = useTranslation('identity')
  const { me } = useAuth()
  const { message } = App.useApp()
  const reportError = useReportError()
  const keys = useLoad(listApiKeys)
  const units = useLoad(listUnits)
  const [isCreating, setIsCreating] = useState(false)
  const [created, setCreated] = useState<{ secret: string; name: string } | null>(null)

  const onRevoke = async (key: ApiKeyView) => {
    try {
      await revokeApiKey(key.id)
      void message.success(t('apiKeys.revoked', { name: key.name }))
      keys.reload()
    } catch (error) {
      reportError(error)
    }
  }

  const columns: TableColumnsType<ApiKeyView> = [
    { title: t('apiKeys.fields.name'), dataIndex: 'name', key: 'name' },
    { title: t('apiKeys.fields.prefix'), dataIndex: 'prefix', key: 'prefix', render: (v: string) => <span className="ty-mono">{v}</span> },
    { title: t('apiKeys.fields.unit'), dataIndex: 'unitName', key: 'unitName' },
    {
      title: t('apiKeys.fields.scopes'),
      dataIndex: 'scopes',
      key: 'scopes',
      render: (scopes: string[]) => (
        <Space size={[0, 4]} wrap>
          {scopes.map((s) => (
            <Tag key={s} className="ty-mono">
              {s}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('apiKeys.fields.status'),
      key: 'status',
      render: (_, key) =>
        key.revokedAt ? (
          <Tag>{t('apiKeys.status.revoked')}</Tag>
        ) : isExpired(key) ? (
          <Tag color="orange">{t('apiKeys.status.expired')}</Tag>
        ) : (
          <Tag color="green">{t('apiKeys.status.active')}</Tag>
        ),
    },
    { title: t('common:fields.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatDate },
    {
      title: t('apiKeys.fields.expiresAt'),
      dataIndex: 'expiresAt',
      key: 'expiresAt',
      render: (v: string | null) => (v ? formatDate(v) : t('apiKeys.neverExpires')),
    },
    { title: t('apiKeys.fields.lastUsedAt'), dataIndex: 'lastUsedAt', key: 'lastUsedAt', render: formatDateTime },
    {
      title: t('common:fields.actions'),
      key: 'actions',
      render: (_, key) =>
        !key.revokedAt && (
          <Popconfirm title={t('apiKeys.confirmRevoke', { name: key.name })} onConfirm={() => void onRevoke(key)}>
            <Button type="link" size="small" danger>
              {t('apiKeys.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ]

  return (
    <>
      <PageHeader
        title={t('apiKeys.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="api-key-create">
            {t('apiKeys.create')}
          </Button>
        }
      />
      <LoadError error={keys.error} onRetry={keys.reload} />
      <Table<ApiKeyView>
        rowKey="id"
        columns={columns}
        dataSource={keys.data ?? []}
        loading={keys.isLoading}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
      <ApiKeyCreateModal
        open={isCreating}
        units={units.data ?? []}
        defaultUnitId={me?.unit.id ?? null}
        onClose={() => setIsCreating(false)}
        onCreated={(secret, name) => {
          setIsCreating(false)
          setCreated({ secret, name })
          keys.reload()
        }}
      />
      <ApiKeySecretModal secret={created?.secret ?? null} name={created?.name ?? ''} onClose={() => setCreated(null)} />
    </>
  )
}
