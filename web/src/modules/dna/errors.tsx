import { useCallback } from 'react'
import { App } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/client.ts'
import { describeError } from '../../api/errors.ts'
import { LoadError } from '../../shared/load-error.tsx'

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

/** A failed load with the DNA module's error texts, and a retry. */
export function DnaLoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return <LoadError error={error} onRetry={onRetry} describe={describeDnaError} />
}
