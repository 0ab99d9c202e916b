import { useState } from 'react'
import { App, Button, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { KeyOutlined, PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { formatDateTime } from '../../shared/format.ts'
import { PageHeader } from '../../shared/page-header.tsx'
import { listPartners, rotatePartnerSecret, updatePartner, type PartnerView } from './api.ts'
import { AlertLoadError, useAlertReportError } from './errors.tsx'
import { PartnerFormModal, PartnerSecretModal } from './partner-modals.tsx'

/** The form: closed, a new partner, or one being edited. */
type Editing = { partner: PartnerView | null } | null

/** Partner apps that relay alerts to their own users, by signed webhooks (Standard Webhooks). National level only. */
export default function PartnersPage() {
  const { t } = useTranslation('alerts')
  const { message } = App.useApp()
  const reportError = useAlertReportError()
  const partners = useLoad(listPartners)
  const [editing, setEditing] = useState<Editing>(null)
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null)

  const rotate = async (partner: PartnerView) => {
    try {
      const rotated = await rotatePartnerSecret(partner.id)
      setSecret({ name: rotated.partner.name, secret: rotated.secret })
      partners.reload()
    } catch (error) {
      reportError(error)
    }
  }

  const setActive = async (partner: PartnerView, active: boolean) => {
    try {
      await updatePartner(partner.id, { active })
      void message.success(active ? t('partners.activated') : t('partners.deactivated'))
      partners.reload()
    } catch (error) {
      reportError(error)
    }
  }

  const columns: TableColumnsType<PartnerView> = [
    { key: 'name', title: t('partners.name'), dataIndex: 'name' },
    { key: 'endpoint', title: t('partners.endpoint'), render: (_, p) => <span className="ty-mono">{p.endpointUrl}</span> },
    {
      key: 'active',
      title: t('fields.status'),
      render: (_, p) => <Tag color={p.active ? 'success' : 'default'}>{p.active ? t('partners.active') : t('partners.inactive')}</Tag>,
    },
    {
      key: 'rotation',
      title: t('partners.previousSecret'),
      render: (_, p) => (p.previousSecretExpiresAt ? t('partners.previousUntil', { at: formatDateTime(p.previousSecretExpiresAt) }) : '—'),
    },
    { key: 'created', title: t('common:fields.createdAt'), render: (_, p) => formatDateTime(p.createdAt) },
    {
      key: 'actions',
      title: t('common:fields.actions'),
      render: (_, p) => (
        <Space size={4} wrap>
          <Button size="small" type="link" onClick={() => setEditing({ partner: p })}>
            {t('common:actions.edit')}
          </Button>
          <Popconfirm title={t('partners.rotateConfirm')} description={t('partners.rotateDetail')} onConfirm={() => rotate(p)}>
            <Button size="small" type="link" icon={<KeyOutlined />} data-testid="partner-rotate">
              {t('partners.rotate')}
            </Button>
          </Popconfirm>
          {p.active ? (
            <Popconfirm title={t('partners.deactivateConfirm')} onConfirm={() => setActive(p, false)}>
              <Button size="small" type="link" danger data-testid="partner-deactivate">
                {t('partners.deactivate')}
              </Button>
            </Popconfirm>
          ) : (
            <Button size="small" type="link" onClick={() => void setActive(p, true)}>
              {t('partners.activate')}
            </Button>
          )}
        </Space>
      ),
    },
  ]

  return (
    <>
      <PageHeader
        title={t('partners.title')}
        testId="partners-title"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ partner: null })} data-testid="partner-new">
            {t('partners.new')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('partners.intro')}</Typography.Paragraph>
      <AlertLoadError error={partners.error} onRetry={partners.reload} />
      <Table<PartnerView>
        rowKey="id"
        columns={columns}
        dataSource={partners.data ?? []}
        loading={partners.isLoading}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('partners.empty') }}
        data-testid="partners-table"
      />
      <PartnerFormModal
        open={editing !== null}
        partner={editing?.partner ?? null}
        onClose={() => setEditing(null)}
        onSaved={(partner, newSecret) => {
          setEditing(null)
          if (newSecret) setSecret({ name: partner.name, secret: newSecret })
          else void message.success(t('partners.saved'))
          partners.reload()
        }}
      />
      <PartnerSecretModal secret={secret?.secret ?? null} name={secret?.name ?? ''} onClose={() => setSecret(null)} />
    </>
  )
}
