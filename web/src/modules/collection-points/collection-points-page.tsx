import { useState } from 'react'
import { App, Button, Space, Table, Typography } from 'antd'
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useReportError } from '../../api/errors.ts'
import { useLoad } from '../../api/use-load.ts'
import { useAuth } from '../../auth/auth-context.tsx'
import { LoadError } from '../../shared/load-error.tsx'
import { PageHeader } from '../../shared/page-header.tsx'
import { listUnits } from '../identity/api.ts'
import { UnitSelect } from '../identity/unit-select.tsx'
import {
  activateCollectionPoint,
  deactivateCollectionPoint,
  listCollectionPoints,
  type CollectionPointImportResult,
  type CollectionPointView,
} from './api.ts'
import { ImportButton } from './import-button.tsx'
import { templateUrl } from './import-template.ts'
import { PointFormModal } from './point-form-modal.tsx'
import { usePointColumns } from './point-columns.tsx'

/** The points of the caller's jurisdiction: create, edit, deactivate, and import a directory from a file. */
export default function CollectionPointsPage() {
  const { t } = useTranslation('collectionPoints')
  const { me } = useAuth()
  const { message, modal } = App.useApp()
  const reportError = useReportError()
  const [unitId, setUnitId] = useState<string | null>(null)
  const units = useLoad(listUnits)
  const points = useLoad(() => listCollectionPoints(unitId ? { unitId } : {}), [unitId])
  const [editing, setEditing] = useState<CollectionPointView | 'new' | null>(null)
  const policeUnits = (units.data ?? []).filter((u) => u.type === 'public_security')

  const setActive = async (point: CollectionPointView, active: boolean) => {
    try {
      await (active ? activateCollectionPoint(point.id) : deactivateCollectionPoint(point.id))
      void message.success(t(active ? 'console.activated' : 'console.deactivated', { name: point.name }))
      points.reload()
    } catch (error) {
      reportError(error)
    }
  }

  const onImported = (result: CollectionPointImportResult) => {
    points.reload()
    void modal.success({
      title: t('console.importDone'),
      content: (
        <>
          <Typography.Paragraph>{t('console.imported', result)}</Typography.Paragraph>
          {result.inactive > 0 && (
            <Typography.Paragraph type="warning">{t('console.importedInactive', { count: result.inactive })}</Typography.Paragraph>
          )}
        </>
      ),
    })
  }

  const downloadTemplate = () => {
    const link = document.createElement('a')
    link.href = templateUrl()
    link.download = t('console.templateFileName')
    link.click()
    URL.revokeObjectURL(link.href)
  }

  const columns = usePointColumns({ onEdit: setEditing, onSetActive: (point, active) => void setActive(point, active) })

  return (
    <>
      <PageHeader
        title={t('console.title')}
        testId="collection-points-title"
        extra={
          <Space wrap>
            {policeUnits.length > 1 && (
              <div style={{ width: 240 }}>
                <UnitSelect units={policeUnits} value={unitId} onChange={setUnitId} allowClear placeholder={t('console.filterByUnit')} />
              </div>
            )}
            <Button icon={<DownloadOutlined />} onClick={downloadTemplate}>
              {t('console.template')}
            </Button>
            <ImportButton unitId={unitId ?? undefined} onImported={onImported} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="collection-point-create">
              {t('console.create')}
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t('console.importHint')}</Typography.Paragraph>
      <LoadError error={points.error ?? units.error} onRetry={points.reload} />
      <Table<CollectionPointView>
        rowKey="id"
        columns={columns}
        dataSource={points.data ?? []}
        loading={points.isLoading}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
      <PointFormModal
        open={editing !== null}
        point={editing === 'new' ? null : editing}
        units={policeUnits}
        defaultUnitId={unitId ?? me?.unit.id ?? null}
        onClose={() => setEditing(null)}
        onSaved={(point, isNew) => {
          setEditing(null)
          void message.success(t(isNew ? 'console.created' : 'console.saved', { name: point.name }))
          points.reload()
        }}
      />
    </>
  )
}
