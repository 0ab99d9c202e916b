import { useState } from 'react'
import { Checkbox, Flex, Select, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { PageHeader } from '../../shared/page-header.tsx'
import { UnitSelect } from '../identity/unit-select.tsx'
import { listHits, type HitStatus, type HitView } from './api.ts'
import { DnaLoadError } from './errors.tsx'
import { useHitColumns } from './hit-columns.tsx'
import { HIT_STATUSES, useDnaLabels } from './labels.ts'
import { useUnitNames } from './use-lookups.ts'

/** Hits to review (比中复核): pending first by default, with the overdue ones in red. */
export default function HitsPage() {
  const { t } = useTranslation('dna')
  const { statusLabel } = useDnaLabels()
  const { units } = useUnitNames()
  const [status, setStatus] = useState<HitStatus | undefined>('pending')
  const [overdue, setOverdue] = useState(false)
  const [unitId, setUnitId] = useState<string | null>(null)
  const hits = useLoad(() => listHits({ status, overdue: overdue || undefined, unitId: unitId ?? undefined }), [status, overdue, unitId])
  const columns = useHitColumns()

  return (
    <>
      <PageHeader title={t('hits.title')} testId="dna-hits-title" />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select
          value={status}
          onChange={setStatus}
          allowClear
          placeholder={t('hits.filters.status')}
          style={{ width: 160 }}
          options={HIT_STATUSES.map((value) => ({ value, label: statusLabel(value) }))}
          data-testid="hits-status"
        />
        <div style={{ width: 280 }}>
          <UnitSelect units={units} value={unitId} onChange={setUnitId} allowClear placeholder={t('hits.filters.unit')} />
        </div>
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="hits-overdue">
          {t('hits.filters.overdue')}
        </Checkbox>
      </Flex>
      <DnaLoadError error={hits.error} onRetry={hits.reload} />
      <Table<HitView>
        rowKey="id"
        columns={columns}
        dataSource={hits.data ?? []}
        loading={hits.isLoading}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('hits.empty') }}
        data-testid="hits-table"
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('hits.note')}
      </Typography.Paragraph>
    </>
  )
}
