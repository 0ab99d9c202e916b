import { useState } from 'react'
import { App, Button, Card, Descriptions, Form, Input, Radio, Space, Typography } from 'antd'
import { CheckOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../shared/format.ts'
import { recordFeedback, type ClueOutcome, type ClueView } from './api.ts'
import { useClueReportError } from './errors.tsx'
import { CLUE_OUTCOMES, useClueLabels } from './labels.ts'

const PROGRESS = 'progress'
type Choice = ClueOutcome | typeof PROGRESS

/**
 * The receiving unit's answer: a note alone records progress (the clue is being verified); a note with an outcome
 * closes the clue and its deadline, and the sender, the tipster's status page and a linked case learn of it.
 */
export function FeedbackCard({ clue, canAnswer, onSaved }: { clue: ClueView; canAnswer: boolean; onSaved(view: ClueView): void }) {
  const { t } = useTranslation('clues')
  const { outcomeLabel } = useClueLabels()
  const { message } = App.useApp()
  const reportError = useClueReportError()
  const [form] = Form.useForm<{ note: string; choice: Choice }>()
  const [isSaving, setIsSaving] = useState(false)
  const choice = Form.useWatch('choice', form)

  if (clue.status === 'closed') {
    return (
      <Card title={t('feedback.title')} size="small" data-testid="clue-feedback">
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'outcome', label: t('fields.outcome'), children: clue.outcome ? outcomeLabel(clue.outcome) : '—' },
            { key: 'closedAt', label: t('fields.closedAt'), children: formatDateTime(clue.closedAt) },
          ]}
        />
      </Card>
    )
  }
  if (!canAnswer) {
    return (
      <Card title={t('feedback.title')} size="small" data-testid="clue-feedback">
        <Typography.Text type="secondary">{t('feedback.awaiting')}</Typography.Text>
      </Card>
    )
  }

  const save = async ({ note, choice: picked }: { note: string; choice: Choice }) => {
    setIsSaving(true)
    try {
      const view = await recordFeedback(clue.id, { note: note.trim(), ...(picked === PROGRESS ? {} : { outcome: picked }) })
      void message.success(picked === PROGRESS ? t('feedback.progressSaved') : t('feedback.closed'))
      form.resetFields()
      onSaved(view)
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsSaving(false)
    }
  }

  return (
    <Card title={t('feedback.title')} size="small" data-testid="clue-feedback">
      <Form form={form} layout="vertical" initialValues={{ choice: PROGRESS }} onFinish={(v) => void save(v)} disabled={isSaving}>
        <Form.Item name="choice" label={t('feedback.kind')}>
          <Radio.Group data-testid="feedback-choice">
            <Space orientation="vertical">
              <Radio value={PROGRESS}>{t('feedback.progress')}</Radio>
              {CLUE_OUTCOMES.map((outcome) => (
                <Radio key={outcome} value={outcome} data-testid={`feedback-outcome-${outcome}`}>
                  {t('feedback.closeAs', { outcome: outcomeLabel(outcome) })}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="note"
          label={t('feedback.note')}
          rules={[{ required: true, whitespace: true, max: 2000, message: t('feedback.noteRule') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="feedback-note" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          danger={choice !== undefined && choice !== PROGRESS}
          icon={<CheckOutlined />}
          loading={isSaving}
          data-testid="feedback-submit"
        >
          {choice && choice !== PROGRESS ? t('feedback.submitClose') : t('feedback.submitProgress')}
        </Button>
      </Form>
    </Card>
  )
}
