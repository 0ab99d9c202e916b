/** Protection of the public intake routes (tips without login); see docs/decisions/0010-public-intake-protection.md. */
export interface AbuseSettings {
  /** Proof of work: the solver tries up to this many hashes (at least half of it); about 0.1 s in a browser at 20 000. */
  powDifficulty: number
  /** Seconds a challenge may be answered after it is issued; a used one is refused until then. */
  powLifetimeSeconds: number
  /** Per client address: this many submissions at once… */
  ipBurst: number
  /** …then this many per hour (a token bucket refilled evenly). */
  ipPerHour: number
  /** All clients together, per second. */
  globalPerSecond: number
  /** Largest request body of a public intake route that sets none of its own. */
  bodyLimit: number
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${value}"`)
  return n
}

export function abuseSettings(env: NodeJS.ProcessEnv): AbuseSettings {
  return {
    powDifficulty: Math.max(2, positive(env.TUANYUAN_POW_DIFFICULTY, 20_000, 'TUANYUAN_POW_DIFFICULTY')),
    powLifetimeSeconds: positive(env.TUANYUAN_POW_LIFETIME_SECONDS, 300, 'TUANYUAN_POW_LIFETIME_SECONDS'),
    ipBurst: positive(env.TUANYUAN_INTAKE_IP_BURST, 10, 'TUANYUAN_INTAKE_IP_BURST'),
    ipPerHour: positive(env.TUANYUAN_INTAKE_IP_PER_HOUR, 60, 'TUANYUAN_INTAKE_IP_PER_HOUR'),
    globalPerSecond: positive(env.TUANYUAN_INTAKE_GLOBAL_PER_SECOND, 2_000, 'TUANYUAN_INTAKE_GLOBAL_PER_SECOND'),
    bodyLimit: positive(env.TUANYUAN_INTAKE_BODY_LIMIT, 64 * 1024, 'TUANYUAN_INTAKE_BODY_LIMIT'),
  }
}
