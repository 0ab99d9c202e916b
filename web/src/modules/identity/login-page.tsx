import { useState } from 'react'
import { Link } from 'react-router'
import { Alert, Button, Card, Form, Input, Typography } from 'antd'
import { EnvironmentOutlined, LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/client.ts'
import { applyFieldErrors, describeError } from '../../api/errors.ts'
import { useAuth } from '../../auth/auth-context.tsx'
import { BrandMark } from '../../layout/brand-mark.tsx'
import { LanguageSwitch } from '../../layout/language-switch.tsx'
import { login } from './api.ts'

interface LoginFields {
  username: string
  password: string
  totpCode?: string
}

/** Sign-in by user name and password; asks for the authenticator code only when the server wants one. */
export function LoginPage() {
  const { t } = useTranslation('auth')
  const { signIn } = useAuth()
  const [form] = Form.useForm<LoginFields>()
  const [needsTotp, setNeedsTotp] = useState(false)
  const [isSubmitting, setIsSubmitting] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  const onFinish = async (values: LoginFields) => {
    setIsSubmitting(true)
    setFailure(null)
    try {
      const result = await login({
        username: values.username.trim(),
        password: values.password,
        ...(needsTotp && values.totpCode ? { totpCode: values.totpCode } : {}),
      })
      signIn(result.user, result.csrfToken)
    } catch (error) {
      if (isApiError(error) && error.code === 'auth.totp_required') {
        setNeedsTotp(true)
      } else if (isApiError(error) && error.code === 'auth.totp_invalid') {
        form.setFields([{ name: 'totpCode', value: '', errors: [describeError(t, error)] }])
      } else if (!applyFieldErrors(t, form, error)) {
        setFailure(describeError(t, error))
      }
    } finally {
      setIsSubmitting(false)
    }
  }

  return (
    <div className="ty-login">
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Card className="ty-login-card">
        <div className="ty-login-heading">
          <BrandMark size={40} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('common:app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('common:app.title')}</Typography.Text>
          </div>
        </div>
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void onFinish(v)} disabled={isSubmitting}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input name="username" prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password name="password" prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          {needsTotp && (
            <>
              <Alert type="info" showIcon title={t('login.totpPrompt')} style={{ marginBottom: 16 }} />
              <Form.Item
                name="totpCode"
                label={t('login.totpCode')}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpCodeFormat') }]}
              >
                <Input
                  name="totpCode"
                  prefix={<SafetyOutlined />}
                  inputMode="numeric"
                  maxLength={6}
                  autoComplete="one-time-code"
                  autoFocus
                  size="large"
                />
              </Form.Item>
            </>
          )}
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="login-error" />}
          <Button type="primary" htmlType="submit" block size="large" loading={isSubmitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24 }}>
        {t('login.notice')}
      </Typography.Text>
      {/* For families who land here looking for help: the public finder needs no account. */}
      <Link to="/public/collection-points" className="ty-login-public-link" data-testid="public-collection-points-link">
        <EnvironmentOutlined /> {t('collectionPoints:public.loginLink')}
      </Link>
    </div>
  )
}
