import { Link } from 'react-router'
import { Alert, Button, Card, Result, Space, Typography } from 'antd'
import { SearchOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'

interface ReceiptCardProps {
  receipt: string
  /** Photos that did not go up with the tip: the tipster can add them on the status page. */
  photosFailed: number
  onAnother(): void
}

/**
 * The receipt code, shown this once (the server keeps only its hash): large, copyable, and with a plain warning that
 * it cannot be shown again. The status page gets it through the router's state, not the address bar.
 */
export function ReceiptCard({ receipt, photosFailed, onAnother }: ReceiptCardProps) {
  const { t } = useTranslation('clues')
  return (
    <Card data-testid="tip-receipt-card">
      <Result status="success" title={t('public.receipt.title')} subTitle={t('public.receipt.thanks')} style={{ padding: '16px 0' }} />
      <Alert type="warning" showIcon title={t('public.receipt.writeDown')} description={t('public.receipt.onlyOnce')} />
      <Typography.Paragraph copyable={{ text: receipt }} className="ty-receipt-code" data-testid="tip-receipt">
        {receipt}
      </Typography.Paragraph>
      {photosFailed > 0 && (
        <Alert type="error" showIcon title={t('public.receipt.photosFailed', { count: photosFailed })} style={{ marginBottom: 12 }} />
      )}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Link to="/public/tips/status" state={{ receipt }} data-testid="tip-status-link">
          <Button type="primary" size="large" block icon={<SearchOutlined />}>
            {t('public.receipt.statusLink')}
          </Button>
        </Link>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
          {t('public.receipt.statusHint')}
        </Typography.Paragraph>
        <Button block onClick={onAnother}>
          {t('public.receipt.another')}
        </Button>
      </Space>
    </Card>
  )
}
