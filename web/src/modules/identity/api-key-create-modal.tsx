import { useState } from 'react'
import { DatePicker, Form, Input, Modal, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useReportError } from '../../api/errors.ts'
import { createApiKey, type UnitView } from './api.ts'
import { UnitSelect } from './unit-select.tsx'

interface ApiKeyFields {
  name: string
  unitId: string
  scopes: string[]
  expiresAt?: Dayjs | null
}

interface ApiKeyCreateModalProps {
  open: boolean
  units: readonly UnitView[]
  defaultUnitId: string | null
  onClose(): void
  onCreated(secret: string, name: string): void
}

/** A key for a partner system: acts for one unit, limited to the listed scopes. */
export function ApiKeyCreateModal({ open, units, defaultUnitId, onClose, onCreated }: ApiKeyCreateModalProps) {
  const { t } = useTranslation('identity')
  const reportError = useReportError()
  const [form] = Form.useForm<ApiKeyFields>()
  const [isSaving, setIsSaving] = useState(false)

  const onFinish = async (values: ApiKeyFields) => {
    setIsSaving(true)
    try {
      const created = await createApiKey({
        name: values.name.trim(),
        unitId: values.unitId,
        scopes: values.scopes,
        // A key expires at the end of the chosen day, local time.
        ...(values.expiresAt ? { expiresAt: values.expiresAt.endOf('day').toISOString() } : {}),
      })
      onCreated(created.secret, created.apiKey.name)
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsSaving(false)
    }
  }

  return (
    <Modal
      open={open}
      title={t('apiKeys.form.title')}
      okText={t('common:actions.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ unitId: defaultUnitId, scopes: [] }} onFinish={(v) => void onFinish(v)}>
        <Form.Item
          name="name"
          label={t('apiKeys.fields.name')}
          rules={[{ required: true, max: 80, message: t('apiKeys.form.nameRequired') }]}
        >
          <Input maxLength={80} placeholder={t('apiKeys.form.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="unitId" label={t('apiKeys.fields.unit')} rules={[{ required: true, message: t('apiKeys.form.unitRequired') }]}>
          <UnitSelect units={units} />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('apiKeys.fields.scopes')}
          extra={t('apiKeys.form.scopesHint')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('apiKeys.form.scopesRequired') },
            {
              validator: async (_, scopes: string[] = []) => {
                if (scopes.some((s) => !/^[a-z_]+(\.[a-z_]+)+$/.test(s))) throw new Error(t('apiKeys.form.scopeFormat'))
              },
            },
          ]}
        >
          <Select mode="tags" tokenSeparators={[',', ' ', '，']} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('apiKeys.fields.expiresAt')} extra={t('apiKeys.form.expiresHint')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
