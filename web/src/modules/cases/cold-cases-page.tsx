import { useState } from 'react'
import { Flex, InputNumber, Space, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { PageHeader } from '../../shared/page-header.tsx'
import { listUnits } from '../identity/api.ts'
import { UnitSelect } from '../identity/unit-select.tsx'
import { listColdCases, type CaseSummary } from './api.ts'
import { useCaseColumns } from './case-columns.tsx'
import { CaseLoadError } from './errors.tsx'

const PAGE_SIZE = 50

/**
 * 积案: unsolved cases reported at least N years ago (the server's default when N is left empty), per unit,
 * oldest report first, with the date of the last action, so that a campaign can work through them.
 */
export default function ColdCasesPage() {
  const { t } = useTranslation('cases')
  const [unitId, setUnitId] = useState<string | null>(null)
  const [years, setYears] = useState<number | null>(null)
  const [page, setPage] = useState(1)
  const units = useLoad(listUnits)
  const cases = useLoad(
    () => listColdCases({ unitId: unitId ?? undefined, olderThanYears: years ?? undefined, page, pageSize: PAGE_SIZE }),
    [unitId, years, page],
  )
  const columns = useCaseColumns([
    {
      key: 'idle',
      title: t('cold.idle'),
      render: (_, c) => {
        const days = dayjs().diff(dayjs(c.lastActionAt), 'day')
        return <Typography.Text type={days > 365 ? 'danger' : undefined}>{t('cold.days', { count: days })}</Typography.Text>
      },
    },
  ])
  const policeUnits = (units.data ?? []).filter((u) => u.type === 'public_security')

  return (
    <>
      <PageHeader title={t('cold.title')} testId="cold-cases-title" />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <div style={{ width: 280 }}>
          <UnitSelect
            units={policeUnits}
            value={unitId}
            onChange={(v) => {
              setUnitId(v)
              setPage(1)
            }}
            allowClear
            placeholder={t('cold.unit')}
          />
        </div>
        <Space>
          <Typography.Text>{t('cold.olderThan')}</Typography.Text>
          <InputNumber
            min={1}
            max={80}
            precision={0}
            value={years}
            onChange={(v) => {
              setYears(v)
              setPage(1)
            }}
            placeholder={t('cold.defaultYears')}
            suffix={t('cold.years')}
            style={{ width: 140 }}
            data-testid="cold-years"
          />
        </Space>
      </Flex>
      <CaseLoadError error={cases.error ?? units.error} onRetry={cases.reload} />
      <Table<CaseSummary>
        rowKey="id"
        columns={columns}
        dataSource={cases.data?.items ?? []}
        loading={cases.isLoading}
        size="middle"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('cold.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: cases.data?.total ?? 0,
          hideOnSinglePage: true,
          showSizeChanger: false,
          showTotal: (total) => t('list.total', { count: total }),
          onChange: setPage,
        }}
        data-testid="cold-cases-table"
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('cold.note')}
      </Typography.Paragraph>
    </>
  )
}
