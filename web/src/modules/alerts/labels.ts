import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { AlertDetails, AlertStatus } from './api.ts'

export const STATUS_COLOR: Record<AlertStatus, string> = { draft: 'gold', active: 'red', ended: 'default' }

export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed', 'gone'] as const
export const DELIVERY_STATUS_COLOR: Record<string, string> = {
  pending: 'processing',
  sending: 'processing',
  delivered: 'success',
  failed: 'error',
  gone: 'default',
}

/** "8 岁 · 女": the child's age and sex, as the public pages and the console show them. */
export function ageAndSex(t: TFunction, details: Pick<AlertDetails, 'ageYears' | 'sex'>): string {
  const sex = t(`alerts:sex.${details.sex}`)
  return details.ageYears === null ? sex : `${t('alerts:age', { count: details.ageYears })} · ${sex}`
}

/** Words for the alert module's codes; an unknown code shows as itself rather than as nothing. */
export function useAlertLabels() {
  const { t } = useTranslation('alerts')
  const label = useCallback((group: string, value: string) => t(`${group}.${value}`, { defaultValue: value }), [t])
  return {
    statusLabel: (status: AlertStatus) => label('status', status),
    channelLabel: (channel: string) => label('channel', channel),
    deliveryStatusLabel: (status: string) => label('deliveryStatus', status),
    msgTypeLabel: (msgType: string) => label('msgType', msgType),
    endReasonLabel: (reason: string) => label('endReason', reason),
  }
}

/** "约 850 米" under a kilometre, "约 3.2 公里" under a hundred, whole kilometres beyond. */
export function formatDistance(t: TFunction, km: number): string {
  if (km < 1) return t('alerts:distance.m', { value: Math.max(50, Math.round((km * 1000) / 50) * 50) })
  return t('alerts:distance.km', { value: km < 100 ? km.toFixed(1) : Math.round(km) })
}

/** Milliseconds as people read them: "850 ms", "2.4 s". */
export function formatLatency(ms: number | null): string {
  if (ms === null) return '—'
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}
