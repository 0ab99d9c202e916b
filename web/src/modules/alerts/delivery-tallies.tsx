import { Card, Col, Row, Statistic } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ChannelTally } from './api.ts'
import { formatLatency, useAlertLabels } from './labels.ts'

/** Per channel: deliveries waiting, delivered, failed and gone, and how fast the delivered ones arrived. */
export function DeliveryTallies({ channels }: { channels: ChannelTally[] }) {
  const { t } = useTranslation('alerts')
  const { channelLabel, deliveryStatusLabel } = useAlertLabels()
  return (
    <Row gutter={[16, 16]}>
      {channels.map((c) => (
        <Col key={c.channel} xs={24} lg={12}>
          <Card size="small" title={channelLabel(c.channel)} data-testid={`alert-tally-${c.channel}`}>
            <Row gutter={[12, 12]}>
              <Col span={6}>
                <Statistic title={deliveryStatusLabel('pending')} value={c.pending} data-testid="tally-pending" />
              </Col>
              <Col span={6}>
                <Statistic
                  title={deliveryStatusLabel('delivered')}
                  value={c.delivered}
                  styles={{ content: { color: '#389e0d' } }}
                  data-testid="tally-delivered"
                />
              </Col>
              <Col span={6}>
                <Statistic
                  title={deliveryStatusLabel('failed')}
                  value={c.failed}
                  styles={{ content: c.failed ? { color: '#cf1322' } : {} }}
                  data-testid="tally-failed"
                />
              </Col>
              <Col span={6}>
                <Statistic title={deliveryStatusLabel('gone')} value={c.gone} data-testid="tally-gone" />
              </Col>
              <Col span={12}>
                <Statistic title={t('deliveries.p50')} value={formatLatency(c.p50LatencyMs)} data-testid="tally-p50" />
              </Col>
              <Col span={12}>
                <Statistic title={t('deliveries.p99')} value={formatLatency(c.p99LatencyMs)} data-testid="tally-p99" />
              </Col>
            </Row>
          </Card>
        </Col>
      ))}
    </Row>
  )
}
