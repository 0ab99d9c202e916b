import { useState } from 'react'
import { App, Button, Card, Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import { useReportError } from '../../api/errors.ts'
import { changePassword } from './api.ts'

interface PasswordFields {
  currentPassword: string
  newPassword: string
  confirmPassword: string
}

/** Change one's own password; the server enforces the policy and answers weak ones on the field. */
export function PasswordCard() {
  const { t } = useTranslation('auth')
  const { message } = App.useApp()
  const reportError = useReportError()
  const [form] = Form.useForm<PasswordFields>()
  const [isSaving, setIsSaving] = useState(false)

  const onFinish = async ({ currentPassword, newPassword }: PasswordFields) => {
    setIsSaving(true)
    try {
      await changePassword({ currentPassword, newPassword })
      form.resetFields()
      void message.success(t('password.changed'))
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsSaving(false)
    }
  }

  return (
    <Card title={t('password.title')}>
      <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} style={{ maxWidth: 420 }}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.policy')}
          rules={[{ required: true, message: t('password.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.required') },
            ({ getFieldValue }) => ({
              validator: async (_, value: string) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'))
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isSaving}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  )
}
