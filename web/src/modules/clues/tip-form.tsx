import { Alert, App, Button, Card, Flex, Form, Input, Typography, type FormInstance } from 'antd'
import { AimOutlined, ClearOutlined, SendOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { DivisionPicker } from '../collection-points/division-picker.tsx'
import { useGeolocation } from '../alerts/geolocate.ts'
import { listPublicDivisions } from './api.ts'
import { FilePicker } from './file-picker.tsx'
import { PointMap, type Point } from './point-map.tsx'
import { isInChina, type TipFormValues } from './tip-body.ts'

export const TIP_MAX_PHOTOS = 3
const PHONE = /^[0-9+() -]+$/

interface TipFormProps {
  form: FormInstance<TipFormValues>
  point: Point | null
  onPoint(point: Point | null): void
  photos: File[]
  onPhotos(files: File[]): void
  /** Where the map looks first: the alert's last-seen place, when the tip is about one. */
  center: Point | null
  isBusy: boolean
  problem: string | null
  onSubmit(values: TipFormValues): void
}

/** Local time as `<input type="datetime-local">` wants it, to stop the picker at now. */
const localNow = () => {
  const now = new Date()
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

/** What was seen, where and when, photos and a way to reach the tipster (all optional but the first two). */
export function TipForm({ form, point, onPoint, photos, onPhotos, center, isBusy, problem, onSubmit }: TipFormProps) {
  const { t } = useTranslation('clues')
  const geolocation = useGeolocation()
  const { message } = App.useApp()
  const pick = (next: Point) => (isInChina(next) ? onPoint(next) : void message.warning(t('public.tip.pointOutside')))
  const locate = async () => {
    const here = await geolocation.locate()
    if (here) pick(here)
  }
  const locationNote = geolocation.state !== 'idle' && geolocation.state !== 'locating' ? geolocation.state : null

  return (
    <Form<TipFormValues>
      form={form}
      layout="vertical"
      className="ty-public-form"
      onFinish={onSubmit}
      disabled={isBusy}
      requiredMark="optional"
    >
      <Form.Item
        name="text"
        label={t('public.tip.text')}
        extra={t('public.tip.textHint')}
        rules={[{ required: true, whitespace: true, message: t('public.tip.textRequired') }]}
      >
        <Input.TextArea rows={5} maxLength={5000} data-testid="tip-text" />
      </Form.Item>

      <Card size="small" title={t('public.tip.where')} style={{ marginBottom: 16 }}>
        <Form.Item
          name={['place', 'divisionCode']}
          label={t('public.tip.division')}
          rules={[{ required: true, message: t('public.tip.divisionRequired') }]}
        >
          <DivisionPicker load={listPublicDivisions} placeholder={t('public.tip.divisionPlaceholder')} size="large" />
        </Form.Item>
        <Form.Item name={['place', 'address']} label={t('public.tip.address')}>
          <Input maxLength={300} placeholder={t('public.tip.addressPlaceholder')} data-testid="tip-address" />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('public.tip.mapHint')}
        </Typography.Paragraph>
        <PointMap point={point} center={center} onPick={pick} label={t('map.pickLabel')} testId="tip-map" />
        <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
          <Button icon={<AimOutlined />} loading={geolocation.state === 'locating'} onClick={() => void locate()}>
            {t('public.tip.useLocation')}
          </Button>
          {point && (
            <Button icon={<ClearOutlined />} onClick={() => onPoint(null)} data-testid="tip-point-clear">
              {t('public.tip.clearPoint')}
            </Button>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="tip-point">
            {point ? t('public.tip.pointSet', { lat: point.lat.toFixed(5), lon: point.lon.toFixed(5) }) : t('public.tip.noPoint')}
          </Typography.Text>
        </Flex>
        {locationNote && <Alert type="info" showIcon title={t(`public.location.${locationNote}`)} style={{ marginTop: 8 }} />}
      </Card>

      <Form.Item
        name="seenAt"
        label={t('public.tip.when')}
        rules={[
          {
            validator: async (_, value?: string) =>
              value && new Date(value) > new Date() ? Promise.reject(new Error(t('public.tip.whenFuture'))) : undefined,
          },
        ]}
      >
        <Input type="datetime-local" max={localNow()} data-testid="tip-seen-at" />
      </Form.Item>

      <Form.Item label={t('public.tip.photos')} extra={t('public.tip.photosHint', { count: TIP_MAX_PHOTOS })}>
        <FilePicker
          files={photos}
          onChange={onPhotos}
          max={TIP_MAX_PHOTOS}
          label={t('public.tip.addPhoto')}
          testId="tip-photos"
          disabled={isBusy}
        />
      </Form.Item>

      <Card size="small" title={t('public.tip.contact')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('public.tip.contactHint')}
        </Typography.Paragraph>
        <Form.Item name={['contact', 'name']} label={t('public.tip.contactName')}>
          <Input maxLength={60} autoComplete="name" data-testid="tip-contact-name" />
        </Form.Item>
        <Form.Item
          name={['contact', 'phone']}
          label={t('public.tip.contactPhone')}
          rules={[{ pattern: PHONE, min: 5, max: 30, message: t('public.tip.phoneRule') }]}
        >
          <Input maxLength={30} inputMode="tel" autoComplete="tel" data-testid="tip-contact-phone" />
        </Form.Item>
      </Card>

      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="tip-problem" />}
      <Button type="primary" htmlType="submit" size="large" block icon={<SendOutlined />} loading={isBusy} data-testid="tip-submit">
        {t('public.tip.submit')}
      </Button>
    </Form>
  )
}
