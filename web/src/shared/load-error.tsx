import { Alert, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { describeError } from '../api/errors.ts'

interface LoadErrorProps {
  error: unknown
  onRetry?: () => void
  /** How to put the error in words; a module with its own error texts passes its describer. */
  describe?: (t: TFunction, error: unknown) => string
}

/** A failed load, in words, with a retry; renders nothing when there is no error. */
export function LoadError({ error, onRetry, describe = describeError }: LoadErrorProps) {
  const { t } = useTranslation()
  if (!error) return null
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={describe(t, error)}
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
