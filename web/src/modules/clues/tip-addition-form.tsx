import { useState } from 'react'
import { App, Button, Card, Form, Input, Typography, Alert } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { addTipInformation, addTipPhoto, getTipStatus, type TipStatusView } from './api.ts'
import { applyClueFieldErrors, describeClueError } from './errors.tsx'
import { FilePicker } from './file-picker.tsx'
import { ProofProgress } from './proof-progress.tsx'
import { useProofSubmit } from './use-proof-submit.ts'

interface AdditionValues {
  text?: string
  contact?: { name?: string; phone?: string }
}

const present = (value: string | undefined) => (value?.trim() ? value.trim() : undefined)

/** More to say about the tip, by its receipt code: text, a way to reach the tipster, and a photo, each behind a challenge. */
export function TipAdditionForm({ receipt, onAdded }: { receipt: string; onAdded(status: TipStatusView): void }) {
  const { t } = useTranslation('clues')
  const { message } = App.useApp()
  const [form] = Form.useForm<AdditionValues>()
  const [photos, setPhotos] = useState<File[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const submission = useProofSubmit()
  const isBusy = submission.phase !== 'idle'

  const send = async (values: AdditionValues) => {
    setProblem(null)
    const text = values.text?.trim()
    const name = present(values.contact?.name)
    const phone = present(values.contact?.phone)
    const contact = name || phone ? { contact: { ...(name ? { name } : {}), ...(phone ? { phone } : {}) } } : {}
    try {
      const result = await submission.run(async (submit) => {
        if (text) await submit((proof) => addTipInformation(receipt, { text, ...contact }, proof))
        // The text is in: a refused photo is said apart, so that nobody sends the same text twice to retry it.
        let photosFailed = 0
        for (const photo of photos) await submit((proof) => addTipPhoto(receipt, photo, proof)).catch(() => (photosFailed += 1))
        return { photosFailed }
      })
      if (!result) return
      form.resetFields()
      setPhotos([])
      if (result.photosFailed) void message.warning(t('public.status.photoFailed'))
      else void message.success(t('public.status.added'))
      onAdded(await getTipStatus(receipt))
    } catch (error) {
      const isOnFields = applyClueFieldErrors(t, form, error)
      setProblem(isOnFields ? t('public.tip.checkFields') : describeClueError(t, error))
    }
  }

  return (
    <Card size="small" title={t('public.status.addTitle')} style={{ marginTop: 16 }} data-testid="tip-addition">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('public.status.addHint')}
      </Typography.Paragraph>
      <ProofProgress phase={submission.phase} onCancel={submission.cancel} />
      <Form<AdditionValues> form={form} layout="vertical" className="ty-public-form" onFinish={(v) => void send(v)} disabled={isBusy}>
        <Form.Item
          name="text"
          label={t('public.status.addText')}
          rules={[{ required: photos.length === 0, whitespace: true, message: t('public.status.addRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount data-testid="tip-addition-text" />
        </Form.Item>
        <Form.Item name={['contact', 'name']} label={t('public.tip.contactName')}>
          <Input maxLength={60} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name={['contact', 'phone']}
          label={t('public.tip.contactPhone')}
          rules={[{ pattern: /^[0-9+() -]+$/, min: 5, max: 30, message: t('public.tip.phoneRule') }]}
        >
          <Input maxLength={30} inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item label={t('public.tip.photos')}>
          <FilePicker
            files={photos}
            onChange={setPhotos}
            max={1}
            label={t('public.tip.addPhoto')}
            testId="tip-addition-photo"
            disabled={isBusy}
          />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="tip-addition-problem" />}
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          icon={<PlusOutlined />}
          loading={isBusy}
          data-testid="tip-addition-submit"
        >
          {t('public.status.addSubmit')}
        </Button>
      </Form>
    </Card>
  )
}
