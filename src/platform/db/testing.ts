import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openDatabase, type Database } from './client.ts'
import { migrateDatabase } from './migrate.ts'

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL server named by TUANYUAN_TEST_DATABASE_URL (dropped again on close). Both run the
 * real migrations.
 */
export async function testDb(): Promise<Database> {
  const adminUrl = process.env.TUANYUAN_TEST_DATABASE_URL
  if (!adminUrl) {
    const database = await openDatabase({})
    await migrateDatabase(database)
    return database
  }
  const name = `ty_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ databaseUrl: url.toString() })
  await migrateDatabase(database)
  const close = database.close
  return {
    ...database,
    async close() {
      await close()
      const dropper = new pg.Client({ connectionString: adminUrl })
      await dropper.connect()
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await dropper.end()
    },
  }
}

export const onPostgres = () => Boolean(process.env.TUANYUAN_TEST_DATABASE_URL)
