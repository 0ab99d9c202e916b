import { useEffect, useState } from 'react'
import { Link, useLocation } from 'react-router'
import { Alert, Button, Card, Form, Input, Spin, Typography } from 'antd'
import { EditOutlined, SearchOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/client.ts'
import { PublicFrame } from '../alerts/public-frame.tsx'
import { getTipStatus, type TipStatusView } from './api.ts'
import { describeClueError } from './errors.tsx'
import { TipAdditionForm } from './tip-addition-form.tsx'
import { TipStatus } from './tip-status-view.tsx'
import './clues.css'

interface Checked {
  receipt: string
  status: TipStatusView
}

/**
 * The tipster's page: their receipt code (typed, or handed over in the router's state from the receipt) shows where
 * the tip stands, and lets them add information and a photo. A wrong code says only that no tip has it.
 */
export default function PublicTipStatusPage() {
  const { t } = useTranslation('clues')
  const location = useLocation()
  const handed = (location.state as { receipt?: string } | null)?.receipt ?? ''
  const [form] = Form.useForm<{ receipt: string }>()
  const [checked, setChecked] = useState<Checked | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [isLoading, setIsLoading] = useState(false)

  const check = async (typed: string) => {
    const receipt = typed.trim()
    setProblem(null)
    setIsLoading(true)
    try {
      setChecked({ receipt, status: await getTipStatus(receipt) })
    } catch (error) {
      setChecked(null)
      setProblem(isApiError(error) && error.status === 404 ? t('public.status.notFound') : describeClueError(t, error))
    } finally {
      setIsLoading(false)
    }
  }

  useEffect(() => {
    if (handed) void check(handed)
  }, [handed])

  return (
    <PublicFrame>
      <Typography.Title level={2} data-testid="tip-status-title">
        {t('public.status.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('public.status.intro')}</Typography.Paragraph>
      <Card size="small">
        <Form
          form={form}
          layout="vertical"
          initialValues={{ receipt: handed }}
          onFinish={(v) => void check(v.receipt)}
          className="ty-public-form"
        >
          <Form.Item
            name="receipt"
            label={t('public.status.receipt')}
            rules={[{ required: true, whitespace: true, message: t('public.status.receiptRequired') }]}
          >
            <Input
              size="large"
              maxLength={40}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              placeholder="XXXXX-XXXXX"
              className="ty-mono"
              data-testid="tip-status-receipt"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            icon={<SearchOutlined />}
            loading={isLoading}
            data-testid="tip-status-check"
          >
            {t('public.status.check')}
          </Button>
        </Form>
      </Card>
      <section aria-live="polite" style={{ marginTop: 16 }}>
        {problem && <Alert type="error" showIcon title={problem} data-testid="tip-status-problem" />}
        <Spin spinning={isLoading}>
          {checked && (
            <>
              <Card size="small" data-testid="tip-status-card">
                <TipStatus status={checked.status} />
              </Card>
              {checked.status.status === 'closed' ? (
                <Alert type="info" showIcon title={t('public.status.closedNote')} style={{ marginTop: 16 }} />
              ) : (
                <TipAdditionForm receipt={checked.receipt} onAdded={(status) => setChecked({ ...checked, status })} />
              )}
            </>
          )}
        </Spin>
      </section>
      <Link to="/public/tips/new">
        <Button type="link" icon={<EditOutlined />} style={{ marginTop: 16, paddingLeft: 0 }}>
          {t('public.status.newTip')}
        </Button>
      </Link>
    </PublicFrame>
  )
}
