import { Descriptions, Typography } from 'antd'
import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../shared/format.ts'
import type { TipStatusView } from './api.ts'
import { tipStatusStep, useClueLabels } from './labels.ts'

const STEPS = ['received', 'in_progress', 'closed'] as const

/** Where the tip stands, as the tipster may know it: the three steps, when it came in and last moved, and what they added. */
export function TipStatus({ status }: { status: TipStatusView }) {
  const { t } = useTranslation('clues')
  const { tipStatusLabel } = useClueLabels()
  const current = tipStatusStep(status.status)
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('public.status.current')}
        <span data-testid="tip-status">{tipStatusLabel(status.status)}</span>
      </Typography.Title>
      <ol className="ty-tip-steps">
        {STEPS.map((step, i) => (
          <li key={step} className={i <= current ? 'ty-tip-step-done' : undefined} aria-current={i === current ? 'step' : undefined}>
            {i <= current ? <CheckCircleFilled /> : <ClockCircleOutlined />}
            <span>
              <Typography.Text strong={i === current}>{tipStatusLabel(step)}</Typography.Text>
              {i === current && (
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 13 }}>
                  {t(`public.status.explain.${step}`)}
                </Typography.Paragraph>
              )}
            </span>
          </li>
        ))}
      </ol>
      <Descriptions
        column={1}
        size="small"
        style={{ marginTop: 12 }}
        items={[
          { key: 'received', label: t('public.status.receivedAt'), children: formatDateTime(status.receivedAt) },
          { key: 'updated', label: t('public.status.updatedAt'), children: formatDateTime(status.updatedAt) },
          {
            key: 'additions',
            label: t('public.status.additions'),
            children: <span data-testid="tip-status-additions">{status.additions}</span>,
          },
        ]}
      />
    </>
  )
}
