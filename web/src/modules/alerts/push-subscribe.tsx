import { useEffect, useState } from 'react'
import { Alert, Button, Card, Space, Typography } from 'antd'
import { BellOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { currentLanguage } from '../../i18n.ts'
import { describeAlertError } from './errors.tsx'
import { useGeolocation } from './geolocate.ts'
import {
  PushRefused,
  askNotificationPermission,
  currentSubscription,
  pushSupport,
  rememberedSubscription,
  subscribeHere,
  unsubscribeHere,
  type Subscribed,
} from './push.ts'

type State = { kind: 'checking' } | { kind: 'off' } | { kind: 'on'; where: Subscribed | null }

/**
 * "Alerts for my location": Web Push for alerts whose area covers where this phone is now. The place goes to the
 * server rounded to about a kilometre, with no name or account; unsubscribing removes it.
 */
export function PushSubscribe() {
  const { t } = useTranslation('alerts')
  const support = pushSupport()
  const geolocation = useGeolocation()
  const [state, setState] = useState<State>({ kind: 'checking' })
  const [isBusy, setIsBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    if (support !== 'supported') return setState({ kind: 'off' })
    currentSubscription().then(
      (subscription) => setState(subscription ? { kind: 'on', where: rememberedSubscription() } : { kind: 'off' }),
      () => setState({ kind: 'off' }),
    )
  }, [support])

  const run = async (work: () => Promise<State | null>) => {
    setIsBusy(true)
    setProblem(null)
    try {
      const next = await work()
      if (next) setState(next)
    } catch (error) {
      setProblem(error instanceof PushRefused ? t('push.refused') : describeAlertError(t, error))
    } finally {
      setIsBusy(false)
    }
  }

  const subscribe = () =>
    run(async () => {
      await askNotificationPermission()
      const here = await geolocation.locate()
      if (!here) return null
      return { kind: 'on', where: await subscribeHere(here, currentLanguage(), new Date()) }
    })
  const unsubscribe = () =>
    run(async () => {
      await unsubscribeHere()
      return { kind: 'off' }
    })

  const locationNote = geolocation.state !== 'idle' && geolocation.state !== 'locating' ? geolocation.state : null
  return (
    <Card
      size="small"
      className="ty-push-card"
      title={
        <Space>
          <BellOutlined />
          {t('push.title')}
        </Space>
      }
      data-testid="push-card"
    >
      {support !== 'supported' ? (
        <Typography.Text type="secondary" data-testid="push-unsupported">
          {t(`push.${support}`)}
        </Typography.Text>
      ) : state.kind === 'on' ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text data-testid="push-on">
            {state.where ? t('push.onAround', { lat: state.where.lat.toFixed(2), lon: state.where.lon.toFixed(2) }) : t('push.on')}
          </Typography.Text>
          <Space wrap>
            <Button onClick={() => void subscribe()} loading={isBusy} data-testid="push-move">
              {t('push.move')}
            </Button>
            <Button danger onClick={() => void unsubscribe()} loading={isBusy} data-testid="push-unsubscribe">
              {t('push.unsubscribe')}
            </Button>
          </Space>
        </Space>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('push.intro')}</Typography.Text>
          <Button
            type="primary"
            block
            icon={<BellOutlined />}
            onClick={() => void subscribe()}
            loading={isBusy || state.kind === 'checking'}
            data-testid="push-subscribe"
          >
            {t('push.subscribe')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('push.privacy')}
          </Typography.Text>
        </Space>
      )}
      {locationNote && <Alert type="info" showIcon title={t(`public.location.${locationNote}`)} style={{ marginTop: 12 }} />}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} data-testid="push-problem" />}
    </Card>
  )
}
