import { Link } from 'react-router'
import { Card, Typography } from 'antd'
import { ClockCircleOutlined, EnvironmentOutlined, UserOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../shared/format.ts'
import { localPath, type PublicAlert } from './api.ts'
import { ageAndSex, formatDistance } from './labels.ts'

/** One active alert in the public list: photo, who, where and when last seen, how far from here. */
export function AlertCard({ alert }: { alert: PublicAlert }) {
  const { t } = useTranslation('alerts')
  const d = alert.details
  return (
    <Link to={`/public/alerts/${alert.id}`} className="ty-alert-card-link" data-testid="public-alert-card">
      <Card size="small" hoverable className="ty-alert-card">
        <div className="ty-alert-card-body">
          {alert.photoUrl ? (
            <img className="ty-alert-thumb" src={localPath(alert.photoUrl)} alt={d.childName} loading="lazy" />
          ) : (
            <div className="ty-alert-thumb ty-alert-thumb-none" aria-hidden="true">
              <UserOutlined />
            </div>
          )}
          <div className="ty-alert-card-text">
            <Typography.Title level={5} style={{ margin: 0 }}>
              {d.childName}
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {' '}
                · {ageAndSex(t, d)}
              </Typography.Text>
            </Typography.Title>
            <Typography.Text>
              <EnvironmentOutlined aria-label={t('fields.lastSeenPlace')} /> {d.lastSeenPlace}
            </Typography.Text>
            <Typography.Text type="secondary">
              <ClockCircleOutlined aria-label={t('fields.lastSeenAt')} /> {formatDateTime(d.lastSeenAt)}
            </Typography.Text>
            {alert.distanceKm !== undefined && (
              <Typography.Text strong data-testid="public-alert-distance">
                {t('public.away', { distance: formatDistance(t, alert.distanceKm) })}
              </Typography.Text>
            )}
          </div>
        </div>
      </Card>
    </Link>
  )
}
