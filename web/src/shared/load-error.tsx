import { Alert, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { describeError } from '../api/errors.ts'

/** A failed load, in words, with a retry; renders nothing when there is no error. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  if (!error) return null
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={describeError(t, error)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common:actions.retry')}
          </Button>
        )
      }
    />
  )
}
