import { useCallback, useEffect, useState } from 'react'
import { Button, Flex, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useReportError } from '../../api/errors.ts'
import { PageHeader } from '../../shared/page-header.tsx'
import { searchAudit, type AuditEntryView } from './api.ts'
import { AuditFilterForm, type AuditFilters } from './audit-filters.tsx'
import { useAuditColumns } from './audit-columns.tsx'
import { useVerifyChain } from './verify-chain.tsx'

const PAGE_SIZE = 50

/** Audit search for auditors: newest first, older pages by the `before` cursor, and a chain check. */
export default function AuditPage() {
  const { t } = useTranslation('audit')
  const reportError = useReportError()
  const columns = useAuditColumns()
  const verify = useVerifyChain()
  const [filters, setFilters] = useState<AuditFilters>({})
  const [items, setItems] = useState<AuditEntryView[]>([])
  const [nextBefore, setNextBefore] = useState<number | null>(null)
  const [isLoading, setIsLoading] = useState(false)

  const load = useCallback(
    async (query: AuditFilters, before: number | null) => {
      setIsLoading(true)
      try {
        const page = await searchAudit({ ...query, limit: PAGE_SIZE, ...(before ? { before } : {}) })
        setItems((current) => (before ? [...current, ...page.items] : page.items))
        setNextBefore(page.nextBefore)
      } catch (error) {
        reportError(error)
      } finally {
        setIsLoading(false)
      }
    },
    [reportError],
  )

  useEffect(() => {
    void load({}, null)
  }, []) // the first page once; later searches come from the form

  const onSearch = (next: AuditFilters) => {
    setFilters(next)
    void load(next, null)
  }

  return (
    <>
      <PageHeader title={t('title')} extra={verify.button} />
      {verify.outcome}
      <AuditFilterForm onSearch={onSearch} isLoading={isLoading} />
      <Table<AuditEntryView>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={isLoading}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
        expandable={{
          rowExpandable: (e) => Object.keys(e.details).length > 0,
          expandedRowRender: (e) => (
            <pre className="ty-mono" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {JSON.stringify(e.details, null, 2)}
            </pre>
          ),
        }}
      />
      <Flex justify="center" align="center" gap={16} style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('shown', { count: items.length })}</Typography.Text>
        {nextBefore !== null && (
          <Button onClick={() => void load(filters, nextBefore)} loading={isLoading} data-testid="audit-load-more">
            {t('loadMore')}
          </Button>
        )}
      </Flex>
    </>
  )
}
