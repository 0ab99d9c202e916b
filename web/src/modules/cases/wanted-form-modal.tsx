import { useState } from 'react'
import { App, Button, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Typography, Upload } from 'antd'
import { UploadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { parseIdNumber } from '../../../../src/modules/cases/id-number.ts'
import { normalisePhone } from '../../../../src/modules/cases/phone.ts'
import { chinaDay } from '../../../../src/modules/cases/age.ts'
import { useAuth } from '../../auth/auth-context.tsx'
import { issueWantedNotice, setWantedPhoto, type Sex, type WantedClass, type WantedNoticeCreate, type WantedNoticeView } from './api.ts'
import { CaseSelect } from './case-select.tsx'
import { PHOTO_TYPES, photoProblem } from './case-photos-card.tsx'
import { useCaseReportError } from './errors.tsx'
import type { FormProblem } from './case-form.ts'
import { SEXES, useCaseLabels, WANTED_CLASSES } from './labels.ts'

interface NoticeValues {
  caseId: string
  class: WantedClass
  suspectName: string
  suspectAliases?: string
  suspectSex: Sex
  suspectBirthYear?: number | null
  suspectIdNumber?: string
  description: string
  rewardText?: string
  rewardAmountCny?: number | null
  contactPhone: string
}

/** The class a unit may issue: A by a national unit, B by a provincial one (the server checks the same). */
export function classForLevel(level: string | undefined): WantedClass | null {
  return level === 'national' ? 'A' : level === 'province' ? 'B' : null
}

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined)
const clean = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T

/** The checks the server makes of the suspect: a valid ID number agreeing with the sex and birth year, a real phone number. */
function checkNotice(values: NoticeValues, now: Date): FormProblem[] {
  const problems: FormProblem[] = []
  const idNumber = text(values.suspectIdNumber)
  if (idNumber) {
    const parsed = parseIdNumber(idNumber, chinaDay(now))
    if (!parsed.ok) problems.push({ name: ['suspectIdNumber'], code: `id_number_${parsed.problem}` })
    else {
      if (values.suspectSex !== 'unknown' && values.suspectSex !== parsed.value.sex)
        problems.push({ name: ['suspectSex'], code: 'id_number_sex_mismatch' })
      const year = Number(parsed.value.birthDate.slice(0, 4))
      if (values.suspectBirthYear && values.suspectBirthYear !== year)
        problems.push({ name: ['suspectBirthYear'], code: 'id_number_birth_mismatch' })
    }
  }
  if (values.suspectBirthYear && values.suspectBirthYear > Number(chinaDay(now).slice(0, 4)))
    problems.push({ name: ['suspectBirthYear'], code: 'in_future' })
  if (!normalisePhone(values.contactPhone)) problems.push({ name: ['contactPhone'], code: 'bad_phone' })
  return problems
}

function toCreate(values: NoticeValues): WantedNoticeCreate {
  return clean({
    caseId: values.caseId,
    class: values.class,
    suspectName: values.suspectName.trim(),
    suspectAliases: text(values.suspectAliases),
    suspectSex: values.suspectSex,
    suspectBirthYear: values.suspectBirthYear ?? undefined,
    suspectIdNumber: text(values.suspectIdNumber)?.toUpperCase(),
    description: values.description.trim(),
    rewardText: text(values.rewardText),
    rewardAmountCny: values.rewardAmountCny ?? undefined,
    contactPhone: values.contactPhone.trim(),
  })
}

/**
 * Drafts a wanted notice (通缉令) for a suspect in a case, with a photo; it is published separately. The class
 * follows the caller's unit: A for the ministry, B for a province.
 */
