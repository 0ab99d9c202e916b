import { Link, useParams } from 'react-router'
import { Alert, Button, Card, Descriptions, Spin, Typography, type DescriptionsProps } from 'antd'
import { FormOutlined, PhoneOutlined, UserOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/client.ts'
import { useLoad } from '../../api/use-load.ts'
import { formatDateTime } from '../../shared/format.ts'
import { telHref } from '../collection-points/format.ts'
import { getPublicAlert, localPath, type PublicAlert } from './api.ts'
import { AlertLoadError } from './errors.tsx'
import { ageAndSex } from './labels.ts'
import { PublicFrame } from './public-frame.tsx'
import { PublicGone } from '../../shared/public-gone.tsx'
import { PushSubscribe } from './push-subscribe.tsx'

/** Ended or never there: the public is told the alert is over, never what became of the child. */
function Ended() {
  const { t } = useTranslation('alerts')
  return (
    <PublicGone
      title={t('public.ended.title')}
      detail={t('public.ended.detail')}
      back={t('public.ended.back')}
      backTo="/public/alerts"
      testId="public-alert-ended"
    />
  )
}

function Facts({ alert }: { alert: PublicAlert }) {
  const { t } = useTranslation('alerts')
  const d = alert.details
  const items: DescriptionsProps['items'] = [
    { key: 'ageSex', label: t('fields.ageSex'), children: ageAndSex(t, d) },
    ...(d.heightCm === null ? [] : [{ key: 'height', label: t('fields.height'), children: t('cm', { value: d.heightCm }) }]),
    { key: 'seenAt', label: t('fields.lastSeenAt'), children: formatDateTime(d.lastSeenAt) },
    { key: 'place', label: t('fields.lastSeenPlace'), children: d.lastSeenPlace },
    ...(d.clothing ? [{ key: 'clothing', label: t('fields.clothing'), children: d.clothing }] : []),
    ...(d.marks ? [{ key: 'marks', label: t('fields.marks'), children: d.marks }] : []),
  ]
  return <Descriptions items={items} column={1} size="small" />
}

/** One active alert for the public: photo, description, where and when last seen, and whom to call. */
export default function PublicAlertPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation('alerts')
  const loaded = useLoad(() => getPublicAlert(id), [id])
  const alert = loaded.data
  const isGone = isApiError(loaded.error) && loaded.error.status === 404
  const tel = alert ? telHref(alert.details.contactPhone) : null

  return (
    <PublicFrame>
      {isGone ? (
        <Ended />
      ) : (
        <>
          <AlertLoadError error={loaded.error} onRetry={loaded.reload} />
          {!alert && loaded.isLoading && (
            <div className="ty-public-results">
              <Spin />
            </div>
          )}
          {alert && (
            <article className="ty-alert-detail" data-testid="public-alert-detail">
              <Typography.Text type="danger" strong>
                {t('public.detailKicker')}
              </Typography.Text>
              <Typography.Title level={2} style={{ marginTop: 4 }} data-testid="public-alert-name">
                {alert.details.childName}
              </Typography.Title>
              {alert.photoUrl ? (
                <img
                  className="ty-alert-photo"
                  src={localPath(alert.photoUrl)}
                  alt={alert.details.childName}
                  data-testid="public-alert-photo"
                />
              ) : (
                <div className="ty-alert-photo ty-alert-thumb-none" aria-hidden="true">
                  <UserOutlined />
                </div>
              )}
              <Card size="small" style={{ marginTop: 16 }}>
                <Typography.Paragraph style={{ fontSize: 16 }} data-testid="public-alert-description">
                  {alert.details.description}
                </Typography.Paragraph>
                <Facts alert={alert} />
              </Card>
              <Card size="small" title={t('public.info.title')} style={{ marginTop: 16 }}>
                <Typography.Paragraph>{t('public.info.text')}</Typography.Paragraph>
                <Button
                  type="primary"
                  danger
                  size="large"
                  block
                  icon={<PhoneOutlined />}
                  href={tel ?? undefined}
                  disabled={!tel}
                  data-testid="public-alert-call"
                >
                  {t('public.info.call', { phone: alert.details.contactPhone })}
                </Button>
                <Link to={`/public/tips/new?alertId=${alert.id}`} data-testid="public-alert-tip">
                  <Button size="large" block icon={<FormOutlined />} style={{ marginTop: 8 }}>
                    {t('clues:public.fromAlert.link')}
                  </Button>
                </Link>
                <Alert type="info" showIcon title={t('public.info.emergency')} style={{ marginTop: 12 }} />
              </Card>
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
                {t('public.publishedAt', { at: formatDateTime(alert.publishedAt) })}
              </Typography.Paragraph>
            </article>
          )}
        </>
      )}
      <PushSubscribe />
    </PublicFrame>
  )
}
