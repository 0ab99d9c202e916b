import { Link, useParams } from 'react-router'
import { Button, Card, Col, Row, Space } from 'antd'
import { ArrowLeftOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { useAuth } from '../../auth/auth-context.tsx'
import { PageHeader } from '../../shared/page-header.tsx'
import { getClue, listClueEvents } from './api.ts'
import { CaseLinkCard } from './case-link-card.tsx'
import { ClueAttachmentsCard } from './clue-attachments-card.tsx'
import { ClueTags } from './clue-columns.tsx'
import { ClueDetailsCard } from './clue-details-card.tsx'
import { ClueHistory } from './clue-history.tsx'
import { ClueMapCard } from './clue-map-card.tsx'
import { ClueRoutesCard } from './clue-routes-card.tsx'
import { DueTag } from './due-tag.tsx'
import { ClueLoadError } from './errors.tsx'
import { FeedbackCard } from './feedback-card.tsx'
import { CLUE_PERMISSIONS, isWithinDivision } from './permissions.ts'
import { TeamCard } from './team-card.tsx'
import { useClueUnits } from './use-clue-units.ts'
import './clues.css'

/**
 * One clue's file: what it says, its point on the map, its files, deadline, routing path, team and history, and the
 * receiving side's work on it (re-routing, linking a case, feedback). The sending side reads the same page.
 */
export default function CluePage() {
  const { id = '' } = useParams()
  const { t } = useTranslation('clues')
  const { me, can } = useAuth()
  const loaded = useLoad(() => getClue(id), [id])
  const clue = loaded.data
  // Every command moves the clue's updatedAt: history, routes and files follow it.
  const version = clue?.updatedAt ?? ''
  const events = useLoad(() => listClueEvents(id), [id, version])
  const { units, unit, unitName } = useClueUnits()
  const routed = unit(clue?.routedUnitId)
  // The receiving side works the clue: its unit and the units above it (the server decides the same way).
  const isReceiver =
    !!me && !!clue && (me.unit.id === clue.routedUnitId || (!!routed && isWithinDivision(me.unit.divisionCode, routed.divisionCode)))
  const isOpen = clue?.status !== 'closed'
  const canWork = isReceiver && isOpen && can(CLUE_PERMISSIONS.write)
  const refresh = loaded.reload

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="clue-subject">{clue ? clue.subject : t('clue.title')}</span>
            {clue && <ClueTags clue={clue} />}
          </Space>
        }
        testId="clue-title"
        extra={
          <Link to="/clues">
            <Button icon={<ArrowLeftOutlined />}>{t('clue.back')}</Button>
          </Link>
        }
      />
      <ClueLoadError error={loaded.error} onRetry={loaded.reload} />
      {!clue && loaded.isLoading && <Card loading />}
      {clue && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <ClueDetailsCard clue={clue} unitName={unitName} />
              <ClueMapCard clue={clue} />
              <ClueAttachmentsCard clue={clue} canUpload={isOpen && (canWork || me?.unit.id === clue.senderUnitId)} version={version} />
              <ClueHistory events={events} unitName={unitName} />
            </Space>
          </Col>
          <Col xs={24} xl={8}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Card title={t('fields.dueAt')} size="small" data-testid="clue-deadline">
                <DueTag clue={clue} />
              </Card>
              <FeedbackCard clue={clue} canAnswer={canWork} onSaved={refresh} />
              <TeamCard clue={clue} canAssign={isReceiver && can(CLUE_PERMISSIONS.assign)} onAssigned={refresh} />
              <ClueRoutesCard clue={clue} units={units} canReroute={canWork} version={version} onRerouted={refresh} />
              {canWork && !clue.caseId && can(CLUE_PERMISSIONS.caseRead) && <CaseLinkCard clue={clue} onLinked={refresh} />}
            </Space>
          </Col>
        </Row>
      )}
    </>
  )
}
