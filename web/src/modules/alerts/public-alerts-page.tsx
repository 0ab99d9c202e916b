import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { Alert, Button, Card, Divider, Empty, Space, Spin, Typography } from 'antd'
import { AimOutlined, PhoneOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { DivisionPicker } from '../collection-points/division-picker.tsx'
import { listPublicAlerts, listPublicDivisions } from './api.ts'
import { AlertCard } from './alert-card.tsx'
import { AlertLoadError } from './errors.tsx'
import { useGeolocation, type Here } from './geolocate.ts'
import { PublicFrame } from './public-frame.tsx'
import { PushSubscribe } from './push-subscribe.tsx'

const DIVISION_PARAM = 'division'

/**
 * 团圆 alerts for the public: every active alert, nearest first once the browser shares its location, or
 * those of a chosen province, city or county (`?division=4403` opens one from a link). No sign-in.
 */
export default function PublicAlertsPage() {
  const { t } = useTranslation('alerts')
  const [params, setParams] = useSearchParams()
  const division = params.get(DIVISION_PARAM)
  const [here, setHere] = useState<Here | null>(null)
  const geolocation = useGeolocation()

  // The answer carries what it answers, so that the heading never describes a list still on its way.
  const alerts = useLoad(async () => {
    const list = await listPublicAlerts({ ...(division ? { division } : {}), ...(here ? { lat: here.lat, lon: here.lon } : {}) })
    return { list, division, isNear: here !== null }
  }, [division, here?.lat, here?.lon])

  const chooseDivision = (code: string | null) => setParams(code ? { [DIVISION_PARAM]: code } : {}, { replace: true })
  const locate = async () => {
    const found = await geolocation.locate()
    if (!found) return
    chooseDivision(null)
    setHere(found)
  }

  const list = alerts.data?.list
  const heading = alerts.data?.division
    ? t('public.inDivision', { count: list?.length ?? 0 })
    : alerts.data?.isNear
      ? t('public.nearest')
      : t('public.allActive')
  const locationNote = geolocation.state !== 'idle' && geolocation.state !== 'locating' ? geolocation.state : null

  return (
    <PublicFrame>
      <Typography.Title level={2} data-testid="public-alerts-title">
        {t('public.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('public.intro')}</Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        title={t('public.emergency')}
        action={
          <Button size="small" danger href="tel:110" icon={<PhoneOutlined />}>
            {t('public.call110')}
          </Button>
        }
        style={{ marginBottom: 16 }}
      />
      <Card>
        <Button
          type="primary"
          size="large"
          block
          icon={<AimOutlined />}
          loading={geolocation.state === 'locating'}
          onClick={() => void locate()}
          data-testid="public-alerts-locate"
        >
          {geolocation.state === 'locating' ? t('public.locating') : t('public.locate')}
        </Button>
        {locationNote && <Alert type="info" showIcon title={t(`public.location.${locationNote}`)} style={{ marginTop: 12 }} />}
        <Divider plain>{t('public.orChoose')}</Divider>
        <DivisionPicker
          load={listPublicDivisions}
          value={division}
          onChange={chooseDivision}
          placeholder={t('public.divisionPlaceholder')}
          size="large"
        />
      </Card>

      <section className="ty-public-results" aria-live="polite">
        <AlertLoadError error={alerts.error} onRetry={alerts.reload} />
        <Spin spinning={alerts.isLoading}>
          {list && (
            <>
              <Typography.Title level={4} data-testid="public-alerts-heading">
                {heading}
              </Typography.Title>
              {list.length === 0 ? (
                <Empty description={t(alerts.data?.division ? 'public.noneInDivision' : 'public.none')} />
              ) : (
                <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                  {list.map((alert) => (
                    <AlertCard key={alert.id} alert={alert} />
                  ))}
                </Space>
              )}
            </>
          )}
        </Spin>
      </section>

      <PushSubscribe />
    </PublicFrame>
  )
}
