import { Button, Popconfirm, Space, Tag, Typography, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../shared/format.ts'
import type { CollectionPointView } from './api.ts'

interface PointActions {
  onEdit(point: CollectionPointView): void
  onSetActive(point: CollectionPointView, active: boolean): void
}

/** Columns of the console's table of points, with edit and deactivate/activate. */
export function usePointColumns({ onEdit, onSetActive }: PointActions): TableColumnsType<CollectionPointView> {
  const { t } = useTranslation('collectionPoints')
  return [
    { title: t('console.fields.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('console.fields.division'),
      key: 'division',
      render: (_, point) => (
        <>
          {point.divisionName}{' '}
          <Typography.Text type="secondary" className="ty-mono">
            {point.divisionCode}
          </Typography.Text>
        </>
      ),
    },
    { title: t('console.fields.address'), dataIndex: 'address', key: 'address' },
    {
      title: t('console.fields.coordinates'),
      key: 'coordinates',
      render: (_, point) => (
        <span className="ty-mono">
          {point.latitude.toFixed(4)}, {point.longitude.toFixed(4)}
        </span>
      ),
    },
    { title: t('console.fields.phone'), dataIndex: 'phone', key: 'phone', render: (phone: string | null) => phone ?? '—' },
    { title: t('console.fields.hours'), dataIndex: 'hours', key: 'hours', render: (hours: string | null) => hours ?? '—' },
    { title: t('console.fields.unit'), dataIndex: 'unitName', key: 'unitName' },
    {
      title: t('console.fields.status'),
      dataIndex: 'active',
      key: 'active',
      render: (active: boolean) =>
        active ? <Tag color="green">{t('console.status.active')}</Tag> : <Tag>{t('console.status.inactive')}</Tag>,
    },
    { title: t('console.fields.updatedAt'), dataIndex: 'updatedAt', key: 'updatedAt', render: formatDateTime },
    {
      title: t('common:fields.actions'),
      key: 'actions',
      render: (_, point) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => onEdit(point)}>
            {t('common:actions.edit')}
          </Button>
          <Popconfirm
            title={point.active ? t('console.confirmDeactivate', { name: point.name }) : t('console.confirmActivate', { name: point.name })}
            onConfirm={() => onSetActive(point, !point.active)}
          >
            <Button type="link" size="small" danger={point.active}>
              {point.active ? t('console.deactivate') : t('console.activate')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ]
}
