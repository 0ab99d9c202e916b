// The checks a case's details must pass, all reported at once as field errors, and the columns they give.
import type { Db } from '../../platform/db/client.ts'
import { invalid, type FieldError } from '../../platform/errors.ts'
import { divisionLookup } from './divisions.ts'
import { ID_NUMBER_MESSAGES, parseIdNumber } from './id-number.ts'
import { normalisePhone } from './phone.ts'
import { ageOn, chinaDay, isRealDay } from './age.ts'
import type { ChildFields, LastSeenFields, ReporterFields } from './schema.ts'
import type { missingCase } from './tables.ts'

type CaseInsert = typeof missingCase.$inferInsert

export interface CaseDetails {
  child: ChildFields
  lastSeen: LastSeenFields
  reporter: ReporterFields
  reportedAt: Date
}

/** A report may be stamped a little ahead of the server's clock (a desk PC); more is a mistake. */
const CLOCK_SKEW_MS = 5 * 60_000

const optional = (text: string | undefined) => text?.trim() || null

type ChildColumns = Pick<CaseInsert, 'childIdNumber' | 'childSex' | 'childBirthDate' | 'childAgeYears'>

/** Reconciles the ID number with the sex and birth date given: an ID fills what is missing and refuses contradictions. */
function checkChild(child: ChildFields, lastSeenAt: Date, now: Date, errors: FieldError[]): ChildColumns {
  let { sex, birthDate } = child
  let idNumber: string | null = null
  if (child.idNumber !== undefined) {
    const parsed = parseIdNumber(child.idNumber, chinaDay(now))
    if (!parsed.ok) {
      errors.push({ path: '/child/idNumber', code: `id_number_${parsed.problem}`, message: ID_NUMBER_MESSAGES[parsed.problem] })
    } else {
      idNumber = parsed.value.idNumber
      if (sex !== 'unknown' && sex !== parsed.value.sex) {
        errors.push({ path: '/child/sex', code: 'id_number_sex_mismatch', message: `the ID number is a ${parsed.value.sex}'s` })
      }
      sex = parsed.value.sex
      if (birthDate !== undefined && birthDate !== parsed.value.birthDate) {
        errors.push({
          path: '/child/birthDate',
          code: 'id_number_birth_mismatch',
          message: `the ID number gives ${parsed.value.birthDate}`,
        })
      }
      birthDate = parsed.value.birthDate
    }
  }
  if (birthDate !== undefined) {
    if (!isRealDay(birthDate)) errors.push({ path: '/child/birthDate', code: 'bad_date', message: 'not a calendar date' })
    else if (birthDate > chinaDay(lastSeenAt)) {
      errors.push({ path: '/child/birthDate', code: 'after_last_seen', message: 'born after being last seen' })
    } else if (child.ageYears !== undefined && child.ageYears !== ageOn(birthDate, lastSeenAt)) {
      errors.push({ path: '/child/ageYears', code: 'age_mismatch', message: `the birth date gives ${ageOn(birthDate, lastSeenAt)} years` })
    }
  } else if (child.ageYears === undefined && child.idNumber === undefined) {
    errors.push({ path: '/child/birthDate', code: 'required', message: 'give the birth date or the age' })
  }
  const ageYears = child.ageYears ?? (birthDate && isRealDay(birthDate) ? Math.max(0, ageOn(birthDate, lastSeenAt)) : null)
  return { childIdNumber: idNumber, childSex: sex, childBirthDate: birthDate ?? null, childAgeYears: ageYears }
}

function checkTimes(lastSeen: LastSeenFields, reportedAt: Date, now: Date, errors: FieldError[]): Date {
  const seenAt = new Date(lastSeen.at)
  if (Number.isNaN(seenAt.getTime())) {
    errors.push({ path: '/lastSeen/at', code: 'bad_date', message: 'not a date and time' })
    return now
  }
  if (reportedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    errors.push({ path: '/reportedAt', code: 'in_future', message: 'the report cannot be made in the future' })
  }
  if (seenAt.getTime() > reportedAt.getTime()) {
    errors.push({ path: '/lastSeen/at', code: 'after_report', message: 'the child was last seen after the report was made' })
  }
  return seenAt
}

/** Checks every detail of a case and returns its columns; throws `case.invalid` listing every problem. */
export async function checkCaseDetails(db: Db, details: CaseDetails, now: Date): Promise<Partial<CaseInsert>> {
  const errors: FieldError[] = []
  const { child, lastSeen, reporter } = details
  const lastSeenAt = checkTimes(lastSeen, details.reportedAt, now, errors)
  const childColumns = checkChild(child, lastSeenAt, now, errors)
  if ((lastSeen.lat === undefined) !== (lastSeen.lon === undefined)) {
    errors.push({
      path: lastSeen.lat === undefined ? '/lastSeen/lat' : '/lastSeen/lon',
      code: 'pair_required',
      message: 'give both coordinates',
    })
  }
  const division = (await divisionLookup(db, [lastSeen.divisionCode])).get(lastSeen.divisionCode)
  if (!division) {
    errors.push({ path: '/lastSeen/divisionCode', code: 'unknown_division', message: `no division ${lastSeen.divisionCode}` })
  } else if (!division.isLeaf) {
    errors.push({ path: '/lastSeen/divisionCode', code: 'division_not_leaf', message: `${division.name} has counties: give the county` })
  }
  const phone = normalisePhone(reporter.phone)
  if (!phone) errors.push({ path: '/reporter/phone', code: 'bad_phone', message: 'not a mainland mobile or landline number' })
  if (errors.length > 0) throw invalid('case.invalid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors)
  return {
    ...childColumns,
    childName: child.name.trim(),
    childHeightCm: child.heightCm ?? null,
    childBuild: optional(child.build),
    childClothing: optional(child.clothing),
    childMarks: optional(child.marks),
    childDialect: optional(child.dialect),
    lastSeenAt,
    lastSeenAddress: lastSeen.address.trim(),
    lastSeenDivisionCode: lastSeen.divisionCode,
    lastSeenLat: lastSeen.lat ?? null,
    lastSeenLon: lastSeen.lon ?? null,
    reporterName: reporter.name.trim(),
    reporterRelation: reporter.relation.trim(),
    reporterPhone: phone!,
    reportedAt: details.reportedAt,
  }
}
