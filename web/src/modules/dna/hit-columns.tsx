import { Space, Tag, Typography, type TableColumnsType } from 'antd'
import { SwapOutlined } from '@ant-design/icons'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import { formatDateTime } from '../../shared/format.ts'
import type { HitSide, HitView } from './api.ts'
import { LrValue, shortId } from './format.tsx'
import { STATUS_COLOR, useDnaLabels } from './labels.ts'

export const isOverdue = (hit: HitView) => hit.status === 'pending' && hit.reviewDueAt !== null && dayjs(hit.reviewDueAt).isBefore(dayjs())

/** A side's sample code; where the caller may not read that profile (the other side's), the start of its id. */
const sampleCode = (side: HitSide) => <span className="ty-mono">{side.sampleCode ?? shortId(side.profileId)}</span>

/** Columns of the hit list: mode, statistics, the two sides with their units, status and review date. */
export function useHitColumns(): TableColumnsType<HitView> {
  const { t } = useTranslation('dna')
  const { modeLabel, relationshipLabel, statusLabel } = useDnaLabels()
  const unitName = (side: HitSide) => side.unitName ?? shortId(side.unitId)
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
            {hit.references.map((side, i) => (
              <span key={side.profileId}>
                {i > 0 && ' + '}
                {sampleCode(side)}
              </span>
            ))}
            <SwapOutlined />
            {sampleCode(hit.candidate)}
          </Space>
        </Link>
      ),
    },
    {
      title: t('hit.fields.units'),
      key: 'units',
      render: (_, hit) => {
        const reviewing = hit.references[0] ?? hit.candidate
        return (
          <>
            <div>{unitName(reviewing)}</div>
            {hit.candidate.unitId !== reviewing.unitId && <Typography.Text type="secondary">{unitName(hit.candidate)}</Typography.Text>}
          </>
        )
      },
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
