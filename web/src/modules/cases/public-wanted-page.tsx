import { useState } from 'react'
import { Alert, Button, Empty, Pagination, Segmented, Space, Spin, Typography } from 'antd'
import { PhoneOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { PublicFrame } from '../alerts/public-frame.tsx'
import { listPublicWanted, type WantedClass } from './api.ts'
import { CaseLoadError } from './errors.tsx'
import { WantedCard } from './wanted-card.tsx'
import './cases.css'

const PAGE_SIZE = 20

/** 通缉令 for the public: every published notice, class A first if asked, with photo, reward and whom to call. No sign-in. */
export default function PublicWantedPage() {
  const { t } = useTranslation('cases')
  const [noticeClass, setNoticeClass] = useState<WantedClass | 'all'>('all')
  const [page, setPage] = useState(1)
  const notices = useLoad(
    () => listPublicWanted({ ...(noticeClass === 'all' ? {} : { class: noticeClass }), page, pageSize: PAGE_SIZE }),
    [noticeClass, page],
  )
  const list = notices.data

  return (
    <PublicFrame>
      <Typography.Title level={2} data-testid="public-wanted-title">
        {t('wanted.public.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('wanted.public.intro')}</Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        title={t('wanted.public.emergency')}
        action={
          <Button size="small" danger href="tel:110" icon={<PhoneOutlined />}>
            {t('wanted.public.call110')}
          </Button>
        }
        style={{ marginBottom: 16 }}
      />
      <Segmented<WantedClass | 'all'>
        block
        value={noticeClass}
        onChange={(value) => {
          setNoticeClass(value)
          setPage(1)
        }}
        options={[
          { value: 'all', label: t('wanted.public.all') },
          { value: 'A', label: t('wanted.class.A') },
          { value: 'B', label: t('wanted.class.B') },
        ]}
      />
      <section className="ty-public-results" aria-live="polite">
        <CaseLoadError error={notices.error} onRetry={notices.reload} />
        <Spin spinning={notices.isLoading}>
          {list &&
            (list.items.length === 0 ? (
              <Empty description={t('wanted.public.none')} />
            ) : (
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                {list.items.map((notice) => (
                  <WantedCard key={notice.id} notice={notice} />
                ))}
                <Pagination
                  align="center"
                  current={page}
                  pageSize={PAGE_SIZE}
                  total={list.total}
                  hideOnSinglePage
                  onChange={setPage}
                  simple
                />
              </Space>
            ))}
        </Spin>
      </section>
    </PublicFrame>
  )
}
