// Receipt codes of public tips: 10 random Crockford base32 characters (50 bits), shown once as XXXXX-XXXXX.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const LENGTH = 10

/** A fresh receipt code in its display form. */
export function newReceipt(): string {
  const bytes = randomBytes(LENGTH)
  // 256 is a multiple of 32: taking each byte modulo 32 keeps every character equally likely.
  const code = [...bytes].map((b) => ALPHABET[b % 32]).join('')
  return `${code.slice(0, 5)}-${code.slice(5)}`
}

/**
 * The canonical code from what a person typed, or null: case, dashes, spaces, the look-alikes O/I/L and the
 * full-width characters of a Chinese input method are forgiven.
 */
export function normalizeReceipt(input: string): string | null {
  const code = input.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (code.length !== LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return null
  return code
}

/** What the database keeps: the SHA-256 of the canonical code (50 random bits make a slow hash pointless behind rate limits). */
export function receiptHash(code: string): string {
  return createHash('sha256').update(`tuanyuan-tip:${code}`).digest('hex')
}

/** Compares two hashes without leaking where they differ. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex')
  const y = Buffer.from(b, 'hex')
  return x.length === y.length && timingSafeEqual(x, y)
}
