import { useState } from 'react'
import { App, Button, Form, Input, Modal, Popconfirm, Space } from 'antd'
import { CheckOutlined, CloseOutlined, ExperimentOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/client.ts'
import { decideHit, type HitDecision, type HitView } from './api.ts'
import { describeDnaError } from './errors.tsx'

type Decision = HitDecision['decision']
type ReasonedDecision = Exclude<Decision, 'confirm'>

interface HitDecisionBarProps {
  hit: HitView
  onDecided(hit: HitView): void
  /** The hit changed on the server meanwhile (decided by someone else): reload it. */
  onStale(): void
}

/** 确认 / 排除 / 要求重新采血: a rejection or a re-sampling request needs a reason, as the server insists. */
export function HitDecisionBar({ hit, onDecided, onStale }: HitDecisionBarProps) {
  const { t } = useTranslation('dna')
  const { message } = App.useApp()
  const [form] = Form.useForm<{ reason: string }>()
  const [asking, setAsking] = useState<ReasonedDecision | null>(null)
  const [busy, setBusy] = useState<Decision | null>(null)

  const send = async (decision: Decision, reason?: string) => {
    setBusy(decision)
    try {
      const decided = await decideHit(hit.id, { decision, ...(reason ? { reason } : {}) })
      void message.success(t(`hit.decision.done.${decision}`))
      setAsking(null)
      form.resetFields()
      onDecided(decided)
    } catch (error) {
      const text = describeDnaError(t, error)
      if (isApiError(error) && error.errors.some((e) => e.path === '/reason')) form.setFields([{ name: 'reason', errors: [text] }])
      else void message.error(text)
      if (isApiError(error) && error.code === 'dna_hit.already_decided') {
        setAsking(null)
        onStale()
      }
    } finally {
      setBusy(null)
    }
  }

  return (
    <>
      <Space wrap>
        <Popconfirm title={t('hit.decision.confirmPrompt')} onConfirm={() => send('confirm')} okText={t('hit.decision.confirm')}>
          <Button type="primary" icon={<CheckOutlined />} loading={busy === 'confirm'} data-testid="hit-confirm">
            {t('hit.decision.confirm')}
          </Button>
        </Popconfirm>
        <Button danger icon={<CloseOutlined />} onClick={() => setAsking('reject')} data-testid="hit-reject">
          {t('hit.decision.reject')}
        </Button>
        <Button icon={<ExperimentOutlined />} onClick={() => setAsking('request_resample')} data-testid="hit-resample">
          {t('hit.decision.request_resample')}
        </Button>
      </Space>
      <Modal
        open={asking !== null}
        title={asking && t(`hit.decision.${asking}`)}
        okText={t('hit.decision.submit')}
        okButtonProps={{ danger: asking === 'reject' }}
        confirmLoading={busy !== null}
        onOk={() => form.submit()}
        onCancel={() => setAsking(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={({ reason }) => asking && void send(asking, reason.trim())}>
          <Form.Item
            name="reason"
            label={t('hit.decision.reason')}
            extra={asking && t(`hit.decision.reasonHint.${asking}`)}
            rules={[{ required: true, whitespace: true, message: t('hit.decision.reasonRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={1000} showCount data-testid="hit-decision-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}
