import pino from 'pino'
import { loadConfig, type Config } from './config.ts'
import { manualClock, type ManualClock } from './clock.ts'
import { testDb } from './db/testing.ts'
import type { Database } from './db/client.ts'
import { createCtx, type Ctx, type Platform } from './context.ts'
import { systemActor, type Actor } from './auth/actor.ts'
import { createJobs } from './jobs/jobs.ts'

export interface TestPlatform {
  platform: Platform
  database: Database
  clock: ManualClock
  config: Config
  /** A context acting as `actor` (default: the system). */
  ctx(actor?: Actor): Ctx
  close(): Promise<void>
}

export const testLog = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' })

/** A platform on a fresh test database with a clock the test moves. */
export async function testPlatform(
  options: { database?: Database; clock?: ManualClock; env?: Record<string, string> } = {},
): Promise<TestPlatform> {
  const database = options.database ?? (await testDb())
  const clock = options.clock ?? manualClock()
  const config = loadConfig({ TUANYUAN_DATA_DIR: '/nonexistent', TUANYUAN_DEMO: 'false', ...options.env })
  const jobs = createJobs(database, testLog, clock)
  const platform: Platform = { config, db: database.db, clock, jobs, log: testLog }
  return {
    platform,
    database,
    clock,
    config,
    ctx: (actor = systemActor('test')) => createCtx(platform, { actor, requestId: 'test', ip: '127.0.0.1' }),
    async close() {
      await jobs.stop()
      await database.close()
    },
  }
}
