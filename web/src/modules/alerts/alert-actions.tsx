import { useState } from 'react'
import { Link } from 'react-router'
import { App, Button, Flex, Form, Input, InputNumber, Modal, Popconfirm, Radio, Typography } from 'antd'
import { CheckOutlined, CloseOutlined, EditOutlined, ExpandAltOutlined, StopOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../auth/auth-context.tsx'
import { approveAlert, changeAlertRadius, endAlert, rejectAlertDraft, type AlertView } from './api.ts'
import { useAlertReportError } from './errors.tsx'
import { ALERT_PERMISSIONS } from './permissions.ts'

type Dialog = 'reject' | 'radius' | 'end' | null

interface AlertActionsProps {
  alert: AlertView
  /** After any change: the page reloads the workspace. */
  onChanged(): void
}

/** What the signed-in user may do with the alert now: edit or approve a draft, send it back, widen or narrow, end. */
export function AlertActions({ alert, onChanged }: AlertActionsProps) {
  const { t } = useTranslation('alerts')
  const { can } = useAuth()
  const { message } = App.useApp()
  const reportError = useAlertReportError()
  const [dialog, setDialog] = useState<Dialog>(null)
  const [isApproving, setIsApproving] = useState(false)

  const approve = async () => {
    setIsApproving(true)
    try {
      await approveAlert(alert.id)
      void message.success(t('actions.approved'))
      onChanged()
    } catch (error) {
      reportError(error)
    } finally {
      setIsApproving(false)
    }
  }

  const done = (text: string) => {
    setDialog(null)
    void message.success(text)
    onChanged()
  }

  const isDraft = alert.status === 'draft'
  const isActive = alert.status === 'active'
  const buttons = [
    isDraft && can(ALERT_PERMISSIONS.draft) && (
      <Link key="edit" to={`/alerts/${alert.id}/edit`}>
        <Button icon={<EditOutlined />} data-testid="alert-edit">
          {t('actions.edit')}
        </Button>
      </Link>
    ),
    isDraft && can(ALERT_PERMISSIONS.approve) && (
      <Popconfirm
        key="approve"
        title={t('actions.approveConfirm')}
        description={t('actions.approveConfirmDetail')}
        okText={t('actions.approve')}
        onConfirm={() => approve()}
      >
        <Button type="primary" icon={<CheckOutlined />} loading={isApproving} data-testid="alert-approve">
          {t('actions.approve')}
        </Button>
      </Popconfirm>
    ),
    isDraft && can(ALERT_PERMISSIONS.approve) && (
      <Button key="reject" icon={<CloseOutlined />} onClick={() => setDialog('reject')} data-testid="alert-reject">
        {t('actions.reject')}
      </Button>
    ),
    isActive && can(ALERT_PERMISSIONS.approve) && (
      <Button key="radius" icon={<ExpandAltOutlined />} onClick={() => setDialog('radius')} data-testid="alert-radius">
        {t('actions.radius')}
      </Button>
    ),
    isActive && can(ALERT_PERMISSIONS.end) && (
      <Button key="end" danger icon={<StopOutlined />} onClick={() => setDialog('end')} data-testid="alert-end">
        {t('actions.end')}
      </Button>
    ),
  ].filter(Boolean)

  if (buttons.length === 0) return null
  return (
    <>
      <Flex gap={8} wrap>
        {buttons}
      </Flex>
      <RejectDialog open={dialog === 'reject'} alert={alert} onClose={() => setDialog(null)} onDone={() => done(t('actions.rejected'))} />
      <RadiusDialog
        open={dialog === 'radius'}
        alert={alert}
        onClose={() => setDialog(null)}
        onDone={() => done(t('actions.radiusChanged'))}
      />
      <EndDialog open={dialog === 'end'} alert={alert} onClose={() => setDialog(null)} onDone={() => done(t('actions.ended'))} />
    </>
  )
}

interface DialogProps {
  open: boolean
  alert: AlertView
  onClose(): void
  onDone(): void
}

/** Runs a dialog's request with its button spinning; errors land on the form or as a toast. */
function useSubmit<T>(form: ReturnType<typeof Form.useForm<T>>[0], send: (values: T) => Promise<unknown>, onDone: () => void) {
  const reportError = useAlertReportError()
  const [isSaving, setIsSaving] = useState(false)
  const submit = async (values: T) => {
    setIsSaving(true)
    try {
      await send(values)
      form.resetFields()
      onDone()
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsSaving(false)
    }
  }
  return { isSaving, submit }
}

function RejectDialog({ open, alert, onClose, onDone }: DialogProps) {
  const { t } = useTranslation('alerts')
  const [form] = Form.useForm<{ note: string }>()
  const { isSaving, submit } = useSubmit(form, (v) => rejectAlertDraft(alert.id, v.note.trim()), onDone)
  return (
    <Modal
      open={open}
      title={t('actions.rejectTitle')}
      okText={t('actions.reject')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="note"
          label={t('actions.rejectNote')}
          rules={[{ required: true, whitespace: true, max: 500, message: t('actions.noteRule') }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="alert-reject-note" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function RadiusDialog({ open, alert, onClose, onDone }: DialogProps) {
  const { t } = useTranslation('alerts')
  const [form] = Form.useForm<{ radiusKm: number; reason: string }>()
  const { isSaving, submit } = useSubmit(
    form,
    (v) => changeAlertRadius(alert.id, { radiusKm: v.radiusKm, reason: v.reason.trim() }),
    onDone,
  )
  return (
    <Modal
      open={open}
      title={t('actions.radiusTitle')}
      okText={t('actions.radiusSubmit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('actions.radiusHint', { current: alert.radiusKm ?? '—' })}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ radiusKm: alert.radiusKm ?? undefined }} onFinish={(v) => void submit(v)}>
        <Form.Item
          name="radiusKm"
          label={t('actions.radiusKm')}
          rules={[{ required: true, type: 'number', min: 1, max: 3000, message: t('actions.radiusRule') }]}
        >
          <InputNumber min={1} max={3000} step={50} suffix="km" style={{ width: 200 }} data-testid="alert-radius-km" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('actions.reason')}
          rules={[{ required: true, whitespace: true, max: 300, message: t('actions.reasonRule') }]}
        >
          <Input.TextArea rows={2} maxLength={300} data-testid="alert-radius-reason" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function EndDialog({ open, alert, onClose, onDone }: DialogProps) {
  const { t } = useTranslation('alerts')
  const [form] = Form.useForm<{ reason: 'found' | 'withdrawn'; note?: string }>()
  const reason = Form.useWatch('reason', form)
  const { isSaving, submit } = useSubmit(
    form,
    (v) => endAlert(alert.id, { reason: v.reason, ...(v.note?.trim() ? { note: v.note.trim() } : {}) }),
    onDone,
  )
  return (
    <Modal
      open={open}
      title={t('actions.endTitle', { name: alert.details.childName })}
      okText={t('actions.endSubmit')}
      okButtonProps={{ danger: true, disabled: !reason }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('actions.endWarning')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="reason" label={t('actions.endReason')} rules={[{ required: true, message: t('actions.endReasonRule') }]}>
          <Radio.Group
            options={[
              { value: 'found', label: t('endReason.found') },
              { value: 'withdrawn', label: t('endReason.withdrawn') },
            ]}
            data-testid="alert-end-reason"
          />
        </Form.Item>
        <Form.Item name="note" label={t('actions.endNote')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
