import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { Alert, Button, Card, Divider, Empty, Space, Spin, Typography } from 'antd'
import { AimOutlined, PhoneOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { BrandMark } from '../../layout/brand-mark.tsx'
import { LanguageSwitch } from '../../layout/language-switch.tsx'
import { LoadError } from '../../shared/load-error.tsx'
import { listPublicDivisions, searchPublicCollectionPoints, type PublicCollectionPointView } from './api.ts'
import { DivisionPicker } from './division-picker.tsx'
import { roundCoordinate, widerDivision } from './format.ts'
import { PointCard } from './point-card.tsx'

type LocationState = 'idle' | 'locating' | 'denied' | 'unavailable' | 'failed'

interface Here {
  lat: number
  lon: number
}

const NEAREST = 10
const DIVISION_PARAM = 'division'

/**
 * 查找附近的免费采血点: no sign-in, phone first. The family's location (when they allow it) or a chosen
 * division finds the points; `?division=440305` opens a division directly, e.g. from a poster's QR code.
 */
export default function PublicCollectionPointsPage() {
  const { t } = useTranslation('collectionPoints')
  const [params, setParams] = useSearchParams()
  const division = params.get(DIVISION_PARAM)
  const [here, setHere] = useState<Here | null>(null)
  const [locationState, setLocationState] = useState<LocationState>('idle')

  const results = useLoad<PublicCollectionPointView[] | null>(async () => {
    if (division) return searchPublicCollectionPoints({ division, ...(here ? { lat: here.lat, lon: here.lon } : {}) })
    if (here) return searchPublicCollectionPoints({ lat: here.lat, lon: here.lon, limit: NEAREST })
    return null
  }, [division, here?.lat, here?.lon])

  const chooseDivision = (code: string | null) => setParams(code ? { [DIVISION_PARAM]: code } : {}, { replace: true })

  const locate = () => {
    if (!window.isSecureContext || !('geolocation' in navigator)) {
      setLocationState('unavailable')
      return
    }
    setLocationState('locating')
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocationState('idle')
        chooseDivision(null)
        setHere({ lat: roundCoordinate(position.coords.latitude), lon: roundCoordinate(position.coords.longitude) })
      },
      (error) => setLocationState(error.code === error.PERMISSION_DENIED ? 'denied' : 'failed'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 10 * 60_000 },
    )
  }

  const wider = division ? widerDivision(division) : null
  const points = results.data

  return (
    <div className="ty-public">
      <header className="ty-public-header">
        <Link to="/public/collection-points" className="ty-public-brand" onClick={() => setHere(null)}>
          <BrandMark size={28} />
          <span className="ty-brand-name">{t('common:app.name')}</span>
        </Link>
        <LanguageSwitch />
      </header>
      <main className="ty-public-main">
        <Typography.Title level={2} data-testid="public-title">
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
            loading={locationState === 'locating'}
            onClick={locate}
            data-testid="public-locate"
          >
            {locationState === 'locating' ? t('public.locating') : t('public.locate')}
          </Button>
          {locationState !== 'idle' && locationState !== 'locating' && (
            <Alert type="info" showIcon title={t(`public.location.${locationState}`)} style={{ marginTop: 12 }} />
          )}
          <Divider plain>{t('public.orChoose')}</Divider>
          <DivisionPicker
            load={listPublicDivisions}
            value={division}
            onChange={chooseDivision}
            placeholder={t('public.divisionPlaceholder')}
            size="large"
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
            {t('public.privacy')}
          </Typography.Paragraph>
        </Card>

        <section className="ty-public-results" aria-live="polite">
          <LoadError error={results.error} onRetry={results.reload} />
          <Spin spinning={results.isLoading && (division !== null || here !== null)}>
            {points && (
              <>
                <Typography.Title level={4}>
                  {division ? t('public.divisionTitle', { count: points.length }) : t('public.nearestTitle')}
                </Typography.Title>
                {points.length === 0 ? (
                  <Empty description={t(division ? 'public.noneInDivision' : 'public.none')}>
                    {wider && (
                      <Button onClick={() => chooseDivision(wider)} data-testid="public-widen">
                        {t('public.widen')}
                      </Button>
                    )}
                  </Empty>
                ) : (
                  <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                    {points.map((point) => (
                      <PointCard key={point.id} point={point} />
                    ))}
                  </Space>
                )}
              </>
            )}
          </Spin>
        </section>
      </main>
      <footer className="ty-public-footer">
        <Typography.Text type="secondary">{t('public.footer')}</Typography.Text>
        <Link to="/login">{t('public.staffLogin')}</Link>
      </footer>
    </div>
  )
}
