import { useState } from 'react'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import { Alert, Button, Card, Descriptions, Form, Result, Space, type DescriptionsProps } from 'antd'
import { ArrowLeftOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { formatDateTime } from '../../shared/format.ts'
import { PageHeader } from '../../shared/page-header.tsx'
import { draftAlert, getAlert, getCase, updateAlertDraft, type AlertView, type CaseView } from './api.ts'
import { DraftForm, KEEP_PHOTO, draftDefaults, toDraft, type DraftFields } from './draft-form.tsx'
import { AlertLoadError, useAlertReportError } from './errors.tsx'

/** The case fields an alert copies as they are: shown for checking, changed only on the case. */
function CaseFacts({ kase }: { kase: CaseView }) {
  const { t } = useTranslation('alerts')
  const { lat, lon } = kase.lastSeen
  const items: DescriptionsProps['items'] = [
    { key: 'caseNo', label: t('fields.caseNo'), children: <span className="ty-mono">{kase.caseNo}</span> },
    { key: 'name', label: t('fields.child'), children: kase.child.name },
    { key: 'sex', label: t('fields.sex'), children: t(`sex.${kase.child.sex}`) },
    { key: 'age', label: t('fields.age'), children: kase.child.ageYears === null ? '—' : t('age', { count: kase.child.ageYears }) },
    { key: 'height', label: t('fields.height'), children: kase.child.heightCm === null ? '—' : t('cm', { value: kase.child.heightCm }) },
    { key: 'seenAt', label: t('fields.lastSeenAt'), children: formatDateTime(kase.lastSeen.at) },
    { key: 'place', label: t('fields.lastSeenPlace'), children: `${kase.lastSeen.divisionName}${kase.lastSeen.address}`, span: 2 },
    { key: 'point', label: t('fields.center'), children: lat === null || lon === null ? '—' : `${lat.toFixed(5)}, ${lon.toFixed(5)}` },
  ]
  return <Descriptions items={items} column={{ xs: 1, md: 2, xl: 3 }} size="small" />
}

/**
 * Drafting an alert from a case (`/alerts/new?caseId=`) or changing a draft (`/alerts/:id/edit`): the case's
 * public facts read-only, the public wording and the photo editable. An approver publishes it afterwards.
 */
export default function AlertDraftPage() {
  const { t } = useTranslation('alerts')
  const navigate = useNavigate()
  const reportError = useAlertReportError()
  const { id } = useParams()
  const [params] = useSearchParams()
  const [form] = Form.useForm<DraftFields>()
  const [isSaving, setIsSaving] = useState(false)

  const loaded = useLoad(async (): Promise<{ kase: CaseView; draft: AlertView | null } | null> => {
    if (id) {
      const { alert } = await getAlert(id)
      return { kase: await getCase(alert.caseId), draft: alert }
    }
    const caseId = params.get('caseId')
    return caseId ? { kase: await getCase(caseId), draft: null } : null
  }, [id, params.get('caseId')])

  const kase = loaded.data?.kase
  const draft = loaded.data?.draft ?? null
  const noPoint = kase && (kase.lastSeen.lat === null || kase.lastSeen.lon === null)

  const onFinish = async (values: DraftFields) => {
    if (!kase) return
    setIsSaving(true)
    try {
      const saved = draft ? await updateAlertDraft(draft.id, toDraft(values)) : await draftAlert({ caseId: kase.id, ...toDraft(values) })
      await navigate(`/alerts/${saved.id}`)
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsSaving(false)
    }
  }

  if (loaded.data === null) return <Result status="info" title={t('draft.noCase')} extra={<Link to="/alerts">{t('back')}</Link>} />
  const initialValues: DraftFields | undefined =
    kase &&
    (draft
      ? {
          description: draft.details.description,
          contactPhone: draft.details.contactPhone,
          clothing: draft.details.clothing,
          marks: draft.details.marks,
          photoId: draft.hasPhoto ? KEEP_PHOTO : '',
        }
      : draftDefaults(kase))

  return (
    <>
      <PageHeader
        title={draft ? t('draft.editTitle') : t('draft.title')}
        testId="alert-draft-title"
        extra={
          <Link to={draft ? `/alerts/${draft.id}` : '/alerts'}>
            <Button icon={<ArrowLeftOutlined />}>{t('back')}</Button>
          </Link>
        }
      />
      <AlertLoadError error={loaded.error} onRetry={loaded.reload} />
      {!kase && loaded.isLoading && <Card loading />}
      {kase && initialValues && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {draft?.rejectedNote && <Alert type="warning" showIcon title={t('alert.returnedNote', { note: draft.rejectedNote })} />}
          <Card title={t('draft.fromCase')} size="small">
            <CaseFacts kase={kase} />
            {noPoint && <Alert type="error" showIcon title={t('errors.alert.no_coordinates')} style={{ marginTop: 12 }} />}
          </Card>
          <Card title={t('draft.publicWording')} size="small">
            <DraftForm
              form={form}
              kase={kase}
              initialValues={initialValues}
              canKeepPhoto={draft?.hasPhoto ?? false}
              onFinish={(values) => void onFinish(values)}
            />
            <Button type="primary" loading={isSaving} disabled={noPoint} onClick={() => form.submit()} data-testid="draft-submit">
              {draft ? t('draft.save') : t('draft.submit')}
            </Button>
          </Card>
        </Space>
      )}
    </>
  )
}
