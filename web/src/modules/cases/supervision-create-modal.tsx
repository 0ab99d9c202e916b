import { useState } from 'react'
import { Form, Input, InputNumber, Modal, Radio, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { DivisionPicker } from '../collection-points/division-picker.tsx'
import { listDivisions, type UnitView } from '../identity/api.ts'
import { UnitSelect } from '../identity/unit-select.tsx'
import { createSupervision, type SupervisionCreate, type SupervisionView } from './api.ts'
import { CaseSelect } from './case-select.tsx'
import { useCaseReportError } from './errors.tsx'

interface ListingValues {
  targetKind: 'case' | 'area'
  caseId?: string
  divisionCode?: string | null
  warning?: string
  reportCycleDays: number
  responsibleUnitId?: string | null
}

function toCreate(values: ListingValues): SupervisionCreate {
  const warning = values.warning?.trim() || undefined
  if (values.targetKind === 'case') {
    return { targetKind: 'case', caseId: values.caseId!, reportCycleDays: values.reportCycleDays, ...(warning ? { warning } : {}) }
  }
  return {
    targetKind: 'area',
    divisionCode: values.divisionCode!,
    warning: warning!,
    reportCycleDays: values.reportCycleDays,
    ...(values.responsibleUnitId ? { responsibleUnitId: values.responsibleUnitId } : {}),
  }
}

interface SupervisionCreateModalProps {
  /** Lists this case; otherwise the form asks for a case or an area. */
  caseId?: string
  units: readonly UnitView[]
  onClose(): void
  onCreated(view: SupervisionView): void
}

/** 挂牌督办: the ministry or a province lists a case, or a key area with a warning, and sets the report cycle. */
export function SupervisionCreateModal({ caseId, units, onClose, onCreated }: SupervisionCreateModalProps) {
  const { t } = useTranslation('cases')
  const reportError = useCaseReportError()
  const [form] = Form.useForm<ListingValues>()
  const kind = Form.useWatch('targetKind', form) ?? 'case'
  const [isSaving, setIsSaving] = useState(false)

  const onFinish = async (values: ListingValues) => {
    setIsSaving(true)
    try {
      // A case given by the workspace has no fields on the form, so it is not among the values.
      onCreated(await createSupervision(toCreate(caseId ? { ...values, targetKind: 'case', caseId } : values)))
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t('supervision.create')}
      okText={t('supervision.createOk')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      width={600}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('supervision.createHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ targetKind: 'case', caseId, reportCycleDays: 7 }}
        onFinish={(v) => void onFinish(v)}
        data-testid="supervision-form"
      >
        {!caseId && (
          <Form.Item name="targetKind" label={t('supervision.target')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'case', label: t('supervision.targetCase') },
                { value: 'area', label: t('supervision.targetArea') },
              ]}
            />
          </Form.Item>
        )}
        {kind === 'case' && !caseId && (
          <Form.Item name="caseId" label={t('supervision.targetCase')} rules={[{ required: true, message: t('caseSelect.required') }]}>
            <CaseSelect />
          </Form.Item>
        )}
        {kind === 'area' && (
          <>
            <Form.Item
              name="divisionCode"
              label={t('supervision.area')}
              extra={t('supervision.areaHint')}
              rules={[{ required: true, message: t('intake.divisionRequired') }]}
            >
              <DivisionPicker load={listDivisions} placeholder={t('intake.divisionPlaceholder')} />
            </Form.Item>
            <Form.Item name="responsibleUnitId" label={t('supervision.responsibleUnit')} extra={t('supervision.responsibleHint')}>
              <UnitSelect units={units.filter((u) => u.type === 'public_security')} allowClear />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="warning"
          label={t('supervision.warning')}
          rules={[{ required: kind === 'area', whitespace: true, message: t('supervision.warningRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('supervision.warningPlaceholder')} />
        </Form.Item>
        <Form.Item name="reportCycleDays" label={t('supervision.cycleTitle')} rules={[{ required: true, message: t('intake.required') }]}>
          <InputNumber min={1} max={90} precision={0} suffix={t('supervision.days')} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
