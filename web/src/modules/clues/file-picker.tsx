import { App, Button, Upload, type UploadFile } from 'antd'
import { CameraOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'

/** What the tip endpoints take; the server also decodes every photo, so a renamed file is refused there. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp']
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024

/** Files a unit may attach besides photos: PDF documents (the server checks their bytes). */
export const DOCUMENT_TYPES = ['application/pdf']
export const FILE_MAX_BYTES = 10 * 1024 * 1024

/** The i18n key of what is wrong with a file, or null. */
export function fileProblem(file: File, types: readonly string[], maxBytes: number): string | null {
  if (!types.includes(file.type)) return types.length > PHOTO_TYPES.length ? 'files.wrongType' : 'files.wrongPhotoType'
  if (file.size > maxBytes) return 'files.tooLarge'
  return null
}

interface FilePickerProps {
  files: File[]
  onChange(files: File[]): void
  max: number
  types?: readonly string[]
  maxBytes?: number
  label: string
  testId: string
  disabled?: boolean
}

/** Chooses files to send with a form (nothing leaves the browser until it is sent), checked for type and size first. */
export function FilePicker({
  files,
  onChange,
  max,
  types = PHOTO_TYPES,
  maxBytes = PHOTO_MAX_BYTES,
  label,
  testId,
  disabled,
}: FilePickerProps) {
  const { t } = useTranslation('clues')
  const { message } = App.useApp()
  const list: UploadFile[] = files.map((file, i) => ({ uid: `${i}-${file.name}`, name: file.name, status: 'done', size: file.size }))
  return (
    <div data-testid={testId}>
      <Upload
        accept={types.join(',')}
        multiple={max > 1}
        fileList={list}
        disabled={disabled}
        beforeUpload={(file, batch) => {
          // Called once per file of a batch: the batch is taken whole at its first file.
          if (file !== batch[0]) return false
          const accepted: File[] = []
          for (const one of batch) {
            const problem = fileProblem(one, types, maxBytes)
            if (problem) void message.error(t(problem, { name: one.name, mb: Math.round(maxBytes / 1024 / 1024) }))
            else accepted.push(one)
          }
          const next = [...files, ...accepted]
          if (next.length > max) void message.warning(t('files.tooMany', { count: max }))
          onChange(next.slice(0, max))
          return false
        }}
        onRemove={(removed) => onChange(files.filter((_, i) => `${i}-${files[i].name}` !== removed.uid))}
      >
        <Button icon={<CameraOutlined />} disabled={disabled || files.length >= max}>
          {label}
        </Button>
      </Upload>
    </div>
  )
}
