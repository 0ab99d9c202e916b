import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { App, Button, Card, Col, Row, Space } from 'antd'
import { ArrowLeftOutlined, BellOutlined, SendOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { useAuth } from '../../auth/auth-context.tsx'
import { PageHeader } from '../../shared/page-header.tsx'
import { getCase, listTimeline } from './api.ts'
import { CaseStatusTags } from './case-columns.tsx'
import { CaseDetailsCard } from './case-details-card.tsx'
import { CaseFormDrawer } from './case-form-drawer.tsx'
import { CaseSupervisionCard, CaseWantedCard } from './case-oversight-cards.tsx'
import { CasePhotosCard } from './case-photos-card.tsx'
import { CaseStatusCard } from './case-status-card.tsx'
import { CaseTimeline } from './case-timeline.tsx'
import { DispatchModal } from './dispatch-modal.tsx'
import { CaseLoadError } from './errors.tsx'
import { canHaveAlert, isMissing } from './labels.ts'
import { CASE_PERMISSIONS } from './permissions.ts'
import { TaskForceCard } from './task-force-card.tsx'

/**
 * A case's workspace: the details, photos, status moves, task force, the timeline of everything done, the
 * command centre's dispatches, its supervision and wanted notices, and a way to draft a 团圆 alert from it.
 */
export default function CasePage() {
  const { id = '' } = useParams()
  const { t } = useTranslation('cases')
  const { can } = useAuth()
  const { message } = App.useApp()
  const loaded = useLoad(() => getCase(id), [id])
  // Every change puts an event on the timeline and moves the case's last action: the timeline follows it.
  const timeline = useLoad(() => listTimeline(id), [id, loaded.data?.lastActionAt])
  const [isEditing, setIsEditing] = useState(false)
  const [isDispatching, setIsDispatching] = useState(false)
  const canWrite = can(CASE_PERMISSIONS.write)
  const view = loaded.data
  const isOpen = view !== undefined && view.status !== 'closed'
  const refresh = loaded.reload

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {view ? `${view.caseNo} · ${view.childName}` : t('workspace.title')}
            {view && <CaseStatusTags status={view.status} suspectedTrafficking={view.suspectedTrafficking} />}
          </Space>
        }
        testId="case-title"
        extra={
          <Space wrap>
            <Link to="/cases">
              <Button icon={<ArrowLeftOutlined />}>{t('workspace.back')}</Button>
            </Link>
            {view && can(CASE_PERMISSIONS.dispatch) && isMissing(view.status) && (
              <Button icon={<SendOutlined />} onClick={() => setIsDispatching(true)} data-testid="case-dispatch">
                {t('dispatch.open')}
              </Button>
            )}
            {view && can(CASE_PERMISSIONS.alertDraft) && canHaveAlert(view.status) && (
              <Link to={`/alerts/new?caseId=${view.id}`} data-testid="case-draft-alert">
                <Button type="primary" danger icon={<BellOutlined />}>
                  {t('workspace.draftAlert')}
                </Button>
              </Link>
            )}
          </Space>
        }
      />
      <CaseLoadError error={loaded.error} onRetry={loaded.reload} />
      {!view && loaded.isLoading && <Card loading />}
      {view && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <CaseDetailsCard view={view} onEdit={canWrite && isOpen ? () => setIsEditing(true) : undefined} />
              <CasePhotosCard view={view} canUpload={canWrite && isOpen} onAdded={refresh} />
              <CaseTimeline timeline={timeline} />
            </Space>
          </Col>
          <Col xs={24} xl={8}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <CaseStatusCard view={view} canMove={canWrite} onMoved={refresh} />
              <TaskForceCard view={view} canEdit={canWrite && isOpen} canListUsers={can(CASE_PERMISSIONS.listUsers)} onSaved={refresh} />
              {can(CASE_PERMISSIONS.supervisionRead) && <CaseSupervisionCard view={view} onChanged={refresh} />}
              <CaseWantedCard view={view} onChanged={refresh} />
            </Space>
          </Col>
        </Row>
      )}
      {view && (
        <CaseFormDrawer
          open={isEditing}
          editing={view}
          units={[]}
          onClose={() => setIsEditing(false)}
          onSaved={() => {
            setIsEditing(false)
            void message.success(t('intake.saved'))
            refresh()
          }}
        />
      )}
      {view && isDispatching && (
        <DispatchModal
          view={view}
          onClose={() => setIsDispatching(false)}
          onSaved={() => {
            setIsDispatching(false)
            void message.success(t('dispatch.saved'))
            refresh()
          }}
        />
      )}
    </>
  )
}
