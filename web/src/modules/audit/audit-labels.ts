import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Action codes contain dots ("auth.password.change"), which i18next reads as nesting; so their names
 * sit in one flat object that is looked up directly. Unknown codes show as themselves.
 */
export function useAuditLabels() {
  const { t } = useTranslation('audit')
  const actionLabel = useCallback(
    (action: string): string | null => (t('actionNames', { returnObjects: true }) as Record<string, string>)[action] ?? null,
    [t],
  )
  const resourceTypeLabel = useCallback(
    (type: string): string => (t('resourceTypes', { returnObjects: true }) as Record<string, string>)[type] ?? type,
    [t],
  )
  return { actionLabel, resourceTypeLabel }
}
