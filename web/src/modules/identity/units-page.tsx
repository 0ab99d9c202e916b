import { useMemo, useState, type Key } from 'react'
import { App, Button, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { useAuth } from '../../auth/auth-context.tsx'
import { LoadError } from '../../shared/load-error.tsx'
import { PageHeader } from '../../shared/page-header.tsx'
import { formatDate } from '../../shared/format.ts'
import { listUnits } from './api.ts'
import { useIdentityLabels } from './labels.ts'
import { buildUnitTree, type UnitNode } from './unit-tree.ts'
import { UnitFormModal } from './unit-form-modal.tsx'

/** The units the admin may manage, as a tree, and the form for a new one. */
export default function UnitsPage() {
  const { t } = useTranslation('identity')
  const { me } = useAuth()
  const { message } = App.useApp()
  const { unitTypeLabel, levelLabel } = useIdentityLabels()
  const units = useLoad(listUnits)
  const [isCreating, setIsCreating] = useState(false)
  const tree = useMemo(() => buildUnitTree(units.data ?? []), [units.data])
  // Everything starts expanded (a jurisdiction has tens of units, not thousands); then the user decides.
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null)
  const parentIds = useMemo(() => [...new Set((units.data ?? []).map((u) => u.parentId).filter((id) => id !== null))], [units.data])

  const columns: TableColumnsType<UnitNode> = [
    { title: t('units.fields.name'), dataIndex: 'name', key: 'name' },
    { title: t('units.fields.type'), dataIndex: 'type', key: 'type', render: (type: string) => <Tag>{unitTypeLabel(type)}</Tag> },
    { title: t('units.fields.level'), key: 'level', render: (_, unit) => levelLabel(unit.level, unit.type) },
    {
      title: t('units.fields.division'),
      key: 'division',
      render: (_, unit) => (
        <>
          {unit.divisionName}{' '}
          <Typography.Text type="secondary" className="ty-mono">
            {unit.divisionCode}
          </Typography.Text>
        </>
      ),
    },
    { title: t('units.fields.phone'), dataIndex: 'phone', key: 'phone', render: (phone: string | null) => phone ?? '—' },
    { title: t('common:fields.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatDate },
  ]

  return (
    <>
      <PageHeader
        title={t('units.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="unit-create">
            {t('units.create')}
          </Button>
        }
      />
      <LoadError error={units.error} onRetry={units.reload} />
      <Table<UnitNode>
        rowKey="id"
        columns={columns}
        dataSource={tree}
        loading={units.isLoading}
        pagination={false}
        expandable={{ expandedRowKeys: expanded ?? parentIds, onExpandedRowsChange: setExpanded }}
        size="middle"
        scroll={{ x: 'max-content' }}
      />
      <UnitFormModal
        open={isCreating}
        units={units.data ?? []}
        defaultParentId={me?.unit.id ?? null}
        onClose={() => setIsCreating(false)}
        onCreated={(unit) => {
          setIsCreating(false)
          void message.success(t('units.created', { name: unit.name }))
          units.reload()
        }}
      />
    </>
  )
}
