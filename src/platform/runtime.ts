import pino, { type Logger } from 'pino'
import type { Config } from './config.ts'
import { systemClock, type Clock } from './clock.ts'
import { openDatabase, type Database } from './db/client.ts'
import { migrateDatabase } from './db/migrate.ts'
import { createJobs } from './jobs/jobs.ts'
import type { Platform } from './context.ts'

export interface Runtime {
  platform: Platform
  database: Database
  close(): Promise<void>
}

export interface RuntimeOptions {
  clock?: Clock
  log?: Logger
  /** Reuse an open database (tests); otherwise open the configured one. */
  database?: Database
  migrate?: boolean
}

export function createLogger(config: Config): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'tuanyuan' },
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
  })
}

/** Opens the database, applies migrations and prepares jobs: what the server and the CLI both need. */
export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const log = options.log ?? createLogger(config)
  const clock = options.clock ?? systemClock
  const database = options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }))
  try {
    if (options.migrate !== false) await migrateDatabase(database)
  } catch (error) {
    await database.close()
    throw error
  }
  const jobs = createJobs(database, log, clock)
  const platform: Platform = { config, db: database.db, clock, jobs, log }
  return {
    platform,
    database,
    async close() {
      await jobs.stop()
      if (!options.database) await database.close()
    },
  }
}
