import { Alert, Card, Descriptions, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ImportBatchView, ImportProblemView } from './api.ts'
import { useDnaLabels } from './labels.ts'

const ALERT_TYPE = { imported: 'success', unchanged: 'info', rejected: 'error' } as const

/**
 * The server's report on one file: what became of it, the counts, and every problem by line. Y-STR haplotypes have
 * no re-sampling flag, and their own hints.
 */
export function ImportReport({ batch, kind = 'profiles' }: { batch: ImportBatchView; kind?: 'profiles' | 'ystr' }) {
  const { t } = useTranslation('dna')
  const { problemLabel } = useDnaLabels()
  return (
    <Card title={t('import.report.title', { file: batch.fileName })} size="small" data-testid="import-report">
      <Alert
        type={ALERT_TYPE[batch.status]}
        showIcon
        style={{ marginBottom: 16 }}
        title={t(`import.report.status.${batch.status}`)}
        description={t(kind === 'ystr' ? `ystr.import.statusHint.${batch.status}` : `import.report.statusHint.${batch.status}`)}
        data-testid="import-status"
      />
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'samples', label: t('import.report.samples'), children: batch.samples },
          { key: 'imported', label: t('import.report.imported'), children: <span data-testid="import-imported">{batch.imported}</span> },
          ...(kind === 'profiles' ? [{ key: 'resample', label: t('import.report.resampleNeeded'), children: batch.resampleNeeded }] : []),
          { key: 'problems', label: t('import.report.problems'), children: batch.problems.length },
        ]}
      />
      {batch.problems.length > 0 && (
        <Table<ImportProblemView & { key: number }>
          size="small"
          rowKey="key"
          dataSource={batch.problems.map((p, key) => ({ ...p, key }))}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('import.report.line'), dataIndex: 'line', key: 'line', width: 80, render: (line: number) => line || '—' },
            {
              title: t('import.report.sample'),
              dataIndex: 'sample',
              key: 'sample',
              render: (sample: string | null) => <span className="ty-mono">{sample ?? '—'}</span>,
            },
            {
              title: t('import.report.code'),
              dataIndex: 'code',
              key: 'code',
              render: (code: string) => (
                <>
                  <div>{problemLabel(code)}</div>
                  <Typography.Text type="secondary" className="ty-mono" style={{ fontSize: 12 }}>
                    {code}
                  </Typography.Text>
                </>
              ),
            },
            { title: t('import.report.reason'), dataIndex: 'reason', key: 'reason' },
          ]}
        />
      )}
    </Card>
  )
}
