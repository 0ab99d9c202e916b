import { invalid, type FieldError } from '../../../platform/errors.ts'
import { isCapToken } from './fields.ts'
import type { CapMessageInput } from './types.ts'

const isValidDate = (date: Date): boolean => date instanceof Date && Number.isFinite(date.getTime())

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false
  const { protocol } = new URL(value)
  return protocol === 'https:' || protocol === 'http:'
}

function checkHeader(input: CapMessageInput, errors: FieldError[]): void {
  if (!isCapToken(input.identifier)) errors.push({ path: '/identifier', message: 'must be non-empty, without spaces, commas, < or &' })
  if (!isCapToken(input.sender)) errors.push({ path: '/sender', message: 'must be non-empty, without spaces, commas, < or &' })
  if (!isValidDate(input.sent)) errors.push({ path: '/sent', message: 'must be a valid date' })
  if (input.expires && (!isValidDate(input.expires) || input.expires < input.sent)) {
    errors.push({ path: '/expires', message: 'must be a valid date not before sent' })
  }
  input.references.forEach((ref, i) => {
    if (!isCapToken(ref.sender) || !isCapToken(ref.identifier) || !isValidDate(ref.sent)) {
      errors.push({
        path: `/references/${i}`,
        message: 'needs a sender and identifier without spaces, commas, < or &, and a valid sent date',
      })
    }
  })
  // An Update or Cancel that names no earlier message leaves receivers nothing to supersede.
  if (input.msgType !== 'Alert' && input.references.length === 0) {
    errors.push({ path: '/references', message: `a ${input.msgType} must reference the earlier messages` })
  }
  if (input.msgType === 'Cancel' && !input.cancelReason) errors.push({ path: '/cancelReason', message: 'a Cancel needs a reason' })
}

function checkArea(input: CapMessageInput, errors: FieldError[]): void {
  const { lat, lon } = input.center
  if (!(Math.abs(lat) <= 90)) errors.push({ path: '/center/lat', message: 'must be between -90 and 90' })
  if (!(Math.abs(lon) <= 180)) errors.push({ path: '/center/lon', message: 'must be between -180 and 180' })
  if (!(input.radiusKm > 0 && Number.isFinite(input.radiusKm))) errors.push({ path: '/radiusKm', message: 'must be a positive number' })
  if (!/^\d{6}$/.test(input.details.lastSeenDivisionCode)) {
    errors.push({ path: '/details/lastSeenDivisionCode', message: 'must be a six-digit GB/T 2260 code' })
  }
}

function checkDetails(input: CapMessageInput, errors: FieldError[]): void {
  const { details } = input
  if (!details.childName.trim()) errors.push({ path: '/details/childName', message: 'must not be empty' })
  if (!isValidDate(details.lastSeenAt)) errors.push({ path: '/details/lastSeenAt', message: 'must be a valid date' })
  if (!isHttpUrl(details.pageUrl)) errors.push({ path: '/details/pageUrl', message: 'must be an absolute http(s) URL' })
  if (details.photoUrl !== null && !isHttpUrl(details.photoUrl)) {
    errors.push({ path: '/details/photoUrl', message: 'must be an absolute http(s) URL' })
  }
  if (!input.senderName.trim()) errors.push({ path: '/senderName', message: 'must not be empty' })
}

/**
 * Refuses input that would make a message the XSD accepts but the CAP spec or receivers do not:
 * malformed identifiers, circles off the globe, updates that reference nothing.
 */
export function assertValidCapInput(input: CapMessageInput): void {
  const errors: FieldError[] = []
  checkHeader(input, errors)
  checkArea(input, errors)
  checkDetails(input, errors)
  if (errors.length > 0) {
    throw invalid(
      'alert.cap_input',
      `cannot build CAP message ${input.identifier}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
      errors,
    )
  }
}
