import { useParams } from 'react-router'
import { Alert, Button, Card, Descriptions, Spin, Tag, Typography, type DescriptionsProps } from 'antd'
import { PhoneOutlined, UserOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/client.ts'
import { useLoad } from '../../api/use-load.ts'
import { formatDate } from '../../shared/format.ts'
import { PublicFrame } from '../alerts/public-frame.tsx'
import { telHref } from '../collection-points/format.ts'
import { getPublicWanted, publicWantedPhotoUrl, type PublicWantedNoticeView } from './api.ts'
import { CaseLoadError } from './errors.tsx'
import { PublicGone } from '../../shared/public-gone.tsx'
import { rewardLine, suspectLine } from './wanted-card.tsx'
import './cases.css'

/** Revoked or never published: the public is told the notice no longer stands, nothing more. */
function Gone() {
  const { t } = useTranslation('cases')
  return (
    <PublicGone
      title={t('wanted.public.gone')}
      detail={t('wanted.public.goneDetail')}
      back={t('wanted.public.back')}
      backTo="/public/wanted"
      testId="public-wanted-gone"
    />
  )
}

function Facts({ notice }: { notice: PublicWantedNoticeView }) {
  const { t } = useTranslation('cases')
  const reward = rewardLine(t, notice)
  const items: DescriptionsProps['items'] = [
    { key: 'sexAge', label: t('wanted.public.sexAge'), children: suspectLine(t, notice) },
    ...(notice.suspectAliases ? [{ key: 'aliases', label: t('wanted.fields.suspectAliases'), children: notice.suspectAliases }] : []),
    ...(notice.suspectIdNumber
      ? [{ key: 'id', label: t('fields.idNumber'), children: <span className="ty-mono">{notice.suspectIdNumber}</span> }]
      : []),
    ...(reward
      ? [
          {
            key: 'reward',
            label: t('wanted.fields.reward'),
            children: (
              <Typography.Text type="danger" strong>
                {reward}
              </Typography.Text>
            ),
          },
        ]
      : []),
    { key: 'issuer', label: t('wanted.fields.issuingUnit'), children: notice.issuingUnitName },
    { key: 'published', label: t('wanted.fields.publishedAt'), children: formatDate(notice.publishedAt) },
  ]
  return <Descriptions items={items} column={1} size="small" />
}

/** One published notice for the public: photo, description, reward, and the number to call. */
export default function PublicWantedNoticePage() {
  const { id = '' } = useParams()
  const { t } = useTranslation('cases')
  const loaded = useLoad(() => getPublicWanted(id), [id])
  const notice = loaded.data
  const isGone = isApiError(loaded.error) && (loaded.error.status === 404 || loaded.error.status === 400)
  const tel = notice ? telHref(notice.contactPhone) : null

  return (
    <PublicFrame>
      {isGone ? (
        <Gone />
      ) : (
        <>
          <CaseLoadError error={loaded.error} onRetry={loaded.reload} />
          {!notice && loaded.isLoading && (
            <div className="ty-public-results">
              <Spin />
            </div>
          )}
          {notice && (
            <article data-testid="public-wanted-detail">
              <Tag color={notice.class === 'A' ? 'red' : 'orange'}>{t(`wanted.class.${notice.class}`)}</Tag>
              <Typography.Title level={2} style={{ marginTop: 8 }} data-testid="public-wanted-name">
                {t('wanted.public.heading', { name: notice.suspectName })}
              </Typography.Title>
              {notice.hasPhoto ? (
                <img className="ty-wanted-photo" src={publicWantedPhotoUrl(notice.id, 'full')} alt={notice.suspectName} />
              ) : (
                <div className="ty-wanted-photo ty-wanted-thumb-none" aria-hidden="true">
                  <UserOutlined />
                </div>
              )}
              <Card size="small" style={{ marginTop: 16 }}>
                <Typography.Paragraph style={{ fontSize: 16, whiteSpace: 'pre-wrap' }} data-testid="public-wanted-description">
                  {notice.description}
                </Typography.Paragraph>
                <Facts notice={notice} />
              </Card>
              <Card size="small" title={t('wanted.public.infoTitle')} style={{ marginTop: 16 }}>
                <Typography.Paragraph>{t('wanted.public.infoText')}</Typography.Paragraph>
                <Button
                  type="primary"
                  danger
                  size="large"
                  block
                  icon={<PhoneOutlined />}
                  href={tel ?? undefined}
                  disabled={!tel}
                  data-testid="public-wanted-call"
                >
                  {t('wanted.public.call', { phone: notice.contactPhone })}
                </Button>
                <Alert type="info" showIcon title={t('wanted.public.safety')} style={{ marginTop: 12 }} />
              </Card>
            </article>
          )}
        </>
      )}
    </PublicFrame>
  )
}
