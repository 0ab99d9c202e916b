import { Alert, Descriptions, Drawer, Space, Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../shared/format.ts'
import type { ProfileView } from './api.ts'
import { allelesText, sortLoci } from './format.tsx'
import { useDnaLabels } from './labels.ts'

interface LocusRow {
  locus: string
  alleles: string[]
  triAllelic: boolean
  offLadder: boolean
}

/** One profile: where it came from, its flags, and its genotype locus by locus. */
export function ProfileDrawer({
  profile,
  unitName,
  onClose,
}: {
  profile: ProfileView | null
  unitName(id: string): string
  onClose(): void
}) {
  const { t } = useTranslation('dna')
  const { categoryLabel, indexLabel } = useDnaLabels()
  const p = profile
  const tri = new Set(p?.flags.triAllelic)
  const off = new Set(p?.flags.offLadder)
  const rows: LocusRow[] = p
    ? sortLoci(Object.keys(p.genotypes)).map((locus) => ({
        locus,
        alleles: p.genotypes[locus],
        triAllelic: tri.has(locus),
        offLadder: off.has(locus),
      }))
    : []

  return (
    <Drawer open={p !== null} onClose={onClose} size={560} title={p && <span className="ty-mono">{p.sampleCode}</span>} destroyOnHidden>
      {p && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="profile-drawer">
          {p.resampleNeeded && <Alert type="warning" showIcon title={t('profiles.resampleAlert', { count: p.locusCount })} />}
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'category', label: t('profiles.fields.category'), children: categoryLabel(p.category) },
              { key: 'index', label: t('profiles.fields.index'), children: indexLabel(p.index) },
              { key: 'kit', label: t('profiles.fields.kit'), children: p.kit ?? '—' },
              { key: 'lab', label: t('profiles.fields.lab'), children: p.lab ?? '—' },
              { key: 'collectedAt', label: t('profiles.fields.collectedAt'), children: formatDateTime(p.collectedAt) },
              { key: 'amelogenin', label: t('profiles.fields.amelogenin'), children: p.amelogenin ?? '—' },
              { key: 'loci', label: t('profiles.fields.locusCount'), children: p.locusCount },
              { key: 'unit', label: t('profiles.fields.unit'), children: unitName(p.unitId) },
              { key: 'createdAt', label: t('profiles.fields.createdAt'), children: formatDateTime(p.createdAt) },
            ]}
          />
          <Table<LocusRow>
            rowKey="locus"
            size="small"
            pagination={false}
            dataSource={rows}
            columns={[
              {
                title: t('profiles.fields.locus'),
                dataIndex: 'locus',
                key: 'locus',
                render: (v: string) => <span className="ty-mono">{v}</span>,
              },
              {
                title: t('profiles.fields.alleles'),
                key: 'alleles',
                render: (_, row) => (
                  <Space size={4} wrap>
                    <span className="ty-mono">{allelesText(row.alleles)}</span>
                    {row.triAllelic && <Tag color="orange">{t('profiles.flags.triAllelic')}</Tag>}
                    {row.offLadder && <Tag color="purple">{t('profiles.flags.offLadder')}</Tag>}
                  </Space>
                ),
              },
            ]}
          />
        </Space>
      )}
    </Drawer>
  )
}
