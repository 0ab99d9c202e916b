import { Alert, Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import type { LineageResult } from './api.ts'
import { allelesText } from './format.tsx'

type Match = LineageResult['matches'][number]
type Mismatch = Match['mismatches'][number]

/** Lineage candidates, ranked, under the caveat that a Y-STR match names a paternal lineage, not a man. */
export function YstrResults({ result, unitName }: { result: LineageResult; unitName(id: string): string }) {
  const { t } = useTranslation('dna')
  const { criteria } = result

  const mismatch = (m: Mismatch) => (
    <Tag key={m.locus} color={m.steps === null ? 'purple' : 'orange'}>
      <span className="ty-mono">
        {m.locus} {allelesText(m.query)} → {allelesText(m.candidate)}
      </span>{' '}
      {m.steps === null ? t('ystr.stepsUnknown') : t('ystr.steps', { count: m.steps })}
    </Tag>
  )

  const columns: TableColumnsType<Match> = [
    {
      title: t('ystr.fields.sampleCode'),
      dataIndex: 'sampleCode',
      key: 'sampleCode',
      render: (v: string) => <span className="ty-mono">{v}</span>,
    },
    { title: t('ystr.fields.unit'), dataIndex: 'unitId', key: 'unitId', render: unitName },
    { title: t('ystr.fields.comparedLoci'), dataIndex: 'comparedLoci', key: 'comparedLoci', align: 'right' },
    { title: t('ystr.fields.mismatchCount'), key: 'mismatchCount', align: 'right', render: (_, m) => m.mismatches.length },
    { title: t('ystr.fields.totalSteps'), dataIndex: 'totalSteps', key: 'totalSteps', align: 'right' },
    {
      title: t('ystr.fields.mismatches'),
      key: 'mismatches',
      render: (_, m) =>
        m.mismatches.length ? (
          <Space size={[0, 4]} wrap>
            {m.mismatches.map(mismatch)}
          </Space>
        ) : (
          <Tag color="green">{t('ystr.identical')}</Tag>
        ),
    },
  ]

  return (
    <Card size="small" data-testid="ystr-results">
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('ystr.caveatTitle')}
        description={t('ystr.caveat')}
        data-testid="ystr-caveat"
      />
      <Typography.Paragraph type="secondary">
        {t('ystr.summary', {
          searched: result.searched,
          found: result.matches.length,
          maxMismatches: criteria.maxMismatches,
          maxSteps: criteria.maxSteps,
          minComparedLoci: criteria.minComparedLoci,
        })}
      </Typography.Paragraph>
      <Table<Match>
        rowKey="haplotypeId"
        size="small"
        columns={columns}
        dataSource={result.matches}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('ystr.empty') }}
      />
    </Card>
  )
}
