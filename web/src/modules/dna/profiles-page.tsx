import { useState } from 'react'
import { Button, Checkbox, Flex, Select, Space, Table, Tag, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { formatDateTime } from '../../shared/format.ts'
import { PageHeader } from '../../shared/page-header.tsx'
import { UnitSelect } from '../identity/unit-select.tsx'
import { listProfiles, type DnaIndex, type ProfileView } from './api.ts'
import { DnaLoadError } from './errors.tsx'
import { DNA_INDEXES, useDnaLabels } from './labels.ts'
import { ProfileDrawer } from './profile-drawer.tsx'
import { useUnitNames } from './use-lookups.ts'

const LIMIT = 500

/** 分型列表: the jurisdiction's profiles, newest first, with the ones to re-sample a click away. */
export default function ProfilesPage() {
  const { t } = useTranslation('dna')
  const { categoryLabel, indexLabel } = useDnaLabels()
  const { units, nameOf } = useUnitNames()
  const [resampleOnly, setResampleOnly] = useState(false)
  const [index, setIndex] = useState<DnaIndex | undefined>()
  const [unitId, setUnitId] = useState<string | null>(null)
  const [open, setOpen] = useState<ProfileView | null>(null)
  const profiles = useLoad(
    () => listProfiles({ resampleNeeded: resampleOnly || undefined, index, unitId: unitId ?? undefined, limit: LIMIT }),
    [resampleOnly, index, unitId],
  )

  const columns: TableColumnsType<ProfileView> = [
    {
      title: t('profiles.fields.sampleCode'),
      dataIndex: 'sampleCode',
      key: 'sampleCode',
      render: (code: string, p) => (
        <Button type="link" size="small" className="ty-mono" onClick={() => setOpen(p)} data-testid="profile-open">
          {code}
        </Button>
      ),
    },
    { title: t('profiles.fields.category'), dataIndex: 'category', key: 'category', render: categoryLabel },
    { title: t('profiles.fields.index'), dataIndex: 'index', key: 'index', render: indexLabel },
    { title: t('profiles.fields.kit'), dataIndex: 'kit', key: 'kit', render: (v: string | null) => v ?? '—' },
    { title: t('profiles.fields.locusCount'), dataIndex: 'locusCount', key: 'locusCount', align: 'right' },
    {
      title: t('profiles.fields.flags'),
      key: 'flags',
      render: (_, p) => (
        <Space size={[0, 4]} wrap>
          {p.resampleNeeded && <Tag color="red">{t('profiles.flags.resampleNeeded')}</Tag>}
          {p.flags.triAllelic.length > 0 && (
            <Tag color="orange">{t('profiles.flags.triAllelicCount', { count: p.flags.triAllelic.length })}</Tag>
          )}
          {p.flags.offLadder.length > 0 && (
            <Tag color="purple">{t('profiles.flags.offLadderCount', { count: p.flags.offLadder.length })}</Tag>
          )}
        </Space>
      ),
    },
    { title: t('profiles.fields.unit'), dataIndex: 'unitId', key: 'unitId', render: nameOf },
    { title: t('profiles.fields.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime },
  ]

  return (
    <>
      <PageHeader title={t('profiles.title')} testId="dna-profiles-title" />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select
          value={index}
          onChange={setIndex}
          allowClear
          placeholder={t('profiles.filters.index')}
          style={{ width: 160 }}
          options={DNA_INDEXES.map((value) => ({ value, label: indexLabel(value) }))}
        />
        <div style={{ width: 280 }}>
          <UnitSelect units={units} value={unitId} onChange={setUnitId} allowClear placeholder={t('profiles.filters.unit')} />
        </div>
        <Checkbox checked={resampleOnly} onChange={(e) => setResampleOnly(e.target.checked)} data-testid="profiles-resample">
          {t('profiles.filters.resampleNeeded')}
        </Checkbox>
      </Flex>
      <DnaLoadError error={profiles.error} onRetry={profiles.reload} />
      <Table<ProfileView>
        rowKey="id"
        columns={columns}
        dataSource={profiles.data ?? []}
        loading={profiles.isLoading}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        footer={() => t('profiles.shown', { count: profiles.data?.length ?? 0, limit: LIMIT })}
      />
      <ProfileDrawer profile={open} unitName={nameOf} onClose={() => setOpen(null)} />
    </>
  )
}
