import { useState } from 'react'
import { App, Button, Card, Descriptions, Drawer, Empty, Form, Input, Modal, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { useAuth } from '../../auth/auth-context.tsx'
import { formatDateTime } from '../../shared/format.ts'
import { getSupervision, liftSupervision, submitSupervisionReport, type SupervisionDetail } from './api.ts'
import { CaseLoadError, useCaseReportError } from './errors.tsx'
import { useCaseLabels } from './labels.ts'
import { CASE_PERMISSIONS } from './permissions.ts'
import { NextReportDue, SupervisionTarget } from './supervision-columns.tsx'
import './cases.css'

function ReportForm({ detail, onFiled }: { detail: SupervisionDetail; onFiled(detail: SupervisionDetail): void }) {
  const { t } = useTranslation('cases')
  const reportError = useCaseReportError()
  const [form] = Form.useForm<{ text: string }>()
  const [isSending, setIsSending] = useState(false)
  const onFinish = async ({ text }: { text: string }) => {
    setIsSending(true)
    try {
      onFiled(await submitSupervisionReport(detail.id, text.trim()))
      form.resetFields()
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsSending(false)
    }
  }
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)}>
      <Form.Item
        name="text"
        label={t('supervision.reportText')}
        rules={[{ required: true, whitespace: true, message: t('supervision.reportRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={10000} showCount data-testid="supervision-report-text" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={isSending} data-testid="supervision-report-submit">
        {t('supervision.submitReport')}
      </Button>
    </Form>
  )
}

function LiftModal({ detail, onClose, onLifted }: { detail: SupervisionDetail; onClose(): void; onLifted(): void }) {
  const { t } = useTranslation('cases')
  const reportError = useCaseReportError()
  const [form] = Form.useForm<{ note: string }>()
  const [isLifting, setIsLifting] = useState(false)
  const onFinish = async ({ note }: { note: string }) => {
    setIsLifting(true)
    try {
      await liftSupervision(detail.id, { note: note.trim() })
      onLifted()
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsLifting(false)
    }
  }
  return (
    <Modal
      open
      title={t('supervision.lift')}
      okText={t('supervision.lift')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isLifting}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)}>
        <Form.Item
          name="note"
          label={t('supervision.liftNote')}
          rules={[{ required: true, whitespace: true, message: t('supervision.liftNoteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('supervision.liftNotePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/**
 * One listing: what is supervised, the warning, the next report due (overdue in red), the reports filed,
 * a report form for the responsible unit and lifting for the supervisor.
 */
export function SupervisionDrawer({ id, onClose, onChanged }: { id: string | null; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation('cases')
  const { can } = useAuth()
  const { message } = App.useApp()
  const { levelLabel } = useCaseLabels()
  const [isLifting, setIsLifting] = useState(false)
  const loaded = useLoad(async () => (id ? getSupervision(id) : null), [id])
  const [filed, setFiled] = useState<SupervisionDetail | null>(null)
  const detail = filed?.id === id ? filed : loaded.data
  const isActive = detail?.status === 'active'

  return (
    <Drawer open={id !== null} onClose={onClose} size={640} title={t('supervision.detailTitle')} destroyOnHidden>
      <CaseLoadError error={loaded.error} onRetry={loaded.reload} />
      {detail && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="supervision-detail">
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'target', label: t('supervision.target'), children: <SupervisionTarget view={detail} /> },
              { key: 'level', label: t('supervision.levelTitle'), children: `${levelLabel(detail.level)} · ${detail.supervisingUnitName}` },
              { key: 'responsible', label: t('supervision.responsibleUnit'), children: detail.responsibleUnitName },
              { key: 'cycle', label: t('supervision.cycleTitle'), children: t('supervision.cycle', { count: detail.reportCycleDays }) },
              { key: 'listedAt', label: t('supervision.listedAt'), children: formatDateTime(detail.listedAt) },
              { key: 'due', label: t('supervision.nextReportDueAt'), children: <NextReportDue view={detail} /> },
              ...(detail.liftNote ? [{ key: 'liftNote', label: t('supervision.liftNote'), children: detail.liftNote }] : []),
              {
                key: 'status',
                label: t('supervision.statusTitle'),
                children: <Tag color={isActive ? 'processing' : 'default'}>{t(`supervision.status.${detail.status}`)}</Tag>,
              },
            ]}
          />
          <Card size="small" title={t('supervision.reports', { count: detail.reports.length })}>
            {detail.reports.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.noReports')} />
            ) : (
              <ol className="ty-timeline">
                {[...detail.reports].reverse().map((r) => (
                  <li key={r.id} className="ty-timeline-item ty-timeline-blue" data-testid="supervision-report">
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(r.at)} · {r.reportedByName ?? r.reportedBy}
                    </Typography.Text>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.text}</Typography.Paragraph>
                  </li>
                ))}
              </ol>
            )}
          </Card>
          {isActive && can(CASE_PERMISSIONS.supervisionReport) && (
            <Card size="small" title={t('supervision.submitReport')}>
              <ReportForm
                detail={detail}
                onFiled={(next) => {
                  setFiled(next)
                  void message.success(t('supervision.reportFiled'))
                  onChanged()
                }}
              />
            </Card>
          )}
          {isActive && can(CASE_PERMISSIONS.supervisionWrite) && (
            <Button danger onClick={() => setIsLifting(true)} data-testid="supervision-lift">
              {t('supervision.lift')}
            </Button>
          )}
          {isLifting && (
            <LiftModal
              detail={detail}
              onClose={() => setIsLifting(false)}
              onLifted={() => {
                setIsLifting(false)
                setFiled(null)
                void message.success(t('supervision.lifted'))
                loaded.reload()
                onChanged()
              }}
            />
          )}
        </Space>
      )}
    </Drawer>
  )
}
