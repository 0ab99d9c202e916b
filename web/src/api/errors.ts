import { useCallback } from 'react'
import { App } from 'antd'
import type { FormInstance } from 'antd'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { isApiError } from './client.ts'

/** The message for an error: `errors:<code>` when we have one, otherwise the server's English detail. */
export function describeError(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors:unknown')
  const key = `errors:${error.code}`
  return t(key, { defaultValue: error.detail || t('errors:unknown') })
}

/** "/newPassword" → ["newPassword"]; "/roles/0" → ["roles", 0]. */
export function toFieldName(path: string): (string | number)[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

/**
 * Puts `errors[].path` onto the matching form fields; returns true if any landed, so the caller can skip
 * a separate toast. A field gets the translated code when we have one (domain errors), else the
 * validator's text (schema errors, English only).
 */
export function applyFieldErrors(t: TFunction, form: FormInstance, error: unknown): boolean {
  if (!isApiError(error) || error.errors.length === 0) return false
  // Mounted fields only, with their keys present even when empty.
  const known = new Set(Object.keys(form.getFieldsValue() as object))
  const hasCodeText = error.code !== 'request.invalid' && t(`errors:${error.code}`, { defaultValue: '' }) !== ''
  const fields = error.errors
    .map((e) => ({ name: toFieldName(e.path), message: e.message }))
    .filter((f) => f.name.length > 0 && known.has(String(f.name[0])))
    .map((f) => ({
      name: f.name,
      errors: [hasCodeText ? describeError(t, error) : t('errors:field.invalid', { message: f.message })],
    }))
  form.setFields(fields)
  return fields.length > 0
}

/** Shows an error as a toast, or on the form's fields when the server said which ones. */
export function useReportError() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (form && applyFieldErrors(t, form, error)) return
      void message.error(describeError(t, error))
    },
    [t, message],
  )
}
