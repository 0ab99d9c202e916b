import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { Database, Db } from './client.ts'

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url))

/** Applies pending migrations; the same SQL files serve both backends. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER })
    return
  }
  // Two servers starting at once must not both apply a migration.
  const client = await database.pool!.connect()
  try {
    await client.query('SELECT pg_advisory_lock(20260102)')
    const { drizzle } = await import('drizzle-orm/node-postgres')
    await migratePg(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER })
  } finally {
    await client.query('SELECT pg_advisory_unlock(20260102)').catch(() => undefined)
    client.release()
  }
}

/** The tag of the newest applied migration, recorded in backups so a restore can refuse a mismatch. */
export async function currentMigration(db: Db): Promise<string | null> {
  const result = (await db.execute(
    sql`SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`,
  )) as unknown as { rows: { hash: string }[] }
  return result.rows[0]?.hash ?? null
}
