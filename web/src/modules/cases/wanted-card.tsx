import { Link } from 'react-router'
import { Button, Card, Tag, Typography } from 'antd'
import { PhoneOutlined, UserOutlined } from '@ant-design/icons'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { telHref } from '../collection-points/format.ts'
import { publicWantedPhotoUrl, type PublicWantedNoticeView } from './api.ts'
import './cases.css'

/** "男 · 1985 年生": what the public reads of the suspect's sex and age. */
export function suspectLine(t: TFunction, notice: PublicWantedNoticeView): string {
  const sex = t(`cases:sex.${notice.suspectSex}`)
  return notice.suspectBirthYear ? `${sex} · ${t('cases:wanted.bornIn', { year: notice.suspectBirthYear })}` : sex
}

/** The reward as the notice words it, with the amount in yuan when given; null when none is offered. */
export function rewardLine(t: TFunction, notice: PublicWantedNoticeView): string | null {
  const amount = notice.rewardAmountCny?.toLocaleString('en')
  if (notice.rewardText && amount) return t('cases:wanted.public.rewardWithAmount', { text: notice.rewardText, amount })
  if (amount) return t('cases:wanted.public.rewardAmount', { amount })
  return notice.rewardText
}

/** One published notice in the public list: photo, who, the description, the reward and whom to call. */
export function WantedCard({ notice }: { notice: PublicWantedNoticeView }) {
  const { t } = useTranslation('cases')
  const reward = rewardLine(t, notice)
  const tel = telHref(notice.contactPhone)
  return (
    <Card size="small" data-testid="public-wanted-card">
      <Link to={`/public/wanted/${notice.id}`} className="ty-wanted-card-link">
        {notice.hasPhoto ? (
          <img className="ty-wanted-thumb" src={publicWantedPhotoUrl(notice.id, 'thumb')} alt={notice.suspectName} loading="lazy" />
        ) : (
          <div className="ty-wanted-thumb ty-wanted-thumb-none" aria-hidden="true">
            <UserOutlined />
          </div>
        )}
        <div className="ty-wanted-card-text">
          <div>
            <Tag color={notice.class === 'A' ? 'red' : 'orange'}>{t(`wanted.class.${notice.class}`)}</Tag>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {notice.suspectName}
            </Typography.Text>
          </div>
          <Typography.Text type="secondary">{suspectLine(t, notice)}</Typography.Text>
          <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: 0 }}>
            {notice.description}
          </Typography.Paragraph>
          {reward && (
            <Typography.Text type="danger" strong>
              {reward}
            </Typography.Text>
          )}
        </div>
      </Link>
      <Button block icon={<PhoneOutlined />} href={tel ?? undefined} disabled={!tel} style={{ marginTop: 12 }}>
        {t('wanted.public.call', { phone: notice.contactPhone })}
      </Button>
    </Card>
  )
}
