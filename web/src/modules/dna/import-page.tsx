import { useState } from 'react'
import { App, Button, Card, Checkbox, Form, Radio, Select, Typography } from 'antd'
import { CloudUploadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../auth/auth-context.tsx'
import { PageHeader } from '../../shared/page-header.tsx'
import { UnitSelect } from '../identity/unit-select.tsx'
import { importLabExport, type DnaIndex, type ImportBatchView, type PersonCategory } from './api.ts'
import { useDnaReportError } from './errors.tsx'
import { FilePicker } from './file-picker.tsx'
import { ImportReport } from './import-report.tsx'
import { DNA_INDEXES, PERSON_CATEGORIES, useDnaLabels } from './labels.ts'
import { readText } from './read-text.ts'
import { useUnitNames } from './use-lookups.ts'

// The server takes up to 64 MB; the text is sent as JSON, so stay a little under.
const MAX_BYTES = 48 * 1024 * 1024

interface ImportFields {
  unitId: string | null
  category: PersonCategory
  index: DnaIndex
  acceptPartial: boolean
  file: File | null
}

/** 样本导入: a lab export (long or wide CSV) into one unit's profiles, then the server's report. */
export default function ImportPage() {
  const { t } = useTranslation('dna')
  const { me } = useAuth()
  const { message } = App.useApp()
  const reportError = useDnaReportError()
  const { categoryLabel, indexLabel } = useDnaLabels()
  const { units } = useUnitNames()
  const [form] = Form.useForm<ImportFields>()
  const [isSending, setIsSending] = useState(false)
  const [report, setReport] = useState<ImportBatchView | null>(null)

  const onFinish = async (fields: ImportFields) => {
    if (!fields.file || !fields.unitId) return
    if (fields.file.size > MAX_BYTES) {
      void message.error(t('import.tooLarge'))
      return
    }
    setIsSending(true)
    setReport(null)
    try {
      const batch = await importLabExport({
        fileName: fields.file.name,
        content: await readText(fields.file),
        unitId: fields.unitId,
        category: fields.category,
        index: fields.index,
        acceptPartial: fields.acceptPartial,
      })
      setReport(batch)
    } catch (error) {
      reportError(error)
    } finally {
      setIsSending(false)
    }
  }

  return (
    <>
      <PageHeader title={t('import.title')} testId="dna-import-title" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
        <Form<ImportFields>
          form={form}
          layout="vertical"
          style={{ maxWidth: 640 }}
          initialValues={{ unitId: me?.unit.id ?? null, category: 'unknown_origin_child', index: 'anti_trafficking', acceptPartial: false }}
          onFinish={(fields) => void onFinish(fields)}
        >
          <Form.Item name="unitId" label={t('import.unit')} rules={[{ required: true, message: t('import.unitRequired') }]}>
            <UnitSelect units={units} />
          </Form.Item>
          <Form.Item name="category" label={t('import.category')} extra={t('import.categoryHint')}>
            <Select options={PERSON_CATEGORIES.map((value) => ({ value, label: categoryLabel(value) }))} data-testid="import-category" />
          </Form.Item>
          <Form.Item name="index" label={t('import.index')}>
            <Radio.Group options={DNA_INDEXES.map((value) => ({ value, label: indexLabel(value) }))} />
          </Form.Item>
          <Form.Item name="acceptPartial" valuePropName="checked" extra={t('import.acceptPartialHint')}>
            <Checkbox data-testid="import-accept-partial">{t('import.acceptPartial')}</Checkbox>
          </Form.Item>
          <Form.Item
            name="file"
            label={t('import.file')}
            extra={t('import.fileHint')}
            rules={[{ required: true, message: t('import.fileRequired') }]}
          >
            <FilePicker accept=".csv,.tsv,.txt" testId="import-file" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<CloudUploadOutlined />} loading={isSending} data-testid="import-submit">
            {t('import.submit')}
          </Button>
        </Form>
      </Card>
      {report && <ImportReport batch={report} />}
    </>
  )
}
