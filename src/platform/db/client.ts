import fs from 'node:fs/promises'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { type SQL } from 'drizzle-orm'
import pg from 'pg'
import * as schema from './schema.ts'
import { lockDataDir, type DataDirLock } from './lock.ts'

export type Schema = typeof schema
/** A Drizzle database or transaction; both backends share this type, so services never know which. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>

export type BackendKind = 'pglite' | 'postgres'

export interface Database {
  kind: BackendKind
  db: Db
  /** Where the data lives, for messages: the folder or the URL without its password. */
  location: string
  /** The raw driver handle, only for pg-boss's adapter and backups. */
  pglite?: PGlite
  pool?: pg.Pool
  connectionString?: string
  close(): Promise<void>
}

export interface OpenOptions {
  databaseUrl?: string
  /** PGlite data folder; undefined means in memory (tests). */
  dataDir?: string
}

/** Opens the configured backend. PGlite data folders are locked for the life of the handle. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl)
  return openPglite(options.dataDir)
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  let lock: DataDirLock | undefined
  if (dataDir) {
    await fs.mkdir(path.dirname(dataDir), { recursive: true })
    await fs.mkdir(dataDir, { recursive: true })
    lock = await lockDataDir(dataDir)
  }
  try {
    const pglite = await PGlite.create(dataDir ? { dataDir } : {})
    const db = drizzlePglite({ client: pglite, schema, casing: 'snake_case' }) as unknown as Db
    return {
      kind: 'pglite',
      db,
      pglite,
      location: dataDir ?? 'memory',
      async close() {
        await pglite.close()
        await lock?.release()
      },
    }
  } catch (error) {
    await lock?.release()
    throw error
  }
}

async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 })
  // Fail at start, with the server's own message, rather than on the first request.
  const client = await pool.connect().catch(async (error: Error) => {
    await pool.end()
    throw new Error(`cannot connect to PostgreSQL at ${redact(connectionString)}: ${error.message}`)
  })
  client.release()
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Db
  return { kind: 'postgres', db, pool, connectionString, location: redact(connectionString), close: () => pool.end() }
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
}

/** Runs raw SQL and returns its rows; the two drivers shape results alike (`{ rows }`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}
