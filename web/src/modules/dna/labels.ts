import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { DnaIndex, HitMode, HitStatus, PersonCategory } from './api.ts'

// Records keyed by the schema's unions: TypeScript refuses these lists if the server adds or drops a value,
// so the web never needs the schema's runtime arrays (which would pull typebox into the bundle).
const MODE_SET: Record<HitMode, true> = { duo: true, trio: true, full_siblings: true, half_siblings: true, identity: true, ystr: true }
const STATUS_SET: Record<HitStatus, true> = { pending: true, confirmed: true, rejected: true, resample_requested: true }
const CATEGORY_SET: Record<PersonCategory, true> = {
  relative_of_missing: true,
  unknown_origin_child: true,
  suspected_victim: true,
  unidentified_person: true,
  volunteer: true,
  irregular_registration: true,
}
const INDEX_SET: Record<DnaIndex, true> = { anti_trafficking: true, general: true }

export const HIT_MODES = Object.keys(MODE_SET) as HitMode[]
export const HIT_STATUSES = Object.keys(STATUS_SET) as HitStatus[]
export const PERSON_CATEGORIES = Object.keys(CATEGORY_SET) as PersonCategory[]
export const DNA_INDEXES = Object.keys(INDEX_SET) as DnaIndex[]

export const STATUS_COLOR: Record<HitStatus, string> = {
  pending: 'gold',
  confirmed: 'green',
  rejected: 'default',
  resample_requested: 'orange',
}

/** Parent–child modes report a (combined) paternity index; the others a likelihood ratio. */
export const isPaternityMode = (mode: HitMode) => mode === 'duo' || mode === 'trio'

/** Translated names of modes, statuses, categories, indexes and import problem codes; unknown values show as themselves. */
export function useDnaLabels() {
  const { t } = useTranslation('dna')
  const label = useCallback((group: string, value: string) => t(`${group}.${value}`, { defaultValue: value }), [t])
  return {
    modeLabel: useCallback((v: string) => label('modes', v), [label]),
    statusLabel: useCallback((v: string) => label('statuses', v), [label]),
    categoryLabel: useCallback((v: string) => label('categories', v), [label]),
    indexLabel: useCallback((v: string) => label('indexes', v), [label]),
    problemLabel: useCallback((v: string) => label('problems', v), [label]),
    relationshipLabel: useCallback((v: string) => label('relationships', v), [label]),
  }
}
