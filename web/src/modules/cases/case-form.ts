// The intake/edit form's values, the checks the server makes (run first in the browser, with the server's
// own functions, so the officer sees every problem at once), and the request bodies they become.
import dayjs, { type Dayjs } from 'dayjs'
import { parseIdNumber } from '../../../../src/modules/cases/id-number.ts'
import { normalisePhone } from '../../../../src/modules/cases/phone.ts'
import { ageOn, chinaDay } from '../../../../src/modules/cases/age.ts'
import type { CaseCreate, CaseUpdate, CaseView, IntakeChannel, Sex } from './api.ts'

export interface CaseFormValues {
  unitId?: string | null
  intakeChannel?: IntakeChannel
  reportedAt?: Dayjs | null
  suspectedTrafficking?: boolean
  child: {
    name: string
    sex: Sex
    birthDate?: Dayjs | null
    ageYears?: number | null
    heightCm?: number | null
    build?: string
    clothing?: string
    marks?: string
    idNumber?: string
    dialect?: string
  }
  lastSeen: { at: Dayjs; address: string; divisionCode: string | null; lat?: number | null; lon?: number | null }
  circumstances: string
  reporter: { name: string; relation: string; phone: string }
}

/** A problem found before sending: where, and the same code the server would give. */
export interface FormProblem {
  name: (string | number)[]
  code: string
}

/** Reports may be stamped a little ahead of the server's clock, as the server allows. */
const CLOCK_SKEW_MS = 5 * 60_000

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined)
const number = (value: number | null | undefined) => (value === null || value === undefined ? undefined : value)

function checkChild(values: CaseFormValues, lastSeenAt: Date, now: Date, problems: FormProblem[]) {
  const { child } = values
  const birthDate = child.birthDate ? child.birthDate.format('YYYY-MM-DD') : undefined
  const idNumber = text(child.idNumber)
  if (idNumber) {
    const parsed = parseIdNumber(idNumber, chinaDay(now))
    if (!parsed.ok) problems.push({ name: ['child', 'idNumber'], code: `id_number_${parsed.problem}` })
    else {
      if (child.sex !== 'unknown' && child.sex !== parsed.value.sex)
        problems.push({ name: ['child', 'sex'], code: 'id_number_sex_mismatch' })
      if (birthDate && birthDate !== parsed.value.birthDate)
        problems.push({ name: ['child', 'birthDate'], code: 'id_number_birth_mismatch' })
    }
  }
  if (birthDate) {
    if (birthDate > chinaDay(lastSeenAt)) problems.push({ name: ['child', 'birthDate'], code: 'after_last_seen' })
    else if (number(child.ageYears) !== undefined && child.ageYears !== ageOn(birthDate, lastSeenAt)) {
      problems.push({ name: ['child', 'ageYears'], code: 'age_mismatch' })
    }
  } else if (number(child.ageYears) === undefined && !idNumber) {
    problems.push({ name: ['child', 'birthDate'], code: 'required' })
  }
}

/**
 * Every problem the server would find without its database (whether the division is a county it checks
 * itself). An edit passes the stored report time, which the server checks the last-seen time against.
 */
export function checkCaseForm(values: CaseFormValues, now: Date, storedReportedAt?: Date): FormProblem[] {
  const problems: FormProblem[] = []
  const lastSeenAt = values.lastSeen.at.toDate()
  const reportedAt = storedReportedAt ?? values.reportedAt?.toDate() ?? now
  if (!storedReportedAt && reportedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) problems.push({ name: ['reportedAt'], code: 'in_future' })
  if (lastSeenAt.getTime() > reportedAt.getTime()) problems.push({ name: ['lastSeen', 'at'], code: 'after_report' })
  checkChild(values, lastSeenAt, now, problems)
  const hasLat = number(values.lastSeen.lat) !== undefined
  const hasLon = number(values.lastSeen.lon) !== undefined
  if (hasLat !== hasLon) problems.push({ name: ['lastSeen', hasLat ? 'lon' : 'lat'], code: 'pair_required' })
  if (values.lastSeen.divisionCode?.endsWith('0000')) problems.push({ name: ['lastSeen', 'divisionCode'], code: 'division_not_leaf' })
  if (!normalisePhone(values.reporter.phone)) problems.push({ name: ['reporter', 'phone'], code: 'bad_phone' })
  return problems
}

function toGroups(values: CaseFormValues): Pick<CaseCreate, 'child' | 'lastSeen' | 'reporter' | 'circumstances'> {
  const { child, lastSeen, reporter } = values
  return {
    child: {
      name: child.name.trim(),
      sex: child.sex,
      birthDate: child.birthDate ? child.birthDate.format('YYYY-MM-DD') : undefined,
      ageYears: number(child.ageYears),
      heightCm: number(child.heightCm),
      build: text(child.build),
      clothing: text(child.clothing),
      marks: text(child.marks),
      idNumber: text(child.idNumber)?.toUpperCase(),
      dialect: text(child.dialect),
    },
    lastSeen: {
      at: lastSeen.at.toISOString(),
      address: lastSeen.address.trim(),
      divisionCode: lastSeen.divisionCode ?? '',
      lat: number(lastSeen.lat),
      lon: number(lastSeen.lon),
    },
    circumstances: values.circumstances.trim(),
    reporter: { name: reporter.name.trim(), relation: reporter.relation.trim(), phone: reporter.phone.trim() },
  }
}

const dropUndefined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T

export function toCaseCreate(values: CaseFormValues): CaseCreate {
  const groups = toGroups(values)
  return dropUndefined({
    unitId: values.unitId ?? undefined,
    intakeChannel: values.intakeChannel ?? 'station',
    reportedAt: values.reportedAt ? values.reportedAt.toISOString() : undefined,
    suspectedTrafficking: values.suspectedTrafficking ?? false,
    child: dropUndefined(groups.child),
    lastSeen: dropUndefined(groups.lastSeen),
    circumstances: groups.circumstances,
    reporter: groups.reporter,
  })
}

/** Every group is sent whole: the server keeps what did not change and records only what did. */
export function toCaseUpdate(values: CaseFormValues): CaseUpdate {
  const groups = toGroups(values)
  return {
    suspectedTrafficking: values.suspectedTrafficking ?? false,
    child: dropUndefined(groups.child),
    lastSeen: dropUndefined(groups.lastSeen),
    circumstances: groups.circumstances,
    reporter: groups.reporter,
  }
}

const orEmpty = (value: string | null) => value ?? undefined

/** A case as the edit form shows it. An age derived from the birth date is not shown as given. */
export function toFormValues(view: CaseView): CaseFormValues {
  const { child, lastSeen, reporter } = view
  return {
    suspectedTrafficking: view.suspectedTrafficking,
    child: {
      name: child.name,
      sex: child.sex,
      birthDate: child.birthDate ? dayjs(child.birthDate) : null,
      ageYears: child.birthDate ? null : child.ageYears,
      heightCm: child.heightCm,
      build: orEmpty(child.build),
      clothing: orEmpty(child.clothing),
      marks: orEmpty(child.marks),
      idNumber: orEmpty(child.idNumber),
      dialect: orEmpty(child.dialect),
    },
    lastSeen: {
      at: dayjs(lastSeen.at),
      address: lastSeen.address,
      divisionCode: lastSeen.divisionCode,
      lat: lastSeen.lat,
      lon: lastSeen.lon,
    },
    circumstances: view.circumstances,
    reporter: { ...reporter },
  }
}
