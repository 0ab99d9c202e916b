import { useState } from 'react'
import { App, Button, Modal, Table, Typography, Upload } from 'antd'
import { UploadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { isApiError, type FieldError } from '../../api/client.ts'
import { useReportError } from '../../api/errors.ts'
import { importCollectionPoints, type CollectionPointImportResult } from './api.ts'

// The server's IMPORT_MAX_BYTES (schema.ts), checked here too so that a large file is refused before it is read.
const MAX_BYTES = 5 * 1024 * 1024

/** The file's bytes as base64, without the data-URL prefix. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'))
    reader.readAsDataURL(file)
  })
}

interface RowError {
  key: number
  line: string
  field: string
  reason: string
  message: string
}

interface ImportButtonProps {
  unitId?: string | null
  onImported(result: CollectionPointImportResult): void
}

/** Reads a CSV or XLSX file, sends it, and lists every refused row by line when the server refuses the file. */
export function ImportButton({ unitId, onImported }: ImportButtonProps) {
  const { t } = useTranslation('collectionPoints')
  const { message } = App.useApp()
  const reportError = useReportError()
  const [isImporting, setIsImporting] = useState(false)
  const [rowErrors, setRowErrors] = useState<RowError[] | null>(null)

  const toRowError = (error: FieldError, key: number): RowError => {
    const [, , line, field] = error.path.split('/')
    return {
      key,
      line: line ? t('console.importLine', { line }) : t('console.importWholeFile'),
      field: field ? t(`console.fields.${field}`, { defaultValue: field }) : '',
      reason: error.code ? t(`console.reasons.${error.code}`, { defaultValue: error.message }) : error.message,
      message: error.message,
    }
  }

  const send = async (file: File) => {
    if (file.size > MAX_BYTES) {
      void message.error(t('console.fileTooLarge'))
      return
    }
    setIsImporting(true)
    try {
      const result = await importCollectionPoints({
        fileName: file.name,
        contentBase64: await readBase64(file),
        ...(unitId ? { unitId } : {}),
      })
      onImported(result)
    } catch (error) {
      if (isApiError(error) && error.code.startsWith('collection_point.import') && error.errors.length) {
        setRowErrors(error.errors.map(toRowError))
      } else reportError(error)
    } finally {
      setIsImporting(false)
    }
  }

  return (
    <>
      <Upload
        accept=".csv,.xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          void send(file)
          return false
        }}
      >
        <Button icon={<UploadOutlined />} loading={isImporting} data-testid="collection-point-import">
          {t('console.import')}
        </Button>
      </Upload>
      <Modal
        open={rowErrors !== null}
        title={t('console.importErrorsTitle')}
        onCancel={() => setRowErrors(null)}
        footer={<Button onClick={() => setRowErrors(null)}>{t('common:actions.close')}</Button>}
        width={720}
      >
        <Typography.Paragraph type="danger">{t('console.importRejected', { count: rowErrors?.length ?? 0 })}</Typography.Paragraph>
        <Table<RowError>
          size="small"
          rowKey="key"
          dataSource={rowErrors ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('console.importColumns.line'), dataIndex: 'line', key: 'line', width: 100 },
            { title: t('console.importColumns.field'), dataIndex: 'field', key: 'field', width: 120 },
            {
              title: t('console.importColumns.reason'),
              key: 'reason',
              render: (_, row) => (
                <>
                  {row.reason}
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {row.message}
                  </Typography.Text>
                </>
              ),
            },
          ]}
        />
      </Modal>
    </>
  )
}
