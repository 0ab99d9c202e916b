import { Space, Tag, Typography, type TableColumnsType } from 'antd'
import { SwapOutlined } from '@ant-design/icons'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import { formatDateTime } from '../../shared/format.ts'
import type { HitView } from './api.ts'
import { LrValue, shortId } from './format.tsx'
import { STATUS_COLOR, useDnaLabels } from './labels.ts'

export const isOverdue = (hit: HitView) => hit.status === 'pending' && hit.reviewDueAt !== null && dayjs(hit.reviewDueAt).isBefore(dayjs())

interface HitColumnsProps {
  codes: Record<string, string | undefined>
  unitName(id: string): string
}

/** Columns of the hit list: mode, statistics, the two sides with their units, status and review date. */
export function useHitColumns({ codes, unitName }: HitColumnsProps): TableColumnsType<HitView> {
  const { t } = useTranslation('dna')
  const { modeLabel, relationshipLabel, statusLabel } = useDnaLabels()
  const code = (id: string) => <span className="ty-mono">{codes[id] ?? shortId(id)}</span>
  return [
    { title: t('hit.fields.mode'), dataIndex: 'mode', key: 'mode', render: (mode: string) => <Tag color="blue">{modeLabel(mode)}</Tag> },
    { title: t('hit.fields.relationship'), dataIndex: 'relationship', key: 'relationship', render: relationshipLabel },
    { title: t('hit.fields.lr'), key: 'lr', render: (_, hit) => <LrValue log10={hit.log10Lr} compact /> },
    {
      title: t('hit.fields.samples'),
      key: 'samples',
      render: (_, hit) => (
        <Link to={`/dna-hits/${hit.id}`} data-testid="hit-link">
          <Space size={4} wrap>
            {hit.referenceProfileIds.map((id, i) => (
              <span key={id}>
                {i > 0 && ' + '}
                {code(id)}
              </span>
            ))}
            <SwapOutlined />
            {code(hit.candidateProfileId)}
          </Space>
        </Link>
      ),
    },
    {
      title: t('hit.fields.units'),
      key: 'units',
      render: (_, hit) => (
        <>
          <div>{unitName(hit.unitId)}</div>
          {hit.otherUnitId !== hit.unitId && <Typography.Text type="secondary">{unitName(hit.otherUnitId)}</Typography.Text>}
        </>
      ),
    },
    {
      title: t('hit.fields.status'),
      dataIndex: 'status',
      key: 'status',
      render: (status: HitView['status']) => <Tag color={STATUS_COLOR[status]}>{statusLabel(status)}</Tag>,
    },
    {
      title: t('hit.fields.reviewDueAt'),
      key: 'reviewDueAt',
      render: (_, hit) =>
        isOverdue(hit) ? (
          <Typography.Text type="danger" strong>
            {formatDateTime(hit.reviewDueAt)} {t('hit.overdue')}
          </Typography.Text>
        ) : (
          formatDateTime(hit.reviewDueAt)
        ),
    },
    { title: t('hit.fields.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime },
  ]
}
