import { useCallback } from 'react'
import { App, type FormInstance } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { isApiError, type FieldError } from '../../api/client.ts'
import { describeError, toFieldName } from '../../api/errors.ts'
import { LoadError } from '../../shared/load-error.tsx'

/** The cases module's own texts (`cases:errors.<code>`) first, then the shared ones, then the server's English. */
export function describeCaseError(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    const own = t(`cases:errors.${error.code}`, { defaultValue: '' })
    if (own) return own
  }
  return describeError(t, error)
}

/**
 * One field's problem in words: its own code (`cases:fieldErrors.after_report`) when the server gave one we
 * know, else the error's code, else the validator's English text.
 */
function describeField(t: TFunction, code: string, field: FieldError): string {
  const byField = field.code ? t(`cases:fieldErrors.${field.code}`, { defaultValue: '' }) : ''
  if (byField) return byField
  const byError = code === 'request.invalid' ? '' : t(`cases:errors.${code}`, { defaultValue: '' })
  return byError || t('errors:field.invalid', { message: field.message })
}

/** Puts `errors[].path` onto the form's fields, each in its own words; returns true if any landed. */
export function applyCaseFieldErrors(t: TFunction, form: FormInstance, error: unknown): boolean {
  if (!isApiError(error) || error.errors.length === 0) return false
  const known = new Set(Object.keys(form.getFieldsValue() as object))
  const fields = error.errors
    .map((field) => ({ name: toFieldName(field.path), errors: [describeField(t, error.code, field)] }))
    .filter((f) => f.name.length > 0 && known.has(String(f.name[0])))
  form.setFields(fields)
  return fields.length > 0
}

/** Shows an error as a toast, or on the form's fields when the server said which ones. */
export function useCaseReportError() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (form && applyCaseFieldErrors(t, form, error)) return
      void message.error(describeCaseError(t, error))
    },
    [t, message],
  )
}

/** A failed load with the cases module's error texts, and a retry. */
export function CaseLoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return <LoadError error={error} onRetry={onRetry} describe={describeCaseError} />
}
