import { invalid, type FieldError } from '../../platform/errors.ts'
import { chinaDay } from './age.ts'
import { ID_NUMBER_MESSAGES, parseIdNumber } from './id-number.ts'
import { normalisePhone } from './phone.ts'
import type { wantedNotice } from './tables.ts'
import type { WantedNoticeUpdate } from './wanted-schema.ts'

type SuspectColumns = Partial<typeof wantedNotice.$inferInsert>
type SuspectFields = WantedNoticeUpdate

/**
 * Checks the suspect's details as they will stand after a change (`merged`) and returns the columns
 * to write for `changes`: the ID number must be valid and agree with the sex and birth year given.
 */
export function checkSuspect(merged: SuspectFields, changes: SuspectFields, now: Date): SuspectColumns {
  const errors: FieldError[] = []
  if (merged.suspectIdNumber) {
    const parsed = parseIdNumber(merged.suspectIdNumber, chinaDay(now))
    if (!parsed.ok) {
      errors.push({ path: '/suspectIdNumber', code: `id_number_${parsed.problem}`, message: ID_NUMBER_MESSAGES[parsed.problem] })
    } else {
      if (merged.suspectSex && merged.suspectSex !== 'unknown' && merged.suspectSex !== parsed.value.sex) {
        errors.push({ path: '/suspectSex', code: 'id_number_sex_mismatch', message: `the ID number is a ${parsed.value.sex}'s` })
      }
      const year = Number(parsed.value.birthDate.slice(0, 4))
      if (merged.suspectBirthYear !== undefined && merged.suspectBirthYear !== year) {
        errors.push({ path: '/suspectBirthYear', code: 'id_number_birth_mismatch', message: `the ID number gives ${year}` })
      }
    }
  }
  if (merged.suspectBirthYear !== undefined && merged.suspectBirthYear > Number(chinaDay(now).slice(0, 4))) {
    errors.push({ path: '/suspectBirthYear', code: 'in_future', message: 'born in the future' })
  }
  const phone = changes.contactPhone === undefined ? undefined : normalisePhone(changes.contactPhone)
  if (phone === null) errors.push({ path: '/contactPhone', code: 'bad_phone', message: 'not a mainland mobile or landline number' })
  if (errors.length) throw invalid('wanted_notice.invalid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors)
  const text = (value: string | undefined) => (value === undefined ? undefined : value.trim())
  const columns: SuspectColumns = {
    suspectName: text(changes.suspectName),
    suspectAliases: text(changes.suspectAliases),
    suspectSex: changes.suspectSex,
    suspectBirthYear: changes.suspectBirthYear,
    suspectIdNumber: changes.suspectIdNumber?.toUpperCase(),
    description: text(changes.description),
    rewardText: text(changes.rewardText),
    rewardAmountCny: changes.rewardAmountCny,
    contactPhone: phone ?? undefined,
  }
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)) as SuspectColumns
}
