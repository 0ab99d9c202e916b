import { useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { App, Button, Flex, Input, Select, Table } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { useAuth } from '../../auth/auth-context.tsx'
import { PageHeader } from '../../shared/page-header.tsx'
import { listUnits } from '../identity/api.ts'
import { listCases, type CaseStatus, type CaseSummary } from './api.ts'
import { useCaseColumns } from './case-columns.tsx'
import { CaseFormDrawer } from './case-form-drawer.tsx'
import { CaseLoadError } from './errors.tsx'
import { CASE_STATUSES, useCaseLabels } from './labels.ts'
import { CASE_PERMISSIONS } from './permissions.ts'

const PAGE_SIZE = 20

/** The filters live in the address, so that coming back from a case finds the list as it was left. */
function useFilters() {
  const [params, setParams] = useSearchParams()
  const status = (params.get('status')?.split(',').filter(Boolean) ?? []) as CaseStatus[]
  const suspected = params.get('suspected')
  const q = params.get('q') ?? ''
  const page = Number(params.get('page') ?? '1') || 1
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    if (!('page' in changes)) next.delete('page')
    setParams(next, { replace: true })
  }
  return { status, suspected, q, page, set }
}

/** Missing-child cases of the caller's jurisdiction: filter, search by number or name, and report a new one. */
export default function CasesPage() {
  const { t } = useTranslation('cases')
  const { can } = useAuth()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { statusLabel } = useCaseLabels()
  const filters = useFilters()
  const [search, setSearch] = useState(filters.q)
  const [isReporting, setIsReporting] = useState(false)
  const canWrite = can(CASE_PERMISSIONS.write)
  const units = useLoad(async () => (canWrite ? listUnits() : []), [canWrite])
  const cases = useLoad(
    () =>
      listCases({
        status: filters.status.length ? filters.status : undefined,
        suspected: filters.suspected === null ? undefined : filters.suspected === 'true',
        q: filters.q || undefined,
        page: filters.page,
        pageSize: PAGE_SIZE,
      }),
    [filters.status.join(','), filters.suspected, filters.q, filters.page],
  )
  const columns = useCaseColumns()
  const policeUnits = (units.data ?? []).filter((u) => u.type === 'public_security')

  return (
    <>
      <PageHeader
        title={t('list.title')}
        testId="cases-title"
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsReporting(true)} data-testid="case-report">
              {t('list.report')}
            </Button>
          )
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => filters.set({ q: value.trim() || null })}
          allowClear
          maxLength={60}
          placeholder={t('list.searchPlaceholder')}
          style={{ width: 280 }}
          data-testid="cases-search"
        />
        <Select<CaseStatus[]>
          mode="multiple"
          value={filters.status}
          onChange={(value) => filters.set({ status: value.join(',') || null })}
          allowClear
          placeholder={t('list.statusFilter')}
          style={{ minWidth: 220 }}
          options={CASE_STATUSES.map((value) => ({ value, label: statusLabel(value) }))}
          data-testid="cases-status"
        />
        <Select<string>
          value={filters.suspected ?? 'any'}
          onChange={(value) => filters.set({ suspected: value === 'any' ? null : value })}
          style={{ width: 180 }}
          options={[
            { value: 'any', label: t('list.suspected.any') },
            { value: 'true', label: t('list.suspected.yes') },
            { value: 'false', label: t('list.suspected.no') },
          ]}
          data-testid="cases-suspected"
        />
      </Flex>
      <CaseLoadError error={cases.error ?? units.error} onRetry={cases.reload} />
      <Table<CaseSummary>
        rowKey="id"
        columns={columns}
        dataSource={cases.data?.items ?? []}
        loading={cases.isLoading}
        size="middle"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('list.empty') }}
        pagination={{
          current: filters.page,
          pageSize: PAGE_SIZE,
          total: cases.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => t('list.total', { count: total }),
          onChange: (page) => filters.set({ page: page > 1 ? String(page) : null }),
        }}
        data-testid="cases-table"
      />
      <CaseFormDrawer
        open={isReporting}
        editing={null}
        units={policeUnits}
        onClose={() => setIsReporting(false)}
        onSaved={(view) => {
          setIsReporting(false)
          void message.success(t('intake.reported', { caseNo: view.caseNo }))
          void navigate(`/cases/${view.id}`)
        }}
      />
    </>
  )
}
