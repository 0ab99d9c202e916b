import { useState } from 'react'
import { App, Form, Modal, Select, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { assignClues, listTeamCandidates, type ClueView } from './api.ts'
import { ClueLoadError, useClueReportError } from './errors.tsx'

interface AssignModalProps {
  clueIds: string[]
  /** The unit the clues lie with: its active users are the team to choose from. */
  unitId: string
  /** The team as it is, when one clue is re-assigned. */
  current?: string[]
  onClose(): void
  onAssigned(views: ClueView[]): void
}

/** Gives the chosen clues one team (一信息一档一工作组): all of them or, if one is refused, none. */
export function AssignModal({ clueIds, unitId, current = [], onClose, onAssigned }: AssignModalProps) {
  const { t } = useTranslation('clues')
  const { message } = App.useApp()
  const reportError = useClueReportError()
  const [form] = Form.useForm<{ assignees: string[] }>()
  const [isSaving, setIsSaving] = useState(false)
  const people = useLoad(() => listTeamCandidates(unitId), [unitId])

  const save = async ({ assignees }: { assignees: string[] }) => {
    setIsSaving(true)
    try {
      const views = await assignClues({ clueIds, assignees })
      void message.success(t('assign.done', { count: views.length }))
      onAssigned(views)
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t('assign.title', { count: clueIds.length })}
      okText={t('assign.submit')}
      onOk={() => form.submit()}
      confirmLoading={isSaving}
      onCancel={onClose}
      destroyOnHidden
    >
      <ClueLoadError error={people.error} onRetry={people.reload} />
      <Typography.Paragraph type="secondary">{t('assign.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ assignees: current }} onFinish={(v) => void save(v)}>
        <Form.Item name="assignees" label={t('fields.team')} rules={[{ required: true, message: t('assign.required') }]}>
          <Select
            mode="multiple"
            loading={people.isLoading}
            options={(people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))}
            optionFilterProp="label"
            placeholder={t('assign.placeholder')}
            data-testid="assign-people"
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
