import { useState } from 'react'
import { App, Button, Card, Empty, Image, Space, Typography, Upload } from 'antd'
import { UploadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { addCasePhoto, casePhotoUrl, type CaseView } from './api.ts'
import { useCaseReportError } from './errors.tsx'

/** What the server takes; it also decodes the bytes, so a renamed text file is refused there. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp']
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024

/** A photo must be a JPEG, PNG or WebP of at most 5 MiB: the i18n key of the problem, or null. */
export function photoProblem(file: File): string | null {
  if (!PHOTO_TYPES.includes(file.type)) return 'photos.wrongType'
  if (file.size > PHOTO_MAX_BYTES) return 'photos.tooLarge'
  return null
}

/** The child's photos as thumbnails (the full size opens on click, and is audited), and an upload for writers. */
export function CasePhotosCard({ view, canUpload, onAdded }: { view: CaseView; canUpload: boolean; onAdded(): void }) {
  const { t } = useTranslation('cases')
  const { message } = App.useApp()
  const reportError = useCaseReportError()
  const [isUploading, setIsUploading] = useState(false)

  const upload = async (file: File) => {
    const problem = photoProblem(file)
    if (problem) return void message.error(t(problem))
    setIsUploading(true)
    try {
      await addCasePhoto(view.id, file)
      void message.success(t('photos.added'))
      onAdded()
    } catch (error) {
      reportError(error)
    } finally {
      setIsUploading(false)
    }
  }

  return (
    <Card
      title={t('photos.title')}
      size="small"
      data-testid="case-photos"
      extra={
        canUpload && (
          <Upload
            accept={PHOTO_TYPES.join(',')}
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file)
              return false
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={isUploading} data-testid="case-photo-upload">
              {t('photos.upload')}
            </Button>
          </Upload>
        )
      }
    >
      {view.photos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('photos.none')} />
      ) : (
        <Image.PreviewGroup>
          <Space wrap size={12}>
            {view.photos.map((photo) => (
              <Image
                key={photo.id}
                width={96}
                height={120}
                style={{ objectFit: 'cover', borderRadius: 4 }}
                src={casePhotoUrl(view.id, photo.id, 'thumb')}
                preview={{ src: casePhotoUrl(view.id, photo.id, 'full') }}
                alt={t('photos.alt', { name: view.child.name })}
                data-testid="case-photo"
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {canUpload && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('photos.hint')}
        </Typography.Paragraph>
      )}
    </Card>
  )
}
