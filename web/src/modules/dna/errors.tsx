import { useCallback } from 'react'
import { Alert, App, Button } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/client.ts'
import { describeError } from '../../api/errors.ts'

/** The DNA module's own error texts (`dna:errors.<code>`) first, then the shared ones (`errors:<code>`). */
export function describeDnaError(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    const own = t(`dna:errors.${error.code}`, { defaultValue: '' })
    if (own) return own
  }
  return describeError(t, error)
}

/** Shows an error as a toast, in the DNA module's words when it has them. */
export function useDnaReportError() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  return useCallback((error: unknown) => void message.error(describeDnaError(t, error)), [t, message])
}

/** A failed load, in words, with a retry; renders nothing when there is no error. */
export function DnaLoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  if (!error) return null
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={describeDnaError(t, error)}
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
