// Who may be searched against whom, in which modes. The rule: the general (national) index is searched
// *from* anti-trafficking profiles, relatives' references are for finding the missing only, and the general
// index is never searched as a suspect list against relatives. Enforced here, before any table is built.
import { forbidden, invalid } from '../../../platform/errors.ts'
import type { ProfileKind, SearchMode } from './model.ts'

const KINSHIP: readonly SearchMode[] = ['duo', 'trio', 'full_siblings', 'half_siblings']

/**
 * Subject kind → target kind → modes allowed.
 * - A reference looks for the missing child among candidates and general profiles (kinship modes only: an
 *   identity search of a relative in the national index would treat the relative as a suspect), and for its
 *   own duplicates among references.
 * - A candidate looks for its family among references (trio: against family pairs), for itself and its
 *   siblings among candidates, and for itself or its parents among general profiles.
 * - A general profile may only be compared with candidates (the unidentified and the victims), never with
 *   references: that direction would make relatives a suspect list.
 * Duo needs a parent side: between a candidate and a general profile the general profile is taken as the
 * parent; candidates are not compared with one another in duo (neither side is the parent).
 */
export const ALLOWED_MODES: Readonly<Record<ProfileKind, Partial<Record<ProfileKind, readonly SearchMode[]>>>> = {
  reference: { candidate: KINSHIP, general: KINSHIP, reference: ['identity'] },
  candidate: {
    reference: KINSHIP,
    candidate: ['full_siblings', 'half_siblings', 'identity'],
    general: ['duo', 'full_siblings', 'half_siblings', 'identity'],
  },
  general: { candidate: ['duo', 'full_siblings', 'half_siblings', 'identity'] },
}

/** A pair subject (mother and father of one family group) runs duo per parent and trio for both. */
export const PAIR_MODES: readonly SearchMode[] = ['duo', 'trio']

/**
 * The target kinds a mode will scan for this subject. Without explicit targets every allowed kind is used; an
 * explicit target the rules refuse is an error, never silently dropped.
 */
export function resolveTargets(subject: ProfileKind, isPair: boolean, mode: SearchMode, targets?: readonly ProfileKind[]): ProfileKind[] {
  if (isPair && !PAIR_MODES.includes(mode))
    throw invalid('dna.search.bad_mode', `a mother–father pair is searched in duo or trio, not ${mode}`)
  if (!isPair && mode === 'trio' && subject !== 'candidate')
    throw invalid('dna.search.trio_needs_pair', 'a trio search from relatives needs both parents of the family group')
  const allowed = (kind: ProfileKind) => ALLOWED_MODES[subject][kind]?.includes(mode) ?? false
  if (!targets) return (['reference', 'candidate', 'general'] as const).filter(allowed)
  for (const kind of targets) {
    if (allowed(kind)) continue
    if (subject === 'general' && kind === 'reference')
      throw forbidden('dna.search.general_against_reference', 'the general index is never searched as a suspect list against relatives')
    if (subject === 'reference' && kind === 'general')
      throw forbidden(
        'dna.search.reference_identity_in_general',
        `relatives' references are searched in the general index only to find the missing child, not in ${mode} mode`,
      )
    throw forbidden('dna.search.not_allowed', `a ${subject} profile is not searched against ${kind} profiles in ${mode} mode`)
  }
  return [...targets]
}
