import { DatePicker, Flex, Table, Typography, type TableColumnsType } from 'antd'
import dayjs from 'dayjs'
import { useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { PageHeader } from '../../shared/page-header.tsx'
import { monthlyStats, type UnitMonthStats } from './api.ts'
import { ClueLoadError } from './errors.tsx'

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/
/** The month in China time, as the server counts it (UTC+8, no daylight saving). */
const thisMonth = () => dayjs(Date.now() + 8 * 3600_000 + new Date().getTimezoneOffset() * 60_000).format('YYYY-MM')

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—')

/** Each unit's clue figures for a month (received, closed, verified on time, overdue, outcomes): what the rankings will read. */
export default function ClueStatsPage() {
  const { t } = useTranslation('clues')
  const [params, setParams] = useSearchParams()
  const asked = params.get('month')
  const month = asked && MONTH.test(asked) ? asked : thisMonth()
  const stats = useLoad(() => monthlyStats({ month }), [month])

  const columns: TableColumnsType<UnitMonthStats> = [
    { key: 'unit', title: t('stats.unit'), dataIndex: 'unitName' },
    { key: 'received', title: t('stats.received'), dataIndex: 'received', align: 'right' },
    { key: 'closed', title: t('stats.closed'), dataIndex: 'closed', align: 'right' },
    {
      key: 'onTime',
      title: t('stats.verifiedOnTime'),
      align: 'right',
      render: (_, s) => `${s.verifiedOnTime} (${percent(s.verifiedOnTime, s.closed)})`,
    },
    {
      key: 'overdue',
      title: t('stats.overdue'),
      align: 'right',
      render: (_, s) => (s.overdue > 0 ? <Typography.Text type="danger">{s.overdue}</Typography.Text> : 0),
    },
    { key: 'confirmed', title: t('outcome.confirmed_lead'), align: 'right', render: (_, s) => s.outcomes.confirmed_lead },
    { key: 'none', title: t('outcome.no_finding'), align: 'right', render: (_, s) => s.outcomes.no_finding },
    { key: 'false', title: t('outcome.false_report'), align: 'right', render: (_, s) => s.outcomes.false_report },
  ]

  return (
    <>
      <PageHeader title={t('stats.title')} testId="clue-stats-title" />
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          disabledDate={(day) => day.isAfter(dayjs().endOf('month'))}
          onChange={(day) => day && setParams({ month: day.format('YYYY-MM') }, { replace: true })}
          data-testid="clue-stats-month"
        />
        <Typography.Text type="secondary">{t('stats.hint')}</Typography.Text>
      </Flex>
      <ClueLoadError error={stats.error} onRetry={stats.reload} />
      <Table<UnitMonthStats>
        rowKey="unitId"
        columns={columns}
        dataSource={stats.data ?? []}
        loading={stats.isLoading}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={{ emptyText: t('stats.empty') }}
        summary={(rows) => {
          const sum = (pick: (s: UnitMonthStats) => number) => rows.reduce((total, s) => total + pick(s), 0)
          if (rows.length < 2) return null
          return (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('stats.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {sum((s) => s.received)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {sum((s) => s.closed)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {sum((s) => s.verifiedOnTime)} (
                {percent(
                  sum((s) => s.verifiedOnTime),
                  sum((s) => s.closed),
                )}
                )
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {sum((s) => s.overdue)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {sum((s) => s.outcomes.confirmed_lead)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                {sum((s) => s.outcomes.no_finding)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                {sum((s) => s.outcomes.false_report)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }}
        data-testid="clue-stats-table"
      />
    </>
  )
}
