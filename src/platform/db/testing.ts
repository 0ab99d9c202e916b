import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { openDatabase, type Database } from './client.ts'
import { migrateDatabase } from './migrate.ts'

/** A handle on a test database, how to open another on the same data, and how to get rid of the data. */
interface Handle {
  handle: Database
  open(): Promise<Database>
  dispose(): Promise<void>
  /** Set once the handle is closed, by `close` or by `reopen`; closing again does nothing. */
  closed: boolean
}

const handles = new WeakMap<Database, Handle>()

/** Wraps `handle` so that closing it also disposes of the data, and so that `reopen` can open the data again. */
function disposable(handle: Database, open: () => Promise<Database>, dispose: () => Promise<void>): Database {
  const state: Handle = { handle, open, dispose, closed: false }
  const database: Database = {
    ...handle,
    async close() {
      if (state.closed) return
      state.closed = true
      await handle.close()
      await dispose()
    },
  }
  handles.set(database, state)
  return database
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL server named by TUANYUAN_TEST_DATABASE_URL (dropped again on close). Both run the
 * real migrations. `onDisk` puts PGlite in a temporary data folder instead, so that `reopen`
 * can restart it; a PostgreSQL test database can always be reopened.
 */
export async function testDb(options: { onDisk?: boolean } = {}): Promise<Database> {
  const adminUrl = process.env.TUANYUAN_TEST_DATABASE_URL
  if (!adminUrl) {
    if (!options.onDisk) {
      const database = await openDatabase({})
      await migrateDatabase(database)
      return database
    }
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ty-test-'))
    const open = () => openDatabase({ dataDir })
    const database = disposable(await open(), open, () => fs.rm(dataDir, { recursive: true, force: true }))
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
  const open = () => openDatabase({ databaseUrl: url.toString() })
  const database = disposable(await open(), open, async () => {
    const dropper = new pg.Client({ connectionString: adminUrl })
    await dropper.connect()
    // pool.end() resolves once its clients have sent Terminate, not once their sessions are gone: a FORCE drop
    // in between kills a session whose client is still listening, and that client throws outside any test.
    for (let waited = 0; waited < 5000; waited += 50) {
      const { rows } = await dropper.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name])
      if (rows[0].n === 0) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await dropper.end()
  })
  await migrateDatabase(database)
  return database
}

/**
 * A process restart: closes `database` keeping its data (the PGlite folder is unlocked, the
 * PostgreSQL pool ended) and opens the same data again. Use the returned handle from then on;
 * closing it disposes of the data as closing the original would have.
 */
export async function reopen(database: Database): Promise<Database> {
  const state = handles.get(database)
  if (!state) throw new Error('only testDb({ onDisk: true }) or a PostgreSQL test database can be reopened')
  if (state.closed) throw new Error('the database is already closed')
  state.closed = true
  await state.handle.close()
  return disposable(await state.open(), state.open, state.dispose)
}

export const onPostgres = () => Boolean(process.env.TUANYUAN_TEST_DATABASE_URL)
