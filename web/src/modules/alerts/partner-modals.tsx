import { useState } from 'react'
import { Alert, Button, Form, Input, Modal, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { createPartner, updatePartner, type PartnerView } from './api.ts'
import { useAlertReportError } from './errors.tsx'

interface PartnerFields {
  name: string
  endpointUrl: string
}

interface PartnerFormModalProps {
  open: boolean
  /** The partner being edited, or null for a new one. */
  partner: PartnerView | null
  onClose(): void
  /** A new partner comes with its secret, shown once. */
  onSaved(partner: PartnerView, secret: string | null): void
}

/** A new partner app or changes to one: its name and the https endpoint that receives signed webhooks. */
export function PartnerFormModal({ open, partner, onClose, onSaved }: PartnerFormModalProps) {
  const { t } = useTranslation('alerts')
  const reportError = useAlertReportError()
  const [form] = Form.useForm<PartnerFields>()
  const [isSaving, setIsSaving] = useState(false)

  const onFinish = async (values: PartnerFields) => {
    setIsSaving(true)
    const body = { name: values.name.trim(), endpointUrl: values.endpointUrl.trim() }
    try {
      if (partner) onSaved(await updatePartner(partner.id, body), null)
      else {
        const created = await createPartner(body)
        onSaved(created.partner, created.secret)
      }
      form.resetFields()
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsSaving(false)
    }
  }

  return (
    <Modal
      open={open}
      title={partner ? t('partners.editTitle') : t('partners.createTitle')}
      okText={partner ? t('common:actions.save') : t('common:actions.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={partner ? { name: partner.name, endpointUrl: partner.endpointUrl } : {}}
        onFinish={(v) => void onFinish(v)}
      >
        <Form.Item
          name="name"
          label={t('partners.name')}
          rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('partners.nameRule') }]}
        >
          <Input maxLength={100} data-testid="partner-name" />
        </Form.Item>
        <Form.Item
          name="endpointUrl"
          label={t('partners.endpoint')}
          extra={t('partners.endpointHint')}
          // Only the shape here: the server decides which addresses it accepts (https on the public internet).
          rules={[{ required: true, pattern: /^https?:\/\/\S+$/, max: 2000, message: t('partners.endpointRule') }]}
        >
          <Input maxLength={2000} placeholder="https://" data-testid="partner-endpoint" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/** The only time a partner's signing secret is shown: give it to the partner now. */
export function PartnerSecretModal({ secret, name, onClose }: { secret: string | null; name: string; onClose(): void }) {
  const { t } = useTranslation('alerts')
  return (
    <Modal
      open={secret !== null}
      title={t('partners.secretTitle', { name })}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid="partner-secret-done">
          {t('partners.secretDone')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('partners.secretWarning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        copyable={{ text: secret ?? '', tooltips: [t('common:actions.copy'), t('common:actions.copied')] }}
        className="ty-mono"
        style={{ wordBreak: 'break-all', fontSize: 15 }}
        data-testid="partner-secret"
      >
        {secret}
      </Typography.Paragraph>
    </Modal>
  )
}
