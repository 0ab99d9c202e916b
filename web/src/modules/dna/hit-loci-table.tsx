import { Table, Tag, theme, type TableColumnsType } from 'antd'
import { WarningOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { HitView, ProfileView } from './api.ts'
import { allelesText, formatIndex, shortId, sortLoci } from './format.tsx'
import { isPaternityMode } from './labels.ts'

const AMELOGENIN = 'Amelogenin'

interface Side {
  id: string
  role: string
  profile: ProfileView | null
}

interface Row {
  locus: string
  alleles: (readonly string[] | undefined)[]
  index: number | undefined
  inconsistent: boolean
}

/** The profiles of a hit side by side, one locus a row, with the per-locus index; inconsistent loci in red. */
export function HitLociTable({ hit, profiles }: { hit: HitView; profiles: (ProfileView | null)[] }) {
  const { t } = useTranslation('dna')
  const { token } = theme.useToken()
  const ids = [...hit.referenceProfileIds, hit.candidateProfileId]
  const sides: Side[] = ids.map((id, i) => ({
    id,
    role:
      i === ids.length - 1
        ? t('hit.roles.candidate')
        : t('hit.roles.reference', { n: hit.referenceProfileIds.length > 1 ? i + 1 : '' }).trim(),
    profile: profiles[i] ?? null,
  }))
  const inconsistent = new Set(hit.inconsistentLoci)
  const loci = sortLoci([...sides.flatMap((s) => Object.keys(s.profile?.genotypes ?? {})), ...Object.keys(hit.perLocus)])
  const rows: Row[] = loci.map((locus) => ({
    locus,
    alleles: sides.map((s) => s.profile?.genotypes[locus]),
    index: hit.perLocus[locus],
    inconsistent: inconsistent.has(locus),
  }))
  if (sides.some((s) => s.profile?.amelogenin))
    rows.unshift({
      locus: AMELOGENIN,
      alleles: sides.map((s) => (s.profile?.amelogenin ? [s.profile.amelogenin] : undefined)),
      index: undefined,
      inconsistent: false,
    })

  const columns: TableColumnsType<Row> = [
    {
      title: t('hit.loci.locus'),
      dataIndex: 'locus',
      key: 'locus',
      fixed: 'left',
      render: (locus: string, row) => (
        <span className="ty-mono">
          {locus}
          {row.inconsistent && (
            <Tag color="red" icon={<WarningOutlined />} style={{ marginLeft: 8 }}>
              {t('hit.loci.inconsistent')}
            </Tag>
          )}
        </span>
      ),
    },
    ...sides.map((side, i) => ({
      title: (
        <>
          <div>{side.role}</div>
          <span className="ty-mono">{side.profile?.sampleCode ?? shortId(side.id)}</span>
        </>
      ),
      key: `side-${i}`,
      render: (_: unknown, row: Row) => <span className="ty-mono">{side.profile ? allelesText(row.alleles[i]) : '—'}</span>,
    })),
    {
      title: isPaternityMode(hit.mode) ? t('hit.loci.pi') : t('hit.loci.lr'),
      key: 'index',
      align: 'right',
      render: (_, row) => <span className="ty-mono">{row.index === undefined ? '—' : formatIndex(row.index)}</span>,
    },
  ]

  // Cell backgrounds, not the row's: fixed cells paint their own and would hide a row colour.
  const highlighted = columns.map((column) => ({
    ...column,
    onCell: (row: Row) => (row.inconsistent ? { style: { background: token.colorErrorBg } } : {}),
  }))

  return (
    <Table<Row>
      rowKey="locus"
      size="small"
      columns={highlighted}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="hit-loci"
    />
  )
}
