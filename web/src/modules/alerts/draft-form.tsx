import { Form, Image, Input, Radio, Space, Typography } from 'antd'
import type { FormInstance } from 'antd'
import { useTranslation } from 'react-i18next'
import { casePhotoUrl, type CaseView } from './api.ts'

/** What the drafter writes or chooses; everything else comes from the case and cannot be changed here. */
export interface DraftFields {
  description: string
  contactPhone: string
  clothing: string
  marks: string
  /** A case photo's id, '' for no photo, or KEEP_PHOTO to leave a draft's photo as it is. */
  photoId: string
}

const NO_PHOTO = ''
export const KEEP_PHOTO = 'keep'

/** Form values to the API's draft: blanks left out (the server falls back to the case), no photo as null. */
export function toDraft(values: DraftFields) {
  const contactPhone = values.contactPhone.trim()
  return {
    description: values.description.trim(),
    ...(contactPhone ? { contactPhone } : {}),
    clothing: values.clothing.trim(),
    marks: values.marks.trim(),
    ...(values.photoId === KEEP_PHOTO ? {} : { photoId: values.photoId === NO_PHOTO ? null : values.photoId }),
  }
}

export function draftDefaults(kase: CaseView): DraftFields {
  return {
    description: '',
    contactPhone: kase.unitPhone ?? '',
    clothing: kase.child.clothing ?? '',
    marks: kase.child.marks ?? '',
    photoId: kase.photos[0]?.id ?? NO_PHOTO,
  }
}

interface DraftFormProps {
  form: FormInstance<DraftFields>
  kase: CaseView
  initialValues: DraftFields
  /** Editing a draft that has a photo: offer to keep it (the console cannot show which one it is). */
  canKeepPhoto?: boolean
  onFinish(values: DraftFields): void
}

/** The public wording of an alert and its photo, chosen among the case's photos. */
export function DraftForm({ form, kase, initialValues, canKeepPhoto = false, onFinish }: DraftFormProps) {
  const { t } = useTranslation('alerts')
  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} style={{ maxWidth: 720 }}>
      <Form.Item
        name="description"
        label={t('draft.fields.description')}
        extra={t('draft.descriptionHint')}
        rules={[{ required: true, whitespace: true, max: 500, message: t('draft.descriptionRule') }]}
      >
        <Input.TextArea rows={4} maxLength={500} showCount data-testid="draft-description" />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t('draft.fields.contactPhone')}
        extra={kase.unitPhone ? t('draft.contactPhoneHint', { phone: kase.unitPhone }) : t('draft.contactPhoneRequired')}
        rules={[
          { required: !kase.unitPhone, message: t('draft.contactPhoneRequired') },
          { pattern: /^[0-9+\-() ]{3,40}$/, message: t('draft.contactPhoneRule') },
        ]}
      >
        <Input maxLength={40} inputMode="tel" data-testid="draft-contact-phone" />
      </Form.Item>
      <Form.Item name="clothing" label={t('fields.clothing')} rules={[{ max: 200 }]}>
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
      <Form.Item name="marks" label={t('fields.marks')} rules={[{ max: 200 }]}>
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
      <Form.Item name="photoId" label={t('draft.fields.photo')} extra={t('draft.photoHint')}>
        <Radio.Group>
          <Space wrap size={16} align="start">
            {canKeepPhoto && <Radio value={KEEP_PHOTO}>{t('draft.keepPhoto')}</Radio>}
            {kase.photos.map((photo, i) => (
              <Radio key={photo.id} value={photo.id} data-testid="draft-photo">
                <Image
                  src={casePhotoUrl(kase.id, photo.id, 'thumb')}
                  preview={{ src: casePhotoUrl(kase.id, photo.id, 'full') }}
                  width={96}
                  height={96}
                  style={{ objectFit: 'cover', borderRadius: 4 }}
                  alt={t('draft.photoAlt', { n: i + 1 })}
                />
              </Radio>
            ))}
            <Radio value={NO_PHOTO} data-testid="draft-no-photo">
              {t('draft.noPhoto')}
            </Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      {kase.photos.length === 0 && <Typography.Paragraph type="secondary">{t('draft.caseHasNoPhotos')}</Typography.Paragraph>}
    </Form>
  )
}
