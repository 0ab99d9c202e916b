import { createHash } from 'node:crypto'

/** Submissions received in the same slot of this many minutes (from the epoch) with the same fingerprint are one. */
export const DUPLICATE_WINDOW_MINUTES = 10

export interface TipFingerprintInput {
  /** What the tipster wrote, e.g. `[subject, text]`. */
  text: string | readonly string[]
  place?: { divisionCode?: string; address?: string; lat?: number; lon?: number } | null
  /** When it was seen, as sent. */
  seenAt?: string | Date | null
  /** The alert or case the tip was sent from. */
  about?: string | null
  receivedAt: Date
}

/**
 * Blind to width, case and white space: a resent form, or one typed again with another input method, reads the
 * same. Chinese puts no spaces between words, so dropping them all loses nothing that tells two tips apart.
 */
function normalizeText(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/gu, '')
}

/** About 11 m: the same point picked on the map twice, not two places. */
const coordinate = (value: number | undefined) => (value === undefined ? null : value.toFixed(4))

function seenMinute(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const at = new Date(value).getTime()
  return Number.isNaN(at) ? normalizeText(String(value)) : String(Math.floor(at / 60_000))
}

/**
 * A fingerprint of a public tip: equal for the same words, place, sighting time and subject received in the
 * same 10-minute slot. Stored in a unique column, it turns a resubmission (a double tap, a retry after a lost
 * reply, a script) into the first one. Two copies either side of a slot boundary stay two tips: harmless.
 */
export function tipFingerprint(input: TipFingerprintInput): string {
  const texts = typeof input.text === 'string' ? [input.text] : input.text
  const place = input.place ?? {}
  const parts = [
    'tip/1',
    Math.floor(input.receivedAt.getTime() / (DUPLICATE_WINDOW_MINUTES * 60_000)),
    input.about ?? null,
    texts.map(normalizeText),
    place.divisionCode ?? null,
    place.address === undefined ? null : normalizeText(place.address),
    coordinate(place.lat),
    coordinate(place.lon),
    seenMinute(input.seenAt),
  ]
  // JSON keeps the parts apart: no text can be written to look like another text plus a place.
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
}
