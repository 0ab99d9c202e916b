import { useState, type ReactNode } from 'react'
import { Alert, Button, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row } from 'antd'
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import type { Dayjs } from 'dayjs'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { recordDispatch, type CaseView, type DispatchCreate } from './api.ts'
import { useCaseReportError } from './errors.tsx'

interface DispatchValues {
  at?: Dayjs | null
  unitsSent?: { name: string; officers?: number | null; task?: string }[]
  checkpoints?: { location: string; lat?: number | null; lon?: number | null }[]
  cctvChecked?: { location: string; period?: [Dayjs, Dayjs] | null; finding?: string }[]
  areasSearched?: { area: string; result?: string }[]
  note?: string
}

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined)
const num = (value: number | null | undefined) => (value === null || value === undefined ? undefined : value)
const clean = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
const some = <T,>(list: T[] | undefined) => (list?.length ? list : undefined)

export function toDispatch(values: DispatchValues): DispatchCreate {
  return clean({
    at: values.at ? values.at.toISOString() : undefined,
    unitsSent: some(values.unitsSent?.map((u) => clean({ name: u.name.trim(), officers: num(u.officers), task: text(u.task) }))),
    checkpoints: some(values.checkpoints?.map((c) => clean({ location: c.location.trim(), lat: num(c.lat), lon: num(c.lon) }))),
    cctvChecked: some(
      values.cctvChecked?.map((c) =>
        clean({
          location: c.location.trim(),
          from: c.period?.[0].toISOString(),
          to: c.period?.[1].toISOString(),
          finding: text(c.finding),
        }),
      ),
    ),
    areasSearched: some(values.areasSearched?.map((a) => clean({ area: a.area.trim(), result: text(a.result) }))),
    note: text(values.note),
  })
}

/** One repeatable group of rows (units, checkpoints, cameras, areas), each row with a remove button. */
function Rows({ name, title, addLabel, row }: { name: string; title: string; addLabel: string; row: (field: number) => ReactNode }) {
  const { t } = useTranslation('cases')
  return (
    <>
      <Divider titlePlacement="start" plain>
        {title}
      </Divider>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row key={field.key} gutter={8} wrap={false} align="top">
                <Col flex="auto">{row(field.name)}</Col>
                <Col flex="none">
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('dispatch.remove')} />
                </Col>
              </Row>
            ))}
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add()}>
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </>
  )
}

/** The command centre's rapid-search record (快速查找): units sent, checkpoints, CCTV checked, areas searched. */
export function DispatchModal({ view, onClose, onSaved }: { view: CaseView; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation('cases')
  const reportError = useCaseReportError()
  const [form] = Form.useForm<DispatchValues>()
  const [isSaving, setIsSaving] = useState(false)
  const [isEmpty, setIsEmpty] = useState(false)
  const required = (message: string) => [{ required: true, whitespace: true, message }]

  const onFinish = async (values: DispatchValues) => {
    const body = toDispatch(values)
    const hasAny = body.unitsSent || body.checkpoints || body.cctvChecked || body.areasSearched || body.note
    setIsEmpty(!hasAny)
    if (!hasAny) return
    setIsSaving(true)
    try {
      await recordDispatch(view.id, body)
      onSaved()
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t('dispatch.title', { caseNo: view.caseNo })}
      okText={t('dispatch.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      width={760}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} data-testid="dispatch-form">
        <Form.Item name="at" label={t('dispatch.at')} extra={t('dispatch.atHint')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
        </Form.Item>
        <Rows
          name="unitsSent"
          title={t('dispatch.unitsSent')}
          addLabel={t('dispatch.addUnit')}
          row={(field) => (
            <Row gutter={8}>
              <Col xs={24} sm={10}>
                <Form.Item name={[field, 'name']} rules={required(t('dispatch.nameRequired'))}>
                  <Input maxLength={200} placeholder={t('dispatch.unitName')} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={5}>
                <Form.Item name={[field, 'officers']}>
                  <InputNumber min={1} max={10000} precision={0} placeholder={t('dispatch.officers')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={9}>
                <Form.Item name={[field, 'task']}>
                  <Input maxLength={500} placeholder={t('dispatch.task')} />
                </Form.Item>
              </Col>
            </Row>
          )}
        />
        <Rows
          name="checkpoints"
          title={t('dispatch.checkpoints')}
          addLabel={t('dispatch.addCheckpoint')}
          row={(field) => (
            <Row gutter={8}>
              <Col xs={24} sm={12}>
                <Form.Item name={[field, 'location']} rules={required(t('dispatch.locationRequired'))}>
                  <Input maxLength={200} placeholder={t('dispatch.location')} />
                </Form.Item>
              </Col>
              <Col xs={12} sm={6}>
                <Form.Item name={[field, 'lat']}>
                  <InputNumber min={-90} max={90} step={0.0001} placeholder={t('fields.lat')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} sm={6}>
                <Form.Item name={[field, 'lon']}>
                  <InputNumber min={-180} max={180} step={0.0001} placeholder={t('fields.lon')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          )}
        />
        <Rows
          name="cctvChecked"
          title={t('dispatch.cctvChecked')}
          addLabel={t('dispatch.addCamera')}
          row={(field) => (
            <Row gutter={8}>
              <Col xs={24} sm={8}>
                <Form.Item name={[field, 'location']} rules={required(t('dispatch.locationRequired'))}>
                  <Input maxLength={200} placeholder={t('dispatch.camera')} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={8}>
                <Form.Item name={[field, 'period']}>
                  <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="MM-DD HH:mm" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={8}>
                <Form.Item name={[field, 'finding']}>
                  <Input maxLength={1000} placeholder={t('dispatch.finding')} />
                </Form.Item>
              </Col>
            </Row>
          )}
        />
        <Rows
          name="areasSearched"
          title={t('dispatch.areasSearched')}
          addLabel={t('dispatch.addArea')}
          row={(field) => (
            <Row gutter={8}>
              <Col xs={24} sm={12}>
                <Form.Item name={[field, 'area']} rules={required(t('dispatch.areaRequired'))}>
                  <Input maxLength={200} placeholder={t('dispatch.area')} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name={[field, 'result']}>
                  <Input maxLength={1000} placeholder={t('dispatch.result')} />
                </Form.Item>
              </Col>
            </Row>
          )}
        />
        <Divider />
        <Form.Item name="note" label={t('dispatch.note')}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
        {isEmpty && <Alert type="error" showIcon title={t('errors.case.dispatch_empty')} />}
      </Form>
    </Modal>
  )
}
