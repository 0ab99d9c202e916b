import { useCallback } from 'react'
import { App, type FormInstance } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/client.ts'
import { applyFieldErrors, describeError, toFieldName } from '../../api/errors.ts'
import { LoadError } from '../../shared/load-error.tsx'

/** The clues module's own texts (`clues:errors.<code>`) first, then the shared ones (`errors:<code>`), then the server's English. */
export function describeClueError(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    const own = t(`clues:errors.${error.code}`, { defaultValue: '' })
    if (own) return own
  }
  return describeError(t, error)
}

/** Puts a clue error on the form's fields it names, in our words; false when none of them is on the form. */
export function applyClueFieldErrors(t: TFunction, form: FormInstance, error: unknown): boolean {
  if (!isApiError(error) || !t(`clues:errors.${error.code}`, { defaultValue: '' })) return applyFieldErrors(t, form, error)
  const known = new Set(Object.keys(form.getFieldsValue() as object))
  const fields = error.errors.map((e) => toFieldName(e.path)).filter((name) => name.length > 0 && known.has(String(name[0])))
  form.setFields(fields.map((name) => ({ name, errors: [describeClueError(t, error)] })))
  return fields.length > 0
}

/** Shows an error as a toast, or on the form's fields when the server said which ones. */
export function useClueReportError() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (form && applyClueFieldErrors(t, form, error)) return
      void message.error(describeClueError(t, error))
    },
    [t, message],
  )
}

/** A failed load with the clues module's error texts, and a retry. */
export function ClueLoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return <LoadError error={error} onRetry={onRetry} describe={describeClueError} />
}
