import { useState } from 'react'
import { Alert, App, Button, Card, Flex, Form, Input, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useReportError } from '../../api/errors.ts'
import { useAuth } from '../../auth/auth-context.tsx'
import { disableTotp, enableTotp, setupTotp } from './api.ts'
import { TotpQr } from './totp-qr.tsx'

interface Setup {
  secret: string
  otpauthUri: string
}

/** Two-factor sign-in: set up with an authenticator app, confirm with a code; turning it off needs the password. */
export function TotpCard() {
  const { t } = useTranslation('auth')
  const { me, refreshMe } = useAuth()
  const { message } = App.useApp()
  const reportError = useReportError()
  const [setup, setSetup] = useState<Setup | null>(null)
  const [isBusy, setIsBusy] = useState(false)
  const [enableForm] = Form.useForm<{ code: string }>()
  const [disableForm] = Form.useForm<{ password: string }>()

  const run = async (action: () => Promise<void>, form?: Parameters<typeof reportError>[1]) => {
    setIsBusy(true)
    try {
      await action()
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsBusy(false)
    }
  }

  const onSetup = () => run(async () => setSetup(await setupTotp()))
  const onEnable = ({ code }: { code: string }) =>
    run(async () => {
      await enableTotp(code)
      setSetup(null)
      await refreshMe()
      void message.success(t('totp.enabled'))
    }, enableForm)
  const onDisable = ({ password }: { password: string }) =>
    run(async () => {
      await disableTotp(password)
      disableForm.resetFields()
      await refreshMe()
      void message.success(t('totp.disabled'))
    }, disableForm)

  const status = me?.totpEnabled ? <Tag color="green">{t('totp.statusOn')}</Tag> : <Tag>{t('totp.statusOff')}</Tag>

  return (
    <Card title={t('totp.title')} extra={status}>
      {me?.totpEnabled ? (
        <Form form={disableForm} layout="vertical" onFinish={(v) => void onDisable(v)} style={{ maxWidth: 420 }}>
          <Typography.Paragraph>{t('totp.onExplained')}</Typography.Paragraph>
          <Form.Item name="password" label={t('totp.passwordToDisable')} rules={[{ required: true, message: t('password.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button danger htmlType="submit" loading={isBusy}>
            {t('totp.disable')}
          </Button>
        </Form>
      ) : setup ? (
        <Flex gap={24} wrap>
          <TotpQr uri={setup.otpauthUri} />
          <div style={{ flex: '1 1 280px', maxWidth: 420 }}>
            <Typography.Paragraph>{t('totp.scan')}</Typography.Paragraph>
            <Typography.Paragraph>
              {t('totp.orEnter')}
              <Typography.Text code copyable className="ty-mono" data-testid="totp-secret">
                {setup.secret}
              </Typography.Text>
            </Typography.Paragraph>
            <Form form={enableForm} layout="vertical" onFinish={(v) => void onEnable(v)}>
              <Form.Item
                name="code"
                label={t('totp.code')}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpCodeFormat') }]}
              >
                <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" style={{ width: 160 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={isBusy}>
                {t('totp.enable')}
              </Button>
            </Form>
          </div>
        </Flex>
      ) : (
        <>
          <Alert type="info" showIcon title={t('totp.offExplained')} style={{ marginBottom: 16 }} />
          <Button type="primary" onClick={() => void onSetup()} loading={isBusy}>
            {t('totp.setup')}
          </Button>
        </>
      )}
    </Card>
  )
}
