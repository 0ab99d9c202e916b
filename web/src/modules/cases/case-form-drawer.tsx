import { useState } from 'react'
import { Alert, Button, Drawer, Form, Space } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { UnitView } from '../identity/api.ts'
import { createCase, updateCase, type CaseView } from './api.ts'
import { checkCaseForm, toCaseCreate, toCaseUpdate, toFormValues, type CaseFormValues } from './case-form.ts'
import { CaseFormFields, IntakeFields } from './case-form-fields.tsx'
import { useCaseReportError } from './errors.tsx'

interface CaseFormDrawerProps {
  open: boolean
  /** The case being edited, or null to report a new one. */
  editing: CaseView | null
  /** Police units the caller may report to; a choice is offered when there is more than one. */
  units: readonly UnitView[]
  onClose(): void
  onSaved(view: CaseView, isNew: boolean): void
}

const NEW_CASE: Partial<CaseFormValues> = { intakeChannel: 'station', suspectedTrafficking: false, child: { name: '', sex: 'unknown' } }

/** Reports a case (接报) or edits one: checked in the browser as the server checks it, then by the server. */
export function CaseFormDrawer({ open, editing, units, onClose, onSaved }: CaseFormDrawerProps) {
  const { t } = useTranslation('cases')
  const reportError = useCaseReportError()
  const [form] = Form.useForm<CaseFormValues>()
  const [isSaving, setIsSaving] = useState(false)
  const [hasProblems, setHasProblems] = useState(false)

  /** The server's checks, run here first; true when the form may be sent. */
  const passesChecks = (values: CaseFormValues) => {
    // Checks that compare fields need the last-seen time; antd already flags it when it is missing.
    if (!values.lastSeen?.at || !values.child || !values.reporter) return false
    const problems = checkCaseForm(values, new Date(), editing ? new Date(editing.reportedAt) : undefined)
    form.setFields(problems.map((p) => ({ name: p.name as never, errors: [t(`fieldErrors.${p.code}`)] })))
    return problems.length === 0
  }

  const onFinish = async (values: CaseFormValues) => {
    const isClean = passesChecks(values)
    setHasProblems(!isClean)
    if (!isClean) return
    setIsSaving(true)
    try {
      const saved = editing ? await updateCase(editing.id, toCaseUpdate(values)) : await createCase(toCaseCreate(values))
      form.resetFields()
      onSaved(saved, editing === null)
    } catch (error) {
      setHasProblems(true)
      reportError(error, form)
    } finally {
      setIsSaving(false)
    }
  }

  return (
    <Drawer
      open={open}
      title={editing ? t('intake.editTitle', { caseNo: editing.caseNo }) : t('intake.title')}
      size={760}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="primary" loading={isSaving} onClick={() => form.submit()} data-testid="case-form-submit">
            {editing ? t('common:actions.save') : t('intake.submit')}
          </Button>
        </Space>
      }
    >
      {hasProblems && <Alert type="error" showIcon title={t('intake.fixProblems')} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={editing ? toFormValues(editing) : { ...NEW_CASE, lastSeen: { at: dayjs() } }}
        onFinish={(v) => void onFinish(v)}
        onFinishFailed={({ values }) => {
          setHasProblems(true)
          passesChecks(values)
        }}
        scrollToFirstError
        data-testid="case-form"
      >
        {!editing && <IntakeFields units={units} />}
        <CaseFormFields />
      </Form>
    </Drawer>
  )
}
