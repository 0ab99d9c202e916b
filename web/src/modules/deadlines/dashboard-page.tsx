import type { ReactNode } from 'react'
import { Badge, Card, Col, Row, Typography } from 'antd'
import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { useAuth } from '../../auth/auth-context.tsx'
import { LoadError } from '../../shared/load-error.tsx'
import { PageHeader } from '../../shared/page-header.tsx'
import { listDeadlines } from './api.ts'
import { DeadlineTable } from './deadline-table.tsx'

/** The landing page: what the user's unit must finish soon, and what is already late. */
export function DashboardPage() {
  const { t } = useTranslation('deadlines')
  const { me } = useAuth()
  const dueSoon = useLoad(() => listDeadlines({ view: 'due_soon' }))
  const overdue = useLoad(() => listDeadlines({ view: 'overdue' }))

  const title = (icon: ReactNode, text: string, count: number | undefined, color: string) => (
    <span>
      {icon} {text} <Badge count={count ?? 0} showZero color={color} style={{ marginLeft: 8 }} />
    </span>
  )

  return (
    <>
      <PageHeader title={t('dashboard.title')} testId="dashboard-title" />
      <Typography.Paragraph type="secondary">
        {t('dashboard.welcome', { name: me?.displayName ?? '', unit: me?.unit.name ?? '' })}
      </Typography.Paragraph>
      <LoadError error={overdue.error ?? dueSoon.error} onRetry={() => (overdue.reload(), dueSoon.reload())} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={12}>
          <Card
            title={title(
              <ExclamationCircleOutlined style={{ color: '#cf1322' }} />,
              t('dashboard.overdue'),
              overdue.data?.items.length,
              '#cf1322',
            )}
          >
            <DeadlineTable items={overdue.data?.items ?? []} isLoading={overdue.isLoading} testId="deadlines-overdue" />
          </Card>
        </Col>
        <Col xs={24} xxl={12}>
          <Card
            title={title(
              <ClockCircleOutlined style={{ color: '#d48806' }} />,
              t('dashboard.dueSoon'),
              dueSoon.data?.items.length,
              '#d48806',
            )}
          >
            <DeadlineTable items={dueSoon.data?.items ?? []} isLoading={dueSoon.isLoading} testId="deadlines-due-soon" />
          </Card>
        </Col>
      </Row>
    </>
  )
}
