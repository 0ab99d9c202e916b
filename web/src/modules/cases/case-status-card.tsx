import { useState } from 'react'
import { App, Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { TRANSITIONS, isUnsolved } from '../../../../src/modules/cases/lifecycle.ts'
import { transitionCase, type CaseStatus, type CaseView, type CloseReason } from './api.ts'
import { CaseStatusTags } from './case-columns.tsx'
import { describeCaseError } from './errors.tsx'
import { CLOSE_REASONS, useCaseLabels } from './labels.ts'

interface MoveValues {
  to: CaseStatus
  reason?: string
  closeReason?: CloseReason
}

/** A case whose child was never found closes only for these reasons (the server says so too). */
const UNSOLVED_CLOSE_REASONS: CloseReason[] = ['withdrawn', 'false_report', 'duplicate', 'other']

/**
 * The status and the moves the lifecycle allows from it (the server's own table), with a reason, and a close
 * reason when closing. A refusal (a trafficking case cannot be closed unsolved) is shown as the server gives it.
 */
export function CaseStatusCard({ view, canMove, onMoved }: { view: CaseView; canMove: boolean; onMoved(view: CaseView): void }) {
  const { t } = useTranslation('cases')
  const { message } = App.useApp()
  const { statusLabel, closeReasonLabel } = useCaseLabels()
  const [form] = Form.useForm<MoveValues>()
  const to = Form.useWatch('to', form)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [isMoving, setIsMoving] = useState(false)
  const moves = TRANSITIONS[view.status]
  const closeReasons = isUnsolved(view.status) ? UNSOLVED_CLOSE_REASONS : CLOSE_REASONS

  const onFinish = async (values: MoveValues) => {
    setIsMoving(true)
    setRefusal(null)
    try {
      const moved = await transitionCase(view.id, {
        to: values.to,
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
        ...(values.to === 'closed' && values.closeReason ? { closeReason: values.closeReason } : {}),
      })
      form.resetFields()
      void message.success(t('move.moved', { status: statusLabel(moved.status) }))
      onMoved(moved)
    } catch (error) {
      setRefusal(describeCaseError(t, error))
    } finally {
      setIsMoving(false)
    }
  }

  return (
    <Card title={t('move.title')} size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <CaseStatusTags status={view.status} suspectedTrafficking={view.suspectedTrafficking} />
        {view.suspectedTrafficking && isUnsolved(view.status) && (
          <Typography.Text type="secondary">{t('move.traffickingNote')}</Typography.Text>
        )}
        {canMove && moves.length > 0 && (
          <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} onValuesChange={() => setRefusal(null)}>
            <Form.Item name="to" label={t('move.to')} rules={[{ required: true, message: t('move.toRequired') }]}>
              <Select
                options={moves.map((value) => ({ value, label: statusLabel(value) }))}
                placeholder={t('move.toPlaceholder')}
                data-testid="case-move-to"
              />
            </Form.Item>
            {to === 'closed' && (
              <Form.Item
                name="closeReason"
                label={t('fields.closeReason')}
                rules={[{ required: true, message: t('move.closeReasonRequired') }]}
              >
                <Select
                  options={closeReasons.map((value) => ({ value, label: closeReasonLabel(value) }))}
                  data-testid="case-close-reason"
                />
              </Form.Item>
            )}
            <Form.Item name="reason" label={t('move.reason')}>
              <Input.TextArea maxLength={2000} rows={2} data-testid="case-move-reason" />
            </Form.Item>
            {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="case-move-refusal" />}
            <Button type="primary" htmlType="submit" loading={isMoving} data-testid="case-move-submit">
              {t('move.submit')}
            </Button>
          </Form>
        )}
      </Space>
    </Card>
  )
}
