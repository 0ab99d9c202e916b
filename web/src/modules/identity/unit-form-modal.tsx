import { useState } from 'react'
import { Form, Input, Modal, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { useReportError } from '../../api/errors.ts'
import { createUnit, type UnitLevel, type UnitType, type UnitView } from './api.ts'
import { DivisionCascader, type DivisionOption } from './division-cascader.tsx'
import { UNIT_LEVELS, UNIT_TYPES, useIdentityLabels } from './labels.ts'
import { UnitSelect } from './unit-select.tsx'

interface UnitFields {
  name: string
  type: UnitType
  level: UnitLevel
  divisionCode: string[]
  parentId: string | null
  phone?: string
}

// A unit's level follows the division it covers; the server refuses a mismatch (unit.level_mismatch).
const LEVEL_OF_DIVISION: Record<DivisionOption['level'], UnitLevel> = {
  country: 'national',
  province: 'province',
  city: 'city',
  county: 'county',
}

interface UnitFormModalProps {
  open: boolean
  units: readonly UnitView[]
  defaultParentId: string | null
  onClose(): void
  onCreated(unit: UnitView): void
}

/** New unit: name, type, division (which sets the level) and parent. */
export function UnitFormModal({ open, units, defaultParentId, onClose, onCreated }: UnitFormModalProps) {
  const { t } = useTranslation('identity')
  const { unitTypeLabel, levelLabel } = useIdentityLabels()
  const reportError = useReportError()
  const [form] = Form.useForm<UnitFields>()
  const [isSaving, setIsSaving] = useState(false)
  const type = Form.useWatch('type', form)

  const onFinish = async (values: UnitFields) => {
    setIsSaving(true)
    try {
      const unit = await createUnit({
        name: values.name.trim(),
        type: values.type,
        level: values.level,
        divisionCode: values.divisionCode[values.divisionCode.length - 1],
        parentId: values.parentId ?? null,
        ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
      })
      form.resetFields()
      onCreated(unit)
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsSaving(false)
    }
  }

  return (
    <Modal
      open={open}
      title={t('units.form.title')}
      okText={t('common:actions.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ type: 'public_security', parentId: defaultParentId }}
        onFinish={(v) => void onFinish(v)}
      >
        <Form.Item
          name="name"
          label={t('units.fields.name')}
          rules={[{ required: true, min: 2, max: 100, message: t('units.form.nameRule') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="type" label={t('units.fields.type')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={UNIT_TYPES.map((value) => ({ value, label: unitTypeLabel(value) }))}
          />
        </Form.Item>
        <Form.Item
          name="divisionCode"
          label={t('units.fields.division')}
          rules={[{ required: true, message: t('units.form.divisionRequired') }]}
        >
          <DivisionCascader
            onChange={(_, selected) => {
              const last = selected[selected.length - 1]
              if (last) form.setFieldValue('level', LEVEL_OF_DIVISION[last.level])
            }}
          />
        </Form.Item>
        <Form.Item name="level" label={t('units.fields.level')} rules={[{ required: true }]} extra={t('units.form.levelHint')}>
          <Select options={UNIT_LEVELS.map((value) => ({ value, label: levelLabel(value, type) }))} />
        </Form.Item>
        <Form.Item name="parentId" label={t('units.fields.parent')} extra={t('units.form.parentHint')}>
          <UnitSelect units={units} allowClear placeholder={t('units.form.noParent')} />
        </Form.Item>
        <Form.Item name="phone" label={t('units.fields.phone')}>
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
