// GB 11643-1999 citizen ID numbers: 6-digit address code, 8-digit birth date, 3-digit order code
// (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
import type { Sex } from './schema.ts'

/** First two digits of the address code: the provinces of GB/T 2260, plus 71/81/82 for Taiwan, Hong Kong and Macao. */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]) // prettier-ignore

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARACTERS = '10X98765432'

export type IdNumberProblem = 'format' | 'region' | 'birth_date' | 'check_digit'

export interface ParsedIdNumber {
  idNumber: string
  regionCode: string
  birthDate: string
  sex: Exclude<Sex, 'unknown'>
}

/** The check character of the first 17 digits (ISO 7064 MOD 11-2). */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_CHARACTERS[sum % 11]
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4))
  const m = Number(yyyymmdd.slice(4, 6))
  const d = Number(yyyymmdd.slice(6, 8))
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/**
 * Parses an 18-character ID number, or says what is wrong with it. The birth date must be a real
 * date from 1900 up to `today` (YYYY-MM-DD); a lower-case x is read as X.
 */
export function parseIdNumber(input: string, today: string): { ok: true; value: ParsedIdNumber } | { ok: false; problem: IdNumberProblem } {
  const idNumber = input.trim().toUpperCase()
  if (!/^[0-9]{17}[0-9X]$/.test(idNumber)) return { ok: false, problem: 'format' }
  const regionCode = idNumber.slice(0, 6)
  if (!PROVINCES.has(regionCode.slice(0, 2)) || regionCode.endsWith('0000')) return { ok: false, problem: 'region' }
  const digits = idNumber.slice(6, 14)
  const birthDate = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`
  if (!isRealDate(digits) || digits < '19000101' || birthDate > today) return { ok: false, problem: 'birth_date' }
  if (idNumberCheckCharacter(idNumber) !== idNumber[17]) return { ok: false, problem: 'check_digit' }
  const sex = Number(idNumber[16]) % 2 === 1 ? 'male' : 'female'
  return { ok: true, value: { idNumber, regionCode, birthDate, sex } }
}

export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  format: 'an ID number has 17 digits and a check digit or X',
  region: 'the first six digits are not a region code',
  birth_date: 'digits 7–14 are not a possible birth date',
  check_digit: 'the check digit does not match (GB 11643, ISO 7064 MOD 11-2)',
}
