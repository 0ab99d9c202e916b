import { Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { DivisionPicker } from '../collection-points/division-picker.tsx'
import type { UnitView } from '../identity/api.ts'
import { UnitSelect } from '../identity/unit-select.tsx'
import { listPublicDivisions } from './api.ts'
import { INTAKE_CHANNELS, SEXES, useCaseLabels } from './labels.ts'

const half = { xs: 24, sm: 12 }
const third = { xs: 24, sm: 8 }
const noFuture = (day: dayjs.Dayjs) => day.isAfter(dayjs().endOf('day'))

/** How the report came in, when and to which unit: asked only when the case is reported. */
export function IntakeFields({ units }: { units: readonly UnitView[] }) {
  const { t } = useTranslation('cases')
  const { channelLabel } = useCaseLabels()
  return (
    <Row gutter={16}>
      {units.length > 1 && (
        <Col span={24}>
          <Form.Item name="unitId" label={t('fields.unit')} extra={t('intake.unitHint')}>
            <UnitSelect units={units} />
          </Form.Item>
        </Col>
      )}
      <Col {...half}>
        <Form.Item name="intakeChannel" label={t('fields.intakeChannel')} rules={[{ required: true, message: t('intake.required') }]}>
          <Select options={INTAKE_CHANNELS.map((value) => ({ value, label: channelLabel(value) }))} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="reportedAt" label={t('fields.reportedAt')} extra={t('intake.reportedAtHint')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={noFuture} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  )
}

function ChildFields() {
  const { t } = useTranslation('cases')
  const { sexLabel } = useCaseLabels()
  return (
    <>
      <Divider titlePlacement="start">{t('intake.sections.child')}</Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            name={['child', 'name']}
            label={t('fields.childName')}
            rules={[{ required: true, max: 60, whitespace: true, message: t('intake.required') }]}
          >
            <Input maxLength={60} data-testid="case-child-name" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={['child', 'sex']} label={t('fields.sex')} rules={[{ required: true, message: t('intake.required') }]}>
            <Select options={SEXES.map((value) => ({ value, label: sexLabel(value) }))} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={['child', 'birthDate']} label={t('fields.birthDate')}>
            <DatePicker disabledDate={noFuture} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={['child', 'ageYears']} label={t('fields.ageYears')} extra={t('intake.ageHint')}>
            <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={['child', 'heightCm']} label={t('fields.heightCm')}>
            <InputNumber min={30} max={220} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name={['child', 'idNumber']}
            label={t('fields.idNumber')}
            extra={t('intake.idNumberHint')}
            rules={[{ pattern: /^[0-9]{17}[0-9Xx]$/, message: t('fieldErrors.id_number_format') }]}
          >
            <Input maxLength={18} className="ty-mono" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={['child', 'dialect']} label={t('fields.dialect')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={['child', 'build']} label={t('fields.build')}>
            <Input maxLength={100} placeholder={t('intake.buildPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={['child', 'clothing']} label={t('fields.clothing')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={['child', 'marks']} label={t('fields.marks')} extra={t('intake.marksHint')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Col>
      </Row>
    </>
  )
}

function LastSeenFields() {
  const { t } = useTranslation('cases')
  return (
    <>
      <Divider titlePlacement="start">{t('intake.sections.lastSeen')}</Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name={['lastSeen', 'at']} label={t('fields.lastSeenAt')} rules={[{ required: true, message: t('intake.required') }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={noFuture} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name={['lastSeen', 'divisionCode']}
            label={t('fields.lastSeenDivision')}
            extra={t('intake.divisionHint')}
            rules={[{ required: true, message: t('intake.divisionRequired') }]}
          >
            <DivisionPicker load={listPublicDivisions} placeholder={t('intake.divisionPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name={['lastSeen', 'address']}
            label={t('fields.lastSeenAddress')}
            rules={[{ required: true, max: 300, whitespace: true, message: t('intake.required') }]}
          >
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={['lastSeen', 'lat']} label={t('fields.lat')}>
            <InputNumber min={3} max={54} step={0.0001} precision={6} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={['lastSeen', 'lon']} label={t('fields.lon')}>
            <InputNumber min={73} max={136} step={0.0001} precision={6} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="circumstances"
        label={t('fields.circumstances')}
        rules={[{ required: true, max: 5000, whitespace: true, message: t('intake.required') }]}
      >
        <Input.TextArea maxLength={5000} rows={4} placeholder={t('intake.circumstancesPlaceholder')} />
      </Form.Item>
    </>
  )
}

function ReporterFields() {
  const { t } = useTranslation('cases')
  return (
    <>
      <Divider titlePlacement="start">{t('intake.sections.reporter')}</Divider>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item
            name={['reporter', 'name']}
            label={t('fields.reporterName')}
            rules={[{ required: true, max: 60, whitespace: true, message: t('intake.required') }]}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item
            name={['reporter', 'relation']}
            label={t('fields.reporterRelation')}
            rules={[{ required: true, max: 30, whitespace: true, message: t('intake.required') }]}
          >
            <Input maxLength={30} placeholder={t('intake.relationPlaceholder')} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item
            name={['reporter', 'phone']}
            label={t('fields.reporterPhone')}
            rules={[{ required: true, message: t('intake.required') }]}
          >
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
    </>
  )
}

/** The child, where and when last seen, the circumstances and who reported: the same fields to report and to edit. */
export function CaseFormFields() {
  const { t } = useTranslation('cases')
  return (
    <>
      <Form.Item name="suspectedTrafficking" valuePropName="checked" extra={t('intake.suspectedHint')}>
        <Checkbox>{t('fields.suspectedTrafficking')}</Checkbox>
      </Form.Item>
      <ChildFields />
      <LastSeenFields />
      <ReporterFields />
    </>
  )
}
