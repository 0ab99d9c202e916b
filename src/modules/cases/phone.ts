// Mainland China telephone numbers as people write them down at a report desk.

const MOBILE = /^1[3-9][0-9]{9}$/
/**
 * Area code, local number, optional extension. Beijing (010) and the 02x areas have three-character
 * codes and 8-digit numbers; the others four-character codes (0755) and 7 or 8 digits.
 */
const LANDLINE_SHORT_AREA = /^(010|02[0-9])-?([2-9][0-9]{7})(?:-([0-9]{1,6}))?$/
const LANDLINE = /^(0[3-9][0-9]{2})-?([2-9][0-9]{6,7})(?:-([0-9]{1,6}))?$/

/**
 * The number in a canonical form — a mobile as 11 digits, a landline as `0755-12345678[-123]` — or
 * null when it is neither. Spaces, dots and a +86/0086 prefix are ignored.
 */
export function normalisePhone(input: string): string | null {
  let text = input.trim().replace(/[\s.()（）]/g, '')
  text = text.replace(/^(\+86|0086)-?/, '')
  if (MOBILE.test(text)) return text
  // A mobile written as 138-0013-8000.
  const undashed = text.replace(/-/g, '')
  if (MOBILE.test(undashed)) return undashed
  const landline = LANDLINE_SHORT_AREA.exec(text) ?? LANDLINE.exec(text)
  if (!landline) return null
  const [, area, local, extension] = landline
  return extension ? `${area}-${local}-${extension}` : `${area}-${local}`
}
