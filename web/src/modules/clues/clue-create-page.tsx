import { useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { App, Button, Card, Form, Radio, Result, Space, Typography } from 'antd'
import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../auth/auth-context.tsx'
import { PageHeader } from '../../shared/page-header.tsx'
import { addClueAttachment, createClue, type ClueView, type ConsoleKind } from './api.ts'
import { clueBody, isAddressed, type ClueFormValues } from './clue-create-body.ts'
import { CommonFields, KindFields, PlaceFields } from './clue-create-fields.tsx'
import { useClueReportError } from './errors.tsx'
import { DOCUMENT_TYPES, FILE_MAX_BYTES, FilePicker, PHOTO_TYPES } from './file-picker.tsx'
import { CLUE_PERMISSIONS, CONSOLE_KINDS, CREATE_PERMISSION, isWithinDivision } from './permissions.ts'
import type { Point } from './point-map.tsx'
import { useClueUnits } from './use-clue-units.ts'
import './clues.css'

const MAX_FILES = 10
const FILE_TYPES = [...PHOTO_TYPES, ...DOCUMENT_TYPES]

/**
 * Enters a clue of one kind (`?kind=`): a tip taken by phone, a mandatory report (强制报告), an online report, a directive
 * (打拐指令) to a unit below or an assistance request (协查) to another jurisdiction, with files sent once it is stored.
 */
export default function ClueCreatePage() {
  const { t } = useTranslation('clues')
  const { me, can } = useAuth()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const reportError = useClueReportError()
  const [params, setParams] = useSearchParams()
  const creatable = CONSOLE_KINDS.filter((k) => can(CREATE_PERMISSION[k]))
  const asked = params.get('kind') as ConsoleKind | null
  const kind = asked && creatable.includes(asked) ? asked : creatable[0]
  const [form] = Form.useForm<ClueFormValues>()
  const [point, setPoint] = useState<Point | null>(null)
  const [files, setFiles] = useState<File[]>([])
  const [isSaving, setIsSaving] = useState(false)
  const [filed, setFiled] = useState<ClueView | null>(null)
  const { units } = useClueUnits()
  const own = me?.unit
  // A directive goes down within the sender's jurisdiction, an assistance request out of it (intake.ts says the same).
  const targets = units.filter(
    (u) => own && u.id !== own.id && isWithinDivision(own.divisionCode, u.divisionCode) === (kind === 'directive'),
  )

  if (!kind) return <Result status="403" title="403" subTitle={t('common:forbidden')} />

  const save = async (values: ClueFormValues) => {
    setIsSaving(true)
    try {
      const view = await createClue(kind, clueBody(kind, values, point))
      let failed = 0
      for (const file of files) await addClueAttachment(view.id, file).catch(() => (failed += 1))
      if (failed) void message.warning(t('create.filesFailed', { count: failed }))
      else void message.success(t('create.saved'))
      if (can(CLUE_PERMISSIONS.read)) void navigate(`/clues/${view.id}`)
      else setFiled(view)
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsSaving(false)
    }
  }

  if (filed) {
    return (
      <Result
        status="success"
        title={t('create.filedTitle')}
        subTitle={t('create.filedDetail', { subject: filed.subject })}
        extra={
          <Button type="primary" onClick={() => setFiled(null)}>
            {t('create.another')}
          </Button>
        }
        data-testid="clue-filed"
      />
    )
  }

  return (
    <>
      <PageHeader
        title={t(`create.titles.${kind}`)}
        testId="clue-create-title"
        extra={
          can(CLUE_PERMISSIONS.read) && (
            <Link to="/clues">
              <Button icon={<ArrowLeftOutlined />}>{t('clue.back')}</Button>
            </Link>
          )
        }
      />
      {creatable.length > 1 && (
        <Radio.Group
          value={kind}
          onChange={(e) => setParams({ kind: e.target.value as string }, { replace: true })}
          optionType="button"
          options={creatable.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          style={{ marginBottom: 16 }}
          data-testid="clue-create-kind"
        />
      )}
      <Typography.Paragraph type="secondary">{t(`create.intro.${kind}`)}</Typography.Paragraph>
      <Card>
        <Form<ClueFormValues> form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={isSaving} style={{ maxWidth: 960 }}>
          <KindFields kind={kind} units={targets} />
          <CommonFields canPickCase={can(CLUE_PERMISSIONS.caseRead) && !isAddressed(kind)} />
          <PlaceFields kind={kind} point={point} onPoint={setPoint} />
          {/* Files go up once the clue is stored: to a clue the sender can read, or to the mandatory report its sender
              has just filed (a caseworker or an institution's reporter, who read no clues). */}
          {(can(CLUE_PERMISSIONS.read) || kind === 'mandatory_report') && (
            <Form.Item label={t('create.files')} extra={t('create.filesHint', { count: MAX_FILES })}>
              <FilePicker
                files={files}
                onChange={setFiles}
                max={MAX_FILES}
                types={FILE_TYPES}
                maxBytes={FILE_MAX_BYTES}
                label={t('create.addFile')}
                testId="clue-create-files"
                disabled={isSaving}
              />
            </Form.Item>
          )}
          <Space>
            <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={isSaving} data-testid="clue-create-submit">
              {t(`create.submit.${isAddressed(kind) ? 'send' : 'file'}`)}
            </Button>
          </Space>
        </Form>
      </Card>
    </>
  )
}
