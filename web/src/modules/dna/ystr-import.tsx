import { useState } from 'react'
import { App, Button, Card, Form, Input, Typography } from 'antd'
import { CloudUploadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../auth/auth-context.tsx'
import type { UnitView } from '../identity/api.ts'
import { UnitSelect } from '../identity/unit-select.tsx'
import { importHaplotypes, type ImportBatchView } from './api.ts'
import { useDnaReportError } from './errors.tsx'
import { FilePicker } from './file-picker.tsx'
import { ImportReport } from './import-report.tsx'
import { readText } from './read-text.ts'

// The server takes up to 16 MB; the text is sent as JSON, so stay a little under.
const MAX_BYTES = 12 * 1024 * 1024

interface UploadFields {
  unitId: string | null
  kit?: string
  file: File | null
}

/** Y-STR 分型导入: a lab's Y-STR export into one unit's haplotypes, then the server's report. */
export function YstrImport({ units }: { units: UnitView[] }) {
  const { t } = useTranslation('dna')
  const { me } = useAuth()
  const { message } = App.useApp()
  const reportError = useDnaReportError()
  const [isSending, setIsSending] = useState(false)
  const [report, setReport] = useState<ImportBatchView | null>(null)

  const onFinish = async (fields: UploadFields) => {
    if (!fields.file || !fields.unitId) return
    if (fields.file.size > MAX_BYTES) {
      void message.error(t('ystr.import.tooLarge'))
      return
    }
    setIsSending(true)
    setReport(null)
    try {
      const kit = fields.kit?.trim()
      setReport(
        await importHaplotypes({
          fileName: fields.file.name,
          content: await readText(fields.file),
          unitId: fields.unitId,
          ...(kit ? { kit } : {}),
        }),
      )
    } catch (error) {
      reportError(error)
    } finally {
      setIsSending(false)
    }
  }

  return (
    <>
      <Card size="small" title={t('ystr.import.title')} style={{ marginBottom: 16 }} data-testid="ystr-import">
        <Typography.Paragraph type="secondary">{t('ystr.import.intro')}</Typography.Paragraph>
        <Form<UploadFields>
          layout="vertical"
          style={{ maxWidth: 640 }}
          initialValues={{ unitId: me?.unit.id ?? null }}
          onFinish={(fields) => void onFinish(fields)}
        >
          <Form.Item name="unitId" label={t('ystr.import.unit')} rules={[{ required: true, message: t('ystr.import.unitRequired') }]}>
            <UnitSelect units={units} />
          </Form.Item>
          <Form.Item name="kit" label={t('ystr.import.kit')} extra={t('ystr.import.kitHint')}>
            <Input maxLength={60} style={{ width: 240 }} placeholder="Yfiler Plus" data-testid="ystr-import-kit" />
          </Form.Item>
          <Form.Item
            name="file"
            label={t('ystr.import.file')}
            extra={t('ystr.import.fileHint')}
            rules={[{ required: true, message: t('ystr.import.fileRequired') }]}
          >
            <FilePicker accept=".csv,.tsv,.txt" testId="ystr-import-file" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<CloudUploadOutlined />} loading={isSending} data-testid="ystr-import-submit">
            {t('ystr.import.submit')}
          </Button>
        </Form>
      </Card>
      {report && (
        <div style={{ marginBottom: 16 }}>
          <ImportReport batch={report} kind="ystr" />
        </div>
      )}
    </>
  )
}
