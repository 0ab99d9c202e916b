import { useState } from 'react'
import { Col, Form, Input, InputNumber, Modal, Row, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useReportError } from '../../api/errors.ts'
import { listDivisions, type UnitView } from '../identity/api.ts'
import { UnitSelect } from '../identity/unit-select.tsx'
import { createCollectionPoint, updateCollectionPoint, type CollectionPointView } from './api.ts'
import { DivisionPicker } from './division-picker.tsx'

interface PointFields {
  unitId: string | null
  name: string
  address: string
  divisionCode: string | null
  latitude: number
  longitude: number
  phone?: string
  hours?: string
  notes?: string
}

interface PointFormModalProps {
  open: boolean
  /** The point being edited, or null for a new one. */
  point: CollectionPointView | null
  units: readonly UnitView[]
  defaultUnitId: string | null
  onClose(): void
  onSaved(point: CollectionPointView, isNew: boolean): void
}

const blankToNull = (text: string | undefined) => (text?.trim() ? text.trim() : null)

/** New point or changes to one: where it is (division, address, WGS-84 coordinates) and what the public sees. */
export function PointFormModal({ open, point, units, defaultUnitId, onClose, onSaved }: PointFormModalProps) {
  const { t } = useTranslation('collectionPoints')
  const reportError = useReportError()
  const [form] = Form.useForm<PointFields>()
  const [isSaving, setIsSaving] = useState(false)

  const onFinish = async (values: PointFields) => {
    setIsSaving(true)
    const common = {
      name: values.name.trim(),
      address: values.address.trim(),
      divisionCode: values.divisionCode!,
      latitude: values.latitude,
      longitude: values.longitude,
    }
    try {
      const saved = point
        ? await updateCollectionPoint(point.id, {
            ...common,
            phone: blankToNull(values.phone),
            hours: blankToNull(values.hours),
            notes: blankToNull(values.notes),
          })
        : await createCollectionPoint({
            ...common,
            ...(values.unitId ? { unitId: values.unitId } : {}),
            ...(blankToNull(values.phone) ? { phone: blankToNull(values.phone)! } : {}),
            ...(blankToNull(values.hours) ? { hours: blankToNull(values.hours)! } : {}),
            ...(blankToNull(values.notes) ? { notes: blankToNull(values.notes)! } : {}),
          })
      form.resetFields()
      onSaved(saved, point === null)
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsSaving(false)
    }
  }

  const initialValues: Partial<PointFields> = point
    ? {
        name: point.name,
        address: point.address,
        divisionCode: point.divisionCode,
        latitude: point.latitude,
        longitude: point.longitude,
        phone: point.phone ?? undefined,
        hours: point.hours ?? undefined,
        notes: point.notes ?? undefined,
      }
    : { unitId: defaultUnitId }

  return (
    <Modal
      open={open}
      title={point ? t('console.form.editTitle') : t('console.form.createTitle')}
      okText={point ? t('common:actions.save') : t('common:actions.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void onFinish(v)}>
        {!point && (
          <Form.Item name="unitId" label={t('console.fields.unit')} extra={t('console.form.unitHint')}>
            <UnitSelect units={units.filter((u) => u.type === 'public_security')} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('console.fields.name')}
          rules={[{ required: true, min: 2, max: 100, message: t('console.form.nameRule') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="divisionCode"
          label={t('console.fields.division')}
          extra={t('console.form.divisionHint')}
          rules={[{ required: true, message: t('console.form.divisionRequired') }]}
        >
          <DivisionPicker load={listDivisions} placeholder={t('console.form.divisionPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="address"
          label={t('console.fields.address')}
          rules={[{ required: true, min: 2, max: 200, message: t('console.form.addressRule') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="latitude"
              label={t('console.fields.latitude')}
              rules={[{ required: true, message: t('console.form.latitudeRule') }]}
            >
              <InputNumber min={3} max={54} step={0.0001} precision={6} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="longitude"
              label={t('console.fields.longitude')}
              rules={[{ required: true, message: t('console.form.longitudeRule') }]}
            >
              <InputNumber min={73} max={136} step={0.0001} precision={6} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('console.form.coordinatesHint')}
        </Typography.Paragraph>
        <Form.Item name="phone" label={t('console.fields.phone')} rules={[{ min: 3, max: 40, message: t('console.form.phoneRule') }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="hours" label={t('console.fields.hours')}>
          <Input maxLength={200} placeholder={t('console.form.hoursPlaceholder')} />
        </Form.Item>
        <Form.Item name="notes" label={t('console.fields.notes')} extra={t('console.form.notesHint')}>
          <Input.TextArea maxLength={1000} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