export function WantedFormModal({
  caseId,
  onClose,
  onIssued,
}: {
  caseId?: string
  onClose(): void
  onIssued(view: WantedNoticeView): void
}) {
  const { t } = useTranslation('cases')
  const { me } = useAuth()
  const { message } = App.useApp()
  const reportError = useCaseReportError()
  const { sexLabel } = useCaseLabels()
  const [form] = Form.useForm<NoticeValues>()
  const [photo, setPhoto] = useState<File | null>(null)
  const [isSaving, setIsSaving] = useState(false)
  const ownClass = classForLevel(me?.unit.level)

  const onFinish = async (values: NoticeValues) => {
    const problems = checkNotice(values, new Date())
    if (problems.length) return form.setFields(problems.map((p) => ({ name: p.name as never, errors: [t(`fieldErrors.${p.code}`)] })))
    setIsSaving(true)
    try {
      // A case given by the workspace has no field on the form, so it is not among the values.
      let notice = await issueWantedNotice(toCreate({ ...values, caseId: caseId ?? values.caseId }))
      // The notice stands without its photo if the photo is refused: say so, and let it be added from the list.
      if (photo) {
        notice = await setWantedPhoto(notice.id, photo).catch((error: unknown) => {
          reportError(error)
          return notice
        })
      }
      onIssued(notice)
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsSaving(false)
    }
  }

  const half = { xs: 24, sm: 12 }
  return (
    <Modal
      open
      title={t('wanted.issue')}
      okText={t('wanted.issueOk')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      width={720}
      destroyOnHidden
    >
      {!ownClass && <Typography.Paragraph type="warning">{t('wanted.classRule')}</Typography.Paragraph>}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ caseId, class: ownClass ?? 'B', suspectSex: 'unknown' }}
        onFinish={(v) => void onFinish(v)}
        data-testid="wanted-form"
      >
        <Row gutter={16}>
          {!caseId && (
            <Col span={24}>
              <Form.Item name="caseId" label={t('wanted.fields.case')} rules={[{ required: true, message: t('caseSelect.required') }]}>
                <CaseSelect />
              </Form.Item>
            </Col>
          )}
          <Col span={24}>
            <Form.Item name="class" label={t('wanted.fields.class')} extra={t('wanted.classRule')}>
              <Radio.Group
                optionType="button"
                options={WANTED_CLASSES.map((value) => ({
                  value,
                  label: t(`wanted.class.${value}`),
                  disabled: ownClass !== null && value !== ownClass,
                }))}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="suspectName"
              label={t('wanted.fields.suspectName')}
              rules={[{ required: true, whitespace: true, max: 60, message: t('intake.required') }]}
            >
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="suspectAliases" label={t('wanted.fields.suspectAliases')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="suspectSex" label={t('fields.sex')} rules={[{ required: true, message: t('intake.required') }]}>
              <Select options={SEXES.map((value) => ({ value, label: sexLabel(value) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="suspectBirthYear" label={t('wanted.fields.suspectBirthYear')}>
              <InputNumber min={1900} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="suspectIdNumber"
              label={t('fields.idNumber')}
              rules={[{ pattern: /^[0-9]{17}[0-9Xx]$/, message: t('fieldErrors.id_number_format') }]}
            >
              <Input maxLength={18} className="ty-mono" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="description"
              label={t('wanted.fields.description')}
              extra={t('wanted.descriptionHint')}
              rules={[{ required: true, whitespace: true, max: 5000, message: t('intake.required') }]}
            >
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="rewardText" label={t('wanted.fields.rewardText')}>
              <Input maxLength={500} placeholder={t('wanted.rewardPlaceholder')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="rewardAmountCny" label={t('wanted.fields.rewardAmountCny')}>
              <InputNumber min={1} max={100_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="contactPhone"
              label={t('wanted.fields.contactPhone')}
              rules={[{ required: true, whitespace: true, message: t('intake.required') }]}
            >
              <Input maxLength={30} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('wanted.fields.photo')} extra={photo?.name ?? t('photos.hint')}>
              <Space>
                <Upload
                  accept={PHOTO_TYPES.join(',')}
                  showUploadList={false}
                  beforeUpload={(file) => {
                    const problem = photoProblem(file)
                    if (problem) void message.error(t(problem))
                    else setPhoto(file)
                    return false
                  }}
                >
                  <Button icon={<UploadOutlined />}>{t('wanted.choosePhoto')}</Button>
                </Upload>
              </Space>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  )
}
