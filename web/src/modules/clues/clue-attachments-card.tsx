import { useState } from 'react'
import { App, Button, Card, Empty, Flex, Image, Typography, Upload } from 'antd'
import { FilePdfOutlined, UploadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { formatDateTime } from '../../shared/format.ts'
import { addClueAttachment, clueAttachmentUrl, listClueAttachments, type ClueView } from './api.ts'
import { ClueLoadError, useClueReportError } from './errors.tsx'
import { DOCUMENT_TYPES, FILE_MAX_BYTES, fileProblem, PHOTO_TYPES } from './file-picker.tsx'

const FILE_TYPES = [...PHOTO_TYPES, ...DOCUMENT_TYPES]
const kib = (bytes: number) => Math.max(1, Math.round(bytes / 1024))

/** The clue's files: photos as thumbnails (opening one is audited), PDFs as downloads, and an upload while it is open. */
export function ClueAttachmentsCard({ clue, canUpload, version }: { clue: ClueView; canUpload: boolean; version: string }) {
  const { t } = useTranslation('clues')
  const { message } = App.useApp()
  const reportError = useClueReportError()
  const files = useLoad(() => listClueAttachments(clue.id), [clue.id, version])
  const [isUploading, setIsUploading] = useState(false)

  const upload = async (file: File) => {
    const problem = fileProblem(file, FILE_TYPES, FILE_MAX_BYTES)
    if (problem) return void message.error(t(problem, { name: file.name, mb: FILE_MAX_BYTES / 1024 / 1024 }))
    setIsUploading(true)
    try {
      await addClueAttachment(clue.id, file)
      void message.success(t('attachments.added'))
      files.reload()
    } catch (error) {
      reportError(error)
    } finally {
      setIsUploading(false)
    }
  }

  const list = files.data ?? []
  return (
    <Card
      title={t('attachments.title', { count: list.length })}
      size="small"
      data-testid="clue-attachments"
      extra={
        canUpload && (
          <Upload
            accept={FILE_TYPES.join(',')}
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file)
              return false
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={isUploading} data-testid="clue-attachment-upload">
              {t('attachments.upload')}
            </Button>
          </Upload>
        )
      }
    >
      <ClueLoadError error={files.error} onRetry={files.reload} />
      {list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.none')} />
      ) : (
        <Image.PreviewGroup>
          <Flex gap={12} wrap>
            {list.map((file) =>
              file.contentType.startsWith('image/') ? (
                <Image
                  key={file.id}
                  width={96}
                  height={96}
                  className="ty-clue-thumb"
                  src={clueAttachmentUrl(clue.id, file.id)}
                  alt={t('attachments.photoAlt', { at: formatDateTime(file.createdAt) })}
                  data-testid="clue-attachment-photo"
                />
              ) : (
                <Typography.Link key={file.id} href={clueAttachmentUrl(clue.id, file.id)} download data-testid="clue-attachment-file">
                  <FilePdfOutlined /> {t('attachments.pdf', { kib: kib(file.size) })}
                </Typography.Link>
              ),
            )}
          </Flex>
        </Image.PreviewGroup>
      )}
    </Card>
  )
}
