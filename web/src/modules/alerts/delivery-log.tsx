import { useState } from 'react'
import { Button, Flex, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { formatDateTime } from '../../shared/format.ts'
import { CHANNELS, listDeliveries, type Channel, type DeliveryView } from './api.ts'
import { AlertLoadError } from './errors.tsx'
import { DELIVERY_STATUSES, DELIVERY_STATUS_COLOR, formatLatency, useAlertLabels } from './labels.ts'

const PAGE_SIZE = 50

/**
 * Every delivery of the alert, per message and recipient. The server pages by offset without a total (a large
 * alert has a delivery per subscriber), so the log asks for one more row than it shows to know if there are more.
 */
export function DeliveryLog({ alertId, version }: { alertId: string; version: number }) {
  const { t } = useTranslation('alerts')
  const { channelLabel, deliveryStatusLabel } = useAlertLabels()
  const [channel, setChannel] = useState<Channel | undefined>()
  const [status, setStatus] = useState<string | undefined>()
  const [page, setPage] = useState(0)
  const rows = useLoad(
    () => listDeliveries(alertId, { channel, status, limit: PAGE_SIZE + 1, offset: page * PAGE_SIZE }),
    [alertId, channel, status, page, version],
  )
  const shown = (rows.data ?? []).slice(0, PAGE_SIZE)
  const hasMore = (rows.data?.length ?? 0) > PAGE_SIZE

  const filter =
    <T,>(set: (value: T | undefined) => void) =>
    (value: T | undefined) => {
      set(value)
      setPage(0)
    }

  const columns: TableColumnsType<DeliveryView> = [
    { key: 'seq', title: t('messages.seq'), dataIndex: 'messageSeq' },
    { key: 'channel', title: t('deliveries.channel'), render: (_, d) => channelLabel(d.channel) },
    { key: 'recipient', title: t('deliveries.recipient'), dataIndex: 'recipient' },
    {
      key: 'status',
      title: t('fields.status'),
      render: (_, d) => <Tag color={DELIVERY_STATUS_COLOR[d.status] ?? 'default'}>{deliveryStatusLabel(d.status)}</Tag>,
    },
    { key: 'attempts', title: t('deliveries.attempts'), dataIndex: 'attempts' },
    {
      key: 'last',
      title: t('deliveries.lastResult'),
      render: (_, d) =>
        d.lastError ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: d.lastError }} style={{ maxWidth: 240 }}>
            {d.lastStatus ? `${d.lastStatus} · ` : ''}
            {d.lastError}
          </Typography.Text>
        ) : (
          (d.lastStatus ?? '—')
        ),
    },
    { key: 'latency', title: t('deliveries.latency'), render: (_, d) => formatLatency(d.latencyMs) },
    { key: 'delivered', title: t('deliveries.deliveredAt'), render: (_, d) => formatDateTime(d.deliveredAt) },
    {
      key: 'next',
      title: t('deliveries.nextAttempt'),
      render: (_, d) => (d.status === 'pending' || d.status === 'sending' ? formatDateTime(d.nextAttemptAt) : '—'),
    },
  ]

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Select<Channel>
          value={channel}
          onChange={filter(setChannel)}
          allowClear
          placeholder={t('deliveries.channel')}
          style={{ width: 160 }}
          options={CHANNELS.map((value) => ({ value, label: channelLabel(value) }))}
          data-testid="deliveries-channel"
        />
        <Select<string>
          value={status}
          onChange={filter(setStatus)}
          allowClear
          placeholder={t('fields.status')}
          style={{ width: 160 }}
          options={DELIVERY_STATUSES.map((value) => ({ value, label: deliveryStatusLabel(value) }))}
          data-testid="deliveries-status"
        />
        <Button icon={<ReloadOutlined />} onClick={rows.reload} aria-label={t('deliveries.refresh')} />
      </Flex>
      <AlertLoadError error={rows.error} onRetry={rows.reload} />
      <Table<DeliveryView>
        rowKey="id"
        columns={columns}
        dataSource={shown}
        loading={rows.isLoading}
        size="small"
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={{ emptyText: t('deliveries.empty') }}
        data-testid="alert-deliveries"
      />
      {(page > 0 || hasMore) && (
        <Flex justify="flex-end" style={{ marginTop: 12 }}>
          <Space>
            <Button icon={<LeftOutlined />} disabled={page === 0} onClick={() => setPage(page - 1)} data-testid="deliveries-prev">
              {t('deliveries.prev')}
            </Button>
            <Typography.Text type="secondary">{t('deliveries.page', { n: page + 1 })}</Typography.Text>
            <Button disabled={!hasMore} onClick={() => setPage(page + 1)} data-testid="deliveries-next">
              {t('deliveries.next')} <RightOutlined />
            </Button>
          </Space>
        </Flex>
      )}
    </>
  )
}
