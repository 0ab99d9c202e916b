import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role, UnitLevel, UnitType } from './api.ts'

// Records keyed by the schema's unions: TypeScript refuses these lists if the server adds or drops a
// value, so the web never needs the schema's runtime arrays (which would pull typebox into the bundle).
const ROLE_SET: Record<Role, true> = {
  admin: true,
  investigator: true,
  command: true,
  dna_analyst: true,
  caseworker: true,
  plan_office: true,
  supervisor: true,
  auditor: true,
  reporter: true,
}
const UNIT_TYPE_SET: Record<UnitType, true> = {
  public_security: true,
  civil_affairs: true,
  womens_federation: true,
  justice: true,
  procuratorate: true,
  court: true,
  health: true,
  education: true,
  human_resources: true,
  transport: true,
  commerce: true,
  culture_tourism: true,
  market_regulation: true,
  radio_tv: true,
  internet_information: true,
  publicity: true,
  political_legal: true,
  foreign_affairs: true,
  youth_league: true,
  trade_union: true,
  disabled_persons_federation: true,
  joint_meeting_office: true,
  other: true,
}
const UNIT_LEVEL_SET: Record<UnitLevel, true> = { national: true, province: true, city: true, county: true }

export const ROLES = Object.keys(ROLE_SET) as Role[]
export const UNIT_TYPES = Object.keys(UNIT_TYPE_SET) as UnitType[]
export const UNIT_LEVELS = Object.keys(UNIT_LEVEL_SET) as UnitLevel[]

/** Translated names of roles, unit types and levels. Police units use their own level names (省厅, 市局). */
export function useIdentityLabels() {
  const { t } = useTranslation('identity')
  const roleLabel = useCallback((role: string) => t(`roles.${role}`, { defaultValue: role }), [t])
  const unitTypeLabel = useCallback((type: string) => t(`unitTypes.${type}`, { defaultValue: type }), [t])
  const levelLabel = useCallback(
    (level: string, type?: string) =>
      type === 'public_security'
        ? t(`levels.police.${level}`, { defaultValue: level })
        : t(`levels.general.${level}`, { defaultValue: level }),
    [t],
  )
  return { roleLabel, unitTypeLabel, levelLabel }
}
