import { Button, Space, Typography, Upload } from 'antd'
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'

interface FilePickerProps {
  accept: string
  value?: File | null
  onChange?: (file: File | null) => void
  testId?: string
}

/** Picks one local file and keeps it in the form; nothing is sent until the form is submitted. */
export function FilePicker({ accept, value, onChange, testId }: FilePickerProps) {
  const { t } = useTranslation('dna')
  return (
    <Space wrap>
      <Upload
        accept={accept}
        showUploadList={false}
        maxCount={1}
        beforeUpload={(file) => {
          onChange?.(file)
          return false
        }}
      >
        <Button icon={<UploadOutlined />} data-testid={testId}>
          {value ? t('file.change') : t('file.choose')}
        </Button>
      </Upload>
      {value && (
        <Typography.Text>
          <PaperClipOutlined /> {value.name} <Typography.Text type="secondary">({(value.size / 1024).toFixed(1)} KB)</Typography.Text>
        </Typography.Text>
      )}
    </Space>
  )
}
