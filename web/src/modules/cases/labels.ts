import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaseStatus, CloseReason, IntakeChannel, RevokeReason, Sex, WantedClass, WantedStatus } from './api.ts'

// Records keyed by the schema's unions: TypeScript refuses these lists if the server adds or drops a value,
// and the web need not import the schema's runtime arrays (which would pull typebox into the bundle).
const STATUS_COLOR_OF: Record<CaseStatus, string> = {
  reported: 'gold',
  searching: 'red',
  found: 'green',
  rescued: 'green',
  reunited: 'cyan',
  closed: 'default',
  cold: 'purple',
}
const SEX_SET: Record<Sex, true> = { male: true, female: true, unknown: true }
const CHANNEL_SET: Record<IntakeChannel, true> = { station: true, command_centre: true, online: true }
const CLOSE_REASON_SET: Record<CloseReason, true> = {
  reunited: true,
  deceased: true,
  withdrawn: true,
  false_report: true,
  duplicate: true,
  other: true,
}
const WANTED_STATUS_COLOR_OF: Record<WantedStatus, string> = { draft: 'gold', published: 'red', revoked: 'default' }
const WANTED_CLASS_SET: Record<WantedClass, true> = { A: true, B: true }
const REVOKE_REASON_SET: Record<RevokeReason, true> = { caught: true, surrendered: true, other: true }

export const CASE_STATUSES = Object.keys(STATUS_COLOR_OF) as CaseStatus[]
export const SEXES = Object.keys(SEX_SET) as Sex[]
export const INTAKE_CHANNELS = Object.keys(CHANNEL_SET) as IntakeChannel[]
export const CLOSE_REASONS = Object.keys(CLOSE_REASON_SET) as CloseReason[]
export const WANTED_STATUSES = Object.keys(WANTED_STATUS_COLOR_OF) as WantedStatus[]
export const WANTED_CLASSES = Object.keys(WANTED_CLASS_SET) as WantedClass[]
export const REVOKE_REASONS = Object.keys(REVOKE_REASON_SET) as RevokeReason[]

export const statusColor = (status: CaseStatus) => STATUS_COLOR_OF[status]
export const wantedStatusColor = (status: WantedStatus) => WANTED_STATUS_COLOR_OF[status]

/** The child has not been found: the states in which a search, an alert or a dispatch still makes sense. */
export const isMissing = (status: CaseStatus) => status === 'reported' || status === 'searching' || status === 'cold'
/** Alerts go out only for a child missing now, not for a cold case. */
export const canHaveAlert = (status: CaseStatus) => status === 'reported' || status === 'searching'

/** Words for the module's codes; an unknown code shows as itself rather than as nothing. */
export function useCaseLabels() {
  const { t } = useTranslation('cases')
  const label = useCallback((group: string, value: string) => t(`${group}.${value}`, { defaultValue: value }), [t])
  return {
    statusLabel: useCallback((v: string) => label('status', v), [label]),
    sexLabel: useCallback((v: string) => label('sex', v), [label]),
    channelLabel: useCallback((v: string) => label('channel', v), [label]),
    closeReasonLabel: useCallback((v: string) => label('closeReason', v), [label]),
    wantedStatusLabel: useCallback((v: string) => label('wanted.status', v), [label]),
    revokeReasonLabel: useCallback((v: string) => label('wanted.revokeReason', v), [label]),
    levelLabel: useCallback((v: string) => label('supervision.level', v), [label]),
  }
}
