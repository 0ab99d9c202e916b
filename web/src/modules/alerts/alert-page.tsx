import { useEffect, useState } from 'react'
import { Link, useParams } from 'react-router'
import { Alert, Button, Card, Col, Descriptions, Image, Row, Space, Tag, Typography, type DescriptionsProps } from 'antd'
import { ArrowLeftOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { formatDateTime } from '../../shared/format.ts'
import { PageHeader } from '../../shared/page-header.tsx'
import { getAlert, type AlertView } from './api.ts'
import { AlertActions } from './alert-actions.tsx'
import { MessagesTable, StagesTable } from './alert-progress.tsx'
import { DeliveryLog } from './delivery-log.tsx'
import { DeliveryTallies } from './delivery-tallies.tsx'
import { AlertLoadError } from './errors.tsx'
import { STATUS_COLOR, ageAndSex, useAlertLabels } from './labels.ts'
import { ringsOf } from './rings.ts'
import { RingsMap } from './rings-map.tsx'
import './alerts.css'

/** While an alert is active its stages and deliveries move on their own: the page follows them. */
const REFRESH_MS = 15_000

function AlertFacts({ alert }: { alert: AlertView }) {
  const { t } = useTranslation('alerts')
  const { endReasonLabel } = useAlertLabels()
  const d = alert.details
  const items: DescriptionsProps['items'] = [
    { key: 'child', label: t('fields.child'), children: d.childName },
    { key: 'ageSex', label: t('fields.ageSex'), children: ageAndSex(t, d) },
    { key: 'height', label: t('fields.height'), children: d.heightCm === null ? '—' : t('cm', { value: d.heightCm }) },
    { key: 'seenAt', label: t('fields.lastSeenAt'), children: formatDateTime(d.lastSeenAt) },
    { key: 'place', label: t('fields.lastSeenPlace'), children: d.lastSeenPlace, span: 2 },
    { key: 'clothing', label: t('fields.clothing'), children: d.clothing || '—' },
    { key: 'marks', label: t('fields.marks'), children: d.marks || '—' },
    { key: 'phone', label: t('fields.contactPhone'), children: d.contactPhone },
    { key: 'description', label: t('fields.description'), children: d.description, span: 3 },
    { key: 'center', label: t('fields.center'), children: `${alert.center.lat.toFixed(5)}, ${alert.center.lon.toFixed(5)}` },
    { key: 'county', label: t('fields.countyCode'), children: <span className="ty-mono">{alert.countyCode}</span> },
    { key: 'radius', label: t('fields.radius'), children: alert.radiusKm === null ? '—' : t('km', { value: alert.radiusKm }) },
    { key: 'drafted', label: t('fields.draftedAt'), children: formatDateTime(alert.draftedAt) },
    { key: 'approved', label: t('fields.approvedAt'), children: formatDateTime(alert.approvedAt) },
    ...(alert.endedAt
      ? [
          {
            key: 'ended',
            label: t('fields.endedAt'),
            children: `${formatDateTime(alert.endedAt)} · ${endReasonLabel(alert.endReason ?? '')}`,
          },
        ]
      : []),
  ]
  return <Descriptions items={items} column={{ xs: 1, md: 2, xl: 3 }} size="small" data-testid="alert-facts" />
}

/** The photo as the public sees it; a draft's photo is not public yet, so the console only says one is chosen. */
function AlertPhoto({ alert }: { alert: AlertView }) {
  const { t } = useTranslation('alerts')
  if (!alert.hasPhoto) return <Typography.Text type="secondary">{t('alert.noPhoto')}</Typography.Text>
  if (alert.status !== 'active') return <Typography.Text type="secondary">{t('alert.photoChosen')}</Typography.Text>
  return <Image src={`/api/public/alerts/${alert.id}/photo.jpg`} width={160} alt={alert.details.childName} style={{ borderRadius: 4 }} />
}

/** One alert: what it says, the approver's actions, the rings on a map, the stages and messages, and the deliveries. */
export default function AlertPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation('alerts')
  const { statusLabel } = useAlertLabels()
  const [version, setVersion] = useState(0)
  const workspace = useLoad(() => getAlert(id), [id, version])
  const w = workspace.data
  const refresh = () => setVersion((v) => v + 1)

  const isActive = w?.alert.status === 'active'
  useEffect(() => {
    if (!isActive) return
    const timer = setInterval(refresh, REFRESH_MS)
    return () => clearInterval(timer)
  }, [isActive])

  return (
    <>
      <PageHeader
        title={
          <Space>
            {w ? t('alert.title', { name: w.alert.details.childName }) : t('alert.titleLoading')}
            {w && (
              <Tag color={STATUS_COLOR[w.alert.status]} data-testid="alert-status">
                {statusLabel(w.alert.status)}
              </Tag>
            )}
          </Space>
        }
        testId="alert-title"
        extra={
          <Link to="/alerts">
            <Button icon={<ArrowLeftOutlined />}>{t('back')}</Button>
          </Link>
        }
      />
      <AlertLoadError error={workspace.error} onRetry={workspace.reload} />
      {!w && workspace.isLoading && <Card loading />}
      {w && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {w.alert.status === 'draft' && w.alert.rejectedNote && (
            <Alert type="warning" showIcon title={t('alert.returnedNote', { note: w.alert.rejectedNote })} data-testid="alert-returned" />
          )}
          {w.alert.status === 'draft' && !w.alert.rejectedNote && <Alert type="info" showIcon title={t('alert.awaitingApproval')} />}
          <AlertActions alert={w.alert} onChanged={refresh} />
          <Card
            size="small"
            title={t('alert.details')}
            extra={
              <Link to={`/cases/${w.alert.caseId}`} className="ty-mono">
                {w.alert.caseNo}
              </Link>
            }
          >
            <Row gutter={16}>
              <Col flex="none" style={{ marginBottom: 12 }}>
                <AlertPhoto alert={w.alert} />
              </Col>
              <Col flex="auto">
                <AlertFacts alert={w.alert} />
              </Col>
            </Row>
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('map.title')}>
                <RingsMap center={w.alert.center} rings={ringsOf(w)} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <Card size="small" title={t('stages.title')}>
                  <StagesTable stages={w.stages} />
                </Card>
                <Card size="small" title={t('messages.title')}>
                  <MessagesTable messages={w.messages} />
                </Card>
              </Space>
            </Col>
          </Row>
          <Card size="small" title={t('deliveries.title')}>
            <DeliveryTallies channels={w.channels} />
          </Card>
          <Card size="small" title={t('deliveries.log')}>
            <DeliveryLog alertId={w.alert.id} version={version} />
          </Card>
        </Space>
      )}
    </>
  )
}
