import { Secret, TOTP } from 'otpauth'

const PERIOD = 30

function totpFor(secret: string, label: string) {
  return new TOTP({ issuer: 'Tuanyuan 团圆', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) })
}

export const newTotpSecret = () => new Secret({ size: 20 }).base32

export const totpUri = (secret: string, username: string) => totpFor(secret, username).toString()

/**
 * The time step of a valid code (one step of clock drift allowed either way), or null. A code
 * whose step is not after `lastStep` has been used already and is refused.
 */
export function acceptTotp(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  const delta = totpFor(secret, '').validate({ token: code, timestamp: now.getTime(), window: 1 })
  if (delta === null) return null
  const step = Math.floor(now.getTime() / 1000 / PERIOD) + delta
  if (lastStep !== null && step <= lastStep) return null
  return step
}

/** The current code, for tests and the demo. */
export const currentTotp = (secret: string, now: Date) => totpFor(secret, '').generate({ timestamp: now.getTime() })
