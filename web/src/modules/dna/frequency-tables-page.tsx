import { useState } from 'react'
import { App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd'
import { PlusOutlined, StarFilled } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { PageHeader } from '../../shared/page-header.tsx'
import { listFrequencyTables, setDefaultFrequencyTable, type FrequencyTableSummary } from './api.ts'
import { DnaLoadError, useDnaReportError } from './errors.tsx'
import { FrequencyTableModal } from './frequency-table-modal.tsx'

const clamp = { rows: 2, expandable: 'collapsible' as const }

/** 频率表: the allele frequency tables, which one searches use by default, and loading another. */
export default function FrequencyTablesPage() {
  const { t } = useTranslation('dna')
  const { message } = App.useApp()
  const reportError = useDnaReportError()
  const tables = useLoad(listFrequencyTables)
  const [isLoading, setIsLoading] = useState(false)

  const makeDefault = async (name: string) => {
    try {
      await setDefaultFrequencyTable(name)
      void message.success(t('frequency.defaultSet', { name }))
      tables.reload()
    } catch (error) {
      reportError(error)
    }
  }

  const columns: TableColumnsType<FrequencyTableSummary> = [
    {
      title: t('frequency.fields.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, row) => (
        <Space>
          <span className="ty-mono">{name}</span>
          {row.isDefault && (
            <Tag color="gold" icon={<StarFilled />} data-testid="frequency-default">
              {t('frequency.default')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('frequency.fields.population'),
      dataIndex: 'population',
      key: 'population',
      width: 260,
      render: (v: string) => <Typography.Paragraph ellipsis={clamp}>{v}</Typography.Paragraph>,
    },
    {
      title: t('frequency.fields.sampleSize'),
      dataIndex: 'sampleSize',
      key: 'sampleSize',
      align: 'right',
      render: (n: number | null) =>
        n === null ? <Typography.Text type="secondary">{t('frequency.sampleSizeUnknown')}</Typography.Text> : n,
    },
    { title: t('frequency.fields.loci'), dataIndex: 'loci', key: 'loci', align: 'right' },
    {
      title: t('frequency.fields.disabledLoci'),
      key: 'disabledLoci',
      width: 260,
      render: (_, row) => {
        const entries = Object.entries(row.disabledLoci)
        if (!entries.length) return '—'
        return entries.map(([locus, reason]) => (
          <div key={locus}>
            <Tooltip title={reason}>
              <Tag color="red" className="ty-mono">
                {locus}
              </Tag>
            </Tooltip>
            <Typography.Paragraph type="secondary" ellipsis={clamp} style={{ fontSize: 12 }}>
              {reason}
            </Typography.Paragraph>
          </div>
        ))
      },
    },
    {
      title: t('frequency.fields.minimumFrequency'),
      dataIndex: 'minimumFrequency',
      key: 'minimumFrequency',
      align: 'right',
      render: (v: number) => <span className="ty-mono">{Number(v.toPrecision(3))}</span>,
    },
    {
      title: t('frequency.fields.licence'),
      dataIndex: 'licence',
      key: 'licence',
      width: 300,
      render: (v: string) => <Typography.Paragraph ellipsis={clamp}>{v}</Typography.Paragraph>,
    },
    {
      title: t('common:fields.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, row) =>
        !row.isDefault && (
          <Popconfirm title={t('frequency.confirmDefault', { name: row.name })} onConfirm={() => makeDefault(row.name)}>
            <Button type="link" size="small" data-testid="frequency-set-default">
              {t('frequency.setDefault')}
            </Button>
          </Popconfirm>
        ),
    },
  ]

  return (
    <>
      <PageHeader
        title={t('frequency.title')}
        testId="dna-frequency-title"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsLoading(true)} data-testid="frequency-load">
            {t('frequency.load')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('frequency.intro')}</Typography.Paragraph>
      <DnaLoadError error={tables.error} onRetry={tables.reload} />
      <Table<FrequencyTableSummary>
        rowKey="name"
        columns={columns}
        dataSource={tables.data ?? []}
        loading={tables.isLoading}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (row) => (
            <Typography.Paragraph style={{ margin: 0 }}>
              <Typography.Text strong>{t('frequency.sourcePrefix')}</Typography.Text>
              {row.source}
            </Typography.Paragraph>
          ),
        }}
      />
      <FrequencyTableModal
        open={isLoading}
        onClose={() => setIsLoading(false)}
        onLoaded={() => {
          setIsLoading(false)
          tables.reload()
        }}
      />
    </>
  )
}
