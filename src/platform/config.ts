import path from 'node:path'
import { abuseSettings, type AbuseSettings } from './http/abuse/settings.ts'

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
  /** Unsolved cases reported at least this many years ago are listed as cold cases (积案) by default. */
  coldCaseYears: number
  alerts: AlertSettings
  clues: ClueTerms
  /** Rate limits, proof of work and size limits of the public intake routes. */
  abuse: AbuseSettings
  /** The map background for the console and public pages; pages still draw their shapes when tiles cannot load. */
  mapTiles: { url: string; attribution: string }
}

export interface AlertSettings {
  /** The staged radius: from `afterMinutes` since disappearance, `radiusKm`; ascending. */
  radiusSteps: { afterMinutes: number; radiusKm: number }[]
  /** CAP `status`: `Exercise` or `Test` for a demonstration or training deployment. */
  capStatus: 'Actual' | 'Exercise' | 'Test'
  /** CAP `sender` (no spaces or commas): who issues the alerts, e.g. the platform's domain. */
  capSender: string
  /** The public address of this installation, for links in alerts (pages, photos, CAP messages). */
  publicUrl: string
  /** Partner webhooks may use plain http to this machine (local test receivers); off by default in production. */
  allowHttpWebhooks: boolean
}

/** Terms of the clues module in days; directives are fixed at 7 days by the seeds and are not configurable. */
export interface ClueTerms {
  /** An assistance request from another jurisdiction is answered within this many days. */
  assistRequestDays: number
  /** A tip, mandatory report or online report is verified within this many days. */
  verificationDays: number
  /** The responsible unit is reminded this many days before a clue's due date. */
  remindBeforeDays: number
}

/** `0:100,60:200`: minutes since disappearance → radius in km, ascending, starting at 0. */
function radiusSteps(value: string, name: string): AlertSettings['radiusSteps'] {
  const steps = value.split(',').map((pair) => {
    const match = /^\s*(\d+)\s*:\s*(\d+(\.\d+)?)\s*$/.exec(pair)
    if (!match) throw new Error(`${name} must look like "0:100,60:200,120:300,180:500" (minutes:km), got "${value}"`)
    return { afterMinutes: Number(match[1]), radiusKm: Number(match[2]) }
  })
  const ascending = steps.every((s, i) => i === 0 || (s.afterMinutes > steps[i - 1].afterMinutes && s.radiusKm > 0))
  if (steps[0].afterMinutes !== 0 || !ascending || steps.some((s) => s.radiusKm <= 0 || s.radiusKm > 3000)) {
    throw new Error(`${name} must start at minute 0, rise in time, and keep each radius within 0–3000 km, got "${value}"`)
  }
  return steps
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined || value === '') return fallback
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${value}"`)
  return value as T
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

const OSM_TILES = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
}

/** A Leaflet tile URL template (`{z}/{x}/{y}`, `{s}` for subdomains), https or a path on this server. */
function mapTiles(url: string | undefined, attribution: string | undefined): Config['mapTiles'] {
  if (!url) return { url: OSM_TILES.url, attribution: attribution ?? OSM_TILES.attribution }
  if (!/^(https?:\/\/[^/\s]+)?\/\S*\{z\}\S*$/.test(url) || !url.includes('{x}') || !url.includes('{y}')) {
    throw new Error(`TUANYUAN_MAP_TILE_URL must be an http(s) URL or a path with {z}, {x} and {y}, got "${url}"`)
  }
  return { url, attribution: attribution ?? '' }
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
    coldCaseYears: Math.max(1, int(env.TUANYUAN_COLD_CASE_YEARS, 1, 'TUANYUAN_COLD_CASE_YEARS')),
    alerts: {
      // The platform's published rule: within 1 h 100 km, 1–2 h 200 km, 2–3 h 300 km, over 3 h 500 km.
      radiusSteps: radiusSteps(env.TUANYUAN_ALERT_RADIUS_STEPS || '0:100,60:200,120:300,180:500', 'TUANYUAN_ALERT_RADIUS_STEPS'),
      capStatus: oneOf(env.TUANYUAN_ALERT_CAP_STATUS, ['Actual', 'Exercise', 'Test'] as const, 'Actual', 'TUANYUAN_ALERT_CAP_STATUS'),
      capSender: env.TUANYUAN_ALERT_SENDER || 'tuanyuan.local',
      publicUrl: (env.TUANYUAN_PUBLIC_URL || `http://localhost:${int(env.PORT, 8080, 'PORT')}`).replace(/\/+$/, ''),
      allowHttpWebhooks: bool(env.TUANYUAN_ALLOW_HTTP_WEBHOOKS, env.NODE_ENV !== 'production'),
    },
    clues: {
      assistRequestDays: Math.max(1, int(env.TUANYUAN_ASSIST_REQUEST_DAYS, 15, 'TUANYUAN_ASSIST_REQUEST_DAYS')),
      verificationDays: Math.max(1, int(env.TUANYUAN_CLUE_VERIFICATION_DAYS, 7, 'TUANYUAN_CLUE_VERIFICATION_DAYS')),
      remindBeforeDays: int(env.TUANYUAN_CLUE_REMIND_BEFORE_DAYS, 1, 'TUANYUAN_CLUE_REMIND_BEFORE_DAYS'),
    },
    abuse: abuseSettings(env),
    mapTiles: mapTiles(env.TUANYUAN_MAP_TILE_URL, env.TUANYUAN_MAP_TILE_ATTRIBUTION),
  }
}
