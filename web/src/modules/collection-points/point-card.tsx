import { Card, Space, Typography } from 'antd'
import { ClockCircleOutlined, EnvironmentOutlined, InfoCircleOutlined, PhoneOutlined, SafetyOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { PublicCollectionPointView } from './api.ts'
import { formatDistance, telHref } from './format.ts'

/** One point as a family sees it: where, how far, when, and a number to call. */
export function PointCard({ point }: { point: PublicCollectionPointView }) {
  const { t } = useTranslation('collectionPoints')
  const href = point.phone ? telHref(point.phone) : null
  return (
    <Card
      size="small"
      title={<span style={{ whiteSpace: 'normal' }}>{point.name}</span>}
      extra={point.distanceKm !== null && <Typography.Text strong>{formatDistance(t, point.distanceKm)}</Typography.Text>}
      data-testid="collection-point-card"
    >
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Typography.Text>
          <EnvironmentOutlined aria-label={t('public.address')} /> {point.address}
          <Typography.Text type="secondary"> · {point.divisionName}</Typography.Text>
        </Typography.Text>
        {point.phone && (
          <Typography.Text>
            <PhoneOutlined aria-label={t('public.phone')} /> {href ? <a href={href}>{point.phone}</a> : point.phone}
          </Typography.Text>
        )}
        {point.hours && (
          <Typography.Text>
            <ClockCircleOutlined aria-label={t('public.hours')} /> {point.hours}
          </Typography.Text>
        )}
        {point.notes && (
          <Typography.Text type="secondary">
            <InfoCircleOutlined aria-label={t('public.notes')} /> {point.notes}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          <SafetyOutlined aria-label={t('public.unit')} /> {point.unitName}
        </Typography.Text>
      </Space>
    </Card>
  )
}
