import { Card, Col, DatePicker, Form, Input, Row, Select } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { DivisionPicker } from '../collection-points/division-picker.tsx'
import { CaseSelect } from '../cases/case-select.tsx'
import { listDivisions, type ClueUnitView, type ConsoleKind } from './api.ts'
import { hasContact, isAddressed, needsPlace } from './clue-create-body.ts'
import { INSTITUTION_TYPES, useClueLabels } from './labels.ts'
import { PointMap, type Point } from './point-map.tsx'

const half = { xs: 24, md: 12 }
const noFuture = (day: dayjs.Dayjs) => day.isAfter(dayjs().endOf('day'))
/** A directive is answered within 7 days; an assistance request's term may be set up to 90. */
const latestDueDays = (kind: ConsoleKind) => (kind === 'directive' ? 7 : 90)

/** What every kind says: subject, text, when; and the case it concerns, for those who may look cases up. */
export function CommonFields({ canPickCase }: { canPickCase: boolean }) {
  const { t } = useTranslation('clues')
  return (
    <>
      <Form.Item
        name="subject"
        label={t('fields.subject')}
        rules={[{ required: true, whitespace: true, max: 200, message: t('create.subjectRule') }]}
      >
        <Input maxLength={200} data-testid="clue-subject" />
      </Form.Item>
      <Form.Item name="text" label={t('fields.text')} rules={[{ required: true, whitespace: true, message: t('create.textRule') }]}>
        <Input.TextArea rows={5} maxLength={5000} showCount data-testid="clue-text" />
      </Form.Item>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="seenAt" label={t('fields.seenAt')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={noFuture} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {canPickCase && (
          <Col {...half}>
            <Form.Item name="caseId" label={t('fields.case')} extra={t('create.caseHint')}>
              <CaseSelect />
            </Form.Item>
          </Col>
        )}
      </Row>
    </>
  )
}

/** Where: the division (which routes place-bound kinds), the address and an optional point on the map. */
export function PlaceFields({ kind, point, onPoint }: { kind: ConsoleKind; point: Point | null; onPoint(p: Point | null): void }) {
  const { t } = useTranslation('clues')
  return (
    <Card size="small" title={t('create.place')} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            name={['place', 'divisionCode']}
            label={t('fields.division')}
            extra={needsPlace(kind) ? t('create.divisionRoutes') : undefined}
            rules={needsPlace(kind) ? [{ required: true, message: t('create.divisionRequired') }] : []}
          >
            <DivisionPicker load={listDivisions} placeholder={t('public.tip.divisionPlaceholder')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={['place', 'address']} label={t('fields.address')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
      <PointMap point={point} onPick={onPoint} label={t('map.pickLabel')} testId="clue-create-map" />
    </Card>
  )
}

/** The fields only some kinds have: the institution, the post online, the addressed unit and due date, a contact. */
export function KindFields({ kind, units }: { kind: ConsoleKind; units: ClueUnitView[] }) {
  const { t } = useTranslation('clues')
  const { institutionLabel } = useClueLabels()
  return (
    <Row gutter={16}>
      {kind === 'mandatory_report' && (
        <>
          <Col {...half}>
            <Form.Item
              name="institutionType"
              label={t('fields.institutionType')}
              rules={[{ required: true, message: t('create.required') }]}
            >
              <Select
                options={INSTITUTION_TYPES.map((value) => ({ value, label: institutionLabel(value) }))}
                data-testid="clue-institution-type"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="institutionName"
              label={t('fields.institutionName')}
              rules={[{ required: true, whitespace: true, max: 200, message: t('create.required') }]}
            >
              <Input maxLength={200} data-testid="clue-institution-name" />
            </Form.Item>
          </Col>
        </>
      )}
      {kind === 'online_report' && (
        <>
          <Col {...half}>
            <Form.Item
              name="url"
              label={t('fields.url')}
              rules={[{ required: true, type: 'url', pattern: /^https?:\/\//, message: t('create.urlRule') }]}
            >
              <Input maxLength={2000} placeholder="https://" data-testid="clue-url" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="platform"
              label={t('fields.platform')}
              rules={[{ required: true, whitespace: true, max: 100, message: t('create.required') }]}
            >
              <Input maxLength={100} placeholder={t('create.platformPlaceholder')} data-testid="clue-platform" />
            </Form.Item>
          </Col>
        </>
      )}
      {isAddressed(kind) && (
        <>
          <Col {...half}>
            <Form.Item
              name="targetUnitId"
              label={t('fields.targetUnit')}
              extra={t(`create.targetHint.${kind}`)}
              rules={[{ required: true, message: t('create.required') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={units.map((u) => ({ value: u.id, label: u.name }))}
                placeholder={t('create.targetPlaceholder')}
                data-testid="clue-target-unit"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="dueAt" label={t('fields.dueAt')} extra={t(`create.dueHint.${kind}`)}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                disabledDate={(day) => day.isBefore(dayjs().startOf('day')) || day.isAfter(dayjs().add(latestDueDays(kind), 'day'))}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </>
      )}
      {hasContact(kind) && (
        <>
          <Col {...half}>
            <Form.Item name={['contact', 'name']} label={t('fields.contactName')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name={['contact', 'phone']}
              label={t('fields.contactPhone')}
              rules={[{ pattern: /^[0-9+() -]+$/, min: 5, max: 30, message: t('public.tip.phoneRule') }]}
            >
              <Input maxLength={30} />
            </Form.Item>
          </Col>
        </>
      )}
    </Row>
  )
}
