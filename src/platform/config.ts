import path from 'node:path'

/** Everything the process reads from its environment, parsed once. */
export interface Config {
  port: number
  host: string
  /** postgres://… for PostgreSQL; undefined means the embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined
  dataDir: string
  logLevel: string
  /** Send cookies with `Secure`; on by default outside development so that production is safe by default. */
  secureCookies: boolean
  /** Seed demo units and users when the database is empty on start. */
  seedDemo: boolean
  webDist: string
  sessionTtlHours: number
  lockout: { maxFailures: number; minutes: number }
  deadlineSweepSeconds: number
  /** Trust X-Forwarded-* from a reverse proxy, so that audit entries carry the client's address. */
  trustProxy: boolean
  /** One password for every demo user (tests, screenshots); otherwise each gets a random one. */
  demoPassword: string | undefined
  /** DNA search floors (log10 LR) by mode name, over the engine's defaults; the DNA module checks the names. */
  dnaSearchThresholds: Record<string, number>
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`)
  return n
}

/** `duo=3,trio=4`: numbers by name. */
function numbersByName(value: string | undefined, name: string): Record<string, number> {
  const pairs = (value ?? '').split(',').filter((part) => part.trim() !== '')
  return Object.fromEntries(
    pairs.map((pair) => {
      const match = /^\s*([a-z_]+)\s*=\s*(-?\d+(\.\d+)?)\s*$/.exec(pair)
      if (!match) throw new Error(`${name} must look like "duo=4,trio=4", got "${value}"`)
      return [match[1], Number(match[2])]
    }),
  )
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase())
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql://, got "${databaseUrl}"`)
  }
  return {
    port: int(env.PORT, 8080, 'PORT'),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(env.TUANYUAN_DATA_DIR || './data'),
    logLevel: env.LOG_LEVEL || 'info',
    secureCookies: bool(env.TUANYUAN_SECURE_COOKIES, env.NODE_ENV === 'production'),
    seedDemo: bool(env.TUANYUAN_DEMO, true),
    webDist: path.resolve(env.TUANYUAN_WEB_DIST || new URL('../../web/dist', import.meta.url).pathname),
    sessionTtlHours: int(env.TUANYUAN_SESSION_TTL_HOURS, 12, 'TUANYUAN_SESSION_TTL_HOURS'),
    lockout: {
      maxFailures: int(env.TUANYUAN_LOCKOUT_FAILURES, 5, 'TUANYUAN_LOCKOUT_FAILURES'),
      minutes: int(env.TUANYUAN_LOCKOUT_MINUTES, 15, 'TUANYUAN_LOCKOUT_MINUTES'),
    },
    deadlineSweepSeconds: int(env.TUANYUAN_DEADLINE_SWEEP_SECONDS, 10, 'TUANYUAN_DEADLINE_SWEEP_SECONDS'),
    trustProxy: bool(env.TUANYUAN_TRUST_PROXY, false),
    demoPassword: env.TUANYUAN_DEMO_PASSWORD || undefined,
    dnaSearchThresholds: numbersByName(env.TUANYUAN_DNA_SEARCH_THRESHOLDS, 'TUANYUAN_DNA_SEARCH_THRESHOLDS'),
  }
}
