import { useEffect, useState } from 'react'
import { useSearchParams } from 'react-router'
import { Alert, Button, Form, Typography } from 'antd'
import { PhoneOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { getPublicAlert } from '../alerts/api.ts'
import { PublicFrame } from '../alerts/public-frame.tsx'
import { addTipPhoto, submitPublicTip } from './api.ts'
import { applyClueFieldErrors, describeClueError } from './errors.tsx'
import type { Point } from './point-map.tsx'
import { ProofProgress } from './proof-progress.tsx'
import { ReceiptCard } from './receipt-card.tsx'
import { tipBody, uuidOrUndefined, type TipFormValues } from './tip-body.ts'
import { TipForm } from './tip-form.tsx'
import { useProofSubmit } from './use-proof-submit.ts'
import './clues.css'

interface Sent {
  receipt: string
  photosFailed: number
}

/**
 * A tip from the public, without sign-in (`?alertId=` / `?caseId=` when sent from an alert or a notice). On submit the
 * browser solves the intake's challenge (cancellable), sends the tip, then each photo behind its own challenge, and
 * shows the receipt code once. A refused submission keeps everything typed and says why.
 */
export default function PublicTipPage() {
  const { t } = useTranslation('clues')
  const [params] = useSearchParams()
  const links = { alertId: uuidOrUndefined(params.get('alertId')), caseId: uuidOrUndefined(params.get('caseId')) }
  const alert = useLoad(async () => (links.alertId ? getPublicAlert(links.alertId).catch(() => null) : null), [links.alertId])
  const [form] = Form.useForm<TipFormValues>()
  const [point, setPoint] = useState<Point | null>(null)
  const [photos, setPhotos] = useState<File[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const [step, setStep] = useState<string | undefined>()
  const [sent, setSent] = useState<Sent | null>(null)
  const submission = useProofSubmit()
  const about = alert.data ?? null

  // The alert's county is where a tip about it most likely comes from; the tipster may change it.
  useEffect(() => {
    if (about && !form.getFieldValue(['place', 'divisionCode'])) form.setFieldValue(['place', 'divisionCode'], about.countyCode)
  }, [about?.countyCode])

  const send = async (values: TipFormValues) => {
    setProblem(null)
    try {
      const result = await submission.run(async (submit) => {
        setStep(undefined)
        const { receipt } = await submit((proof) => submitPublicTip(tipBody(values, point, links), proof))
        let photosFailed = 0
        for (const [i, photo] of photos.entries()) {
          setStep(t('public.tip.sendingPhoto', { n: i + 1, count: photos.length }))
          // The tip is in: a refused photo is reported with the receipt, not as a failed tip.
          await submit((proof) => addTipPhoto(receipt, photo, proof)).catch(() => (photosFailed += 1))
        }
        return { receipt, photosFailed }
      })
      if (result) setSent(result)
    } catch (error) {
      const isOnFields = applyClueFieldErrors(t, form, error)
      setProblem(isOnFields ? t('public.tip.checkFields') : describeClueError(t, error))
    }
  }

  const startAgain = () => {
    form.resetFields()
    setPoint(null)
    setPhotos([])
    setSent(null)
  }

  return (
    <PublicFrame>
      <Typography.Title level={2} data-testid="tip-title">
        {t('public.tip.title')}
      </Typography.Title>
      {sent ? (
        <ReceiptCard receipt={sent.receipt} photosFailed={sent.photosFailed} onAnother={startAgain} />
      ) : (
        <>
          <Typography.Paragraph>{t('public.tip.intro')}</Typography.Paragraph>
          <Alert
            type="warning"
            showIcon
            title={t('public.tip.emergency')}
            action={
              <Button size="small" danger href="tel:110" icon={<PhoneOutlined />}>
                {t('public.call110')}
              </Button>
            }
            style={{ marginBottom: 16 }}
          />
          {about && (
            <Alert
              type="info"
              showIcon
              title={t('public.tip.aboutAlert', { name: about.details.childName })}
              style={{ marginBottom: 16 }}
              data-testid="tip-about-alert"
            />
          )}
          <ProofProgress phase={submission.phase} step={step} onCancel={submission.cancel} />
          <TipForm
            form={form}
            point={point}
            onPoint={setPoint}
            photos={photos}
            onPhotos={setPhotos}
            center={about?.center ?? null}
            isBusy={submission.phase !== 'idle'}
            problem={problem}
            onSubmit={(values) => void send(values)}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
            {t('public.tip.privacy')}
          </Typography.Paragraph>
        </>
      )}
    </PublicFrame>
  )
}
