import { Alert, Button, Modal, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

/** The only time a key's secret is ever shown: the server keeps just its hash. */
export function ApiKeySecretModal({ secret, name, onClose }: { secret: string | null; name: string; onClose(): void }) {
  const { t } = useTranslation('identity')
  return (
    <Modal
      open={secret !== null}
      title={t('apiKeys.secret.title', { name })}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('apiKeys.secret.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('apiKeys.secret.warning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        copyable={{ text: secret ?? '', tooltips: [t('common:actions.copy'), t('common:actions.copied')] }}
        className="ty-mono"
        style={{ wordBreak: 'break-all', fontSize: 15 }}
        data-testid="api-key-secret"
      >
        {secret}
      </Typography.Paragraph>
    </Modal>
  )
}
