import fs from 'node:fs'
import readline from 'node:readline'
import zlib from 'node:zlib'
import { once } from 'node:events'
import { pipeline, type Readable } from 'node:stream'
import { sql } from 'drizzle-orm'
import { queryRows, type Database, type Db } from './client.ts'
import { currentMigration } from './migrate.ts'
import { verifyAuditChain } from '../audit/verify.ts'
import { sealAuditChain } from '../audit/seal.ts'

/**
 * A logical backup: gzip'd JSON lines, one header then chunks of rows per table, in foreign-key
 * order. Rows are read with row_to_json and written back with json_populate_recordset, so the
 * same file restores into PGlite or PostgreSQL. Job-queue state (pg-boss) is not included:
 * deadlines live in our own tables and are re-derived by the sweep.
 */
export interface BackupHeader {
  format: 'tuanyuan-backup'
  version: 1
  createdAt: string
  source: string
  migration: string | null
  tables: string[]
  auditHead: string | null
}

interface TableInfo {
  name: string
  primaryKey: string[]
  selfReference: { column: string; references: string } | null
}

const CHUNK = 1000

/** Our tables (schema public), parents before children. */
async function listTables(db: Db): Promise<TableInfo[]> {
  const tables = await queryRows<{ name: string }>(
    db,
    // audit_pending is derived: restoring the entries queues them again, and sealing skips those already chained.
    sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'audit_pending' ORDER BY tablename`,
  )
  const fks = await queryRows<{ child: string; parent: string; column: string; ref_column: string }>(
    db,
    sql`SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
          a.attname AS column, ra.attname AS ref_column
        FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]
        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
  )
  const pks = await queryRows<{ table: string; column: string }>(
    db,
    sql`SELECT c.conrelid::regclass::text AS table, a.attname AS column
        FROM pg_constraint c JOIN LATERAL unnest(c.conkey) WITH ORDINALITY k(attnum, n) ON true
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
        WHERE c.contype = 'p' AND c.connamespace = 'public'::regnamespace ORDER BY k.n`,
  )
  const ordered: string[] = []
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return
    path.add(name)
    for (const fk of fks) if (fk.child === name && fk.parent !== name) visit(fk.parent, path)
    ordered.push(name)
  }
  for (const { name } of tables) visit(name, new Set())
  return ordered.map((name) => {
    const self = fks.find((fk) => fk.child === name && fk.parent === name)
    return {
      name,
      primaryKey: pks.filter((p) => p.table === name).map((p) => p.column),
      selfReference: self ? { column: self.column, references: self.ref_column } : null,
    }
  })
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`)

/** Rows of a self-referencing table reordered so that every parent comes before its children. */
function parentsFirst(rows: Record<string, unknown>[], ref: { column: string; references: string }) {
  const byKey = new Map(rows.map((r) => [r[ref.references], r]))
  const out: Record<string, unknown>[] = []
  const seen = new Set<unknown>()
  const place = (row: Record<string, unknown>) => {
    if (seen.has(row)) return
    seen.add(row)
    const parent = byKey.get(row[ref.column])
    if (parent) place(parent)
    out.push(row)
  }
  rows.forEach(place)
  return out
}

async function write(out: NodeJS.WritableStream, value: unknown) {
  if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain')
}

export async function backupDatabase(database: Database, file: string, now: Date): Promise<{ tables: number; rows: number }> {
  const gzip = zlib.createGzip()
  const sink = fs.createWriteStream(file)
  gzip.pipe(sink)
  let total = 0
  // Entries committed until now go into the chain first, so that the backup's head covers them.
  await sealAuditChain(database.db)
  const tables = await database.db.transaction(
    async (tx) => {
      const tables = await listTables(tx)
      const [head] = await queryRows<{ hash: string }>(tx, sql`SELECT hash FROM audit_chain ORDER BY seq DESC LIMIT 1`)
      const header: BackupHeader = {
        format: 'tuanyuan-backup',
        version: 1,
        createdAt: now.toISOString(),
        source: database.kind,
        migration: await currentMigration(tx),
        tables: tables.map((t) => t.name),
        auditHead: head?.hash ?? null,
      }
      await write(gzip, header)
      for (const table of tables) {
        const order = sql.join(table.primaryKey.map(ident), sql`, `)
        for (let offset = 0; ; offset += CHUNK) {
          const rows = await queryRows<{ row: Record<string, unknown> }>(
            tx,
            sql`SELECT row_to_json(t) AS row FROM ${ident(table.name)} t ORDER BY ${order} LIMIT ${CHUNK} OFFSET ${offset}`,
          )
          if (rows.length) await write(gzip, { table: table.name, rows: rows.map((r) => r.row) })
          total += rows.length
          if (rows.length < CHUNK) break
        }
      }
      return tables
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  )
  gzip.end()
  await once(sink, 'finish')
  return { tables: tables.length, rows: total }
}

export class RestoreRefused extends Error {}

/**
 * Restores a backup into a freshly migrated, empty database, in one transaction: it either
 * all lands or nothing does. The audit chain is re-verified and must end where the backup's did.
 */
export async function restoreDatabase(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  let header: BackupHeader | null = null
  let total = 0
  const touched = new Set<string>()
  // Opened first, so that a missing or unreadable file rejects the restore: as a stream's open error
  // it would be thrown out of the process instead, leaving the transaction below open for ever.
  const handle = await fs.promises.open(file)
  /** The end of the pipeline below: destroying it closes the file quietly when the restore stops early. */
  let input: Readable | undefined
  await database.db
    .transaction(async (tx) => {
      const tables = await listTables(tx)
      // Read only now: lines read (or errors raised) before the loop starts would be lost. pipeline()
      // hands a read error (a folder, a failing disk) on to the lines, where pipe() would drop it.
      input = pipeline(handle.createReadStream(), zlib.createGunzip(), () => undefined)
      const lines = readline.createInterface({ input, crlfDelay: Infinity })
      // A self-referencing table is held until its last chunk, then inserted parents first.
      let held: { info: TableInfo; rows: Record<string, unknown>[] } | null = null
      const flush = async () => {
        if (!held) return
        const ordered = parentsFirst(held.rows, held.info.selfReference!)
        for (let i = 0; i < ordered.length; i += CHUNK) await insertRows(tx, held.info.name, ordered.slice(i, i + CHUNK))
        total += ordered.length
        held = null
      }
      for await (const line of lines) {
        if (!line.trim()) continue
        if (!header) {
          header = parseHeader(line)
          await checkHeader(tx, header, tables)
          continue
        }
        const chunk = JSON.parse(line) as { table: string; rows: Record<string, unknown>[] }
        const info = tables.find((t) => t.name === chunk.table)
        if (!info) throw new RestoreRefused(`backup has a table this database does not: ${chunk.table}`)
        if (held && held.info.name !== chunk.table) await flush()
        touched.add(chunk.table)
        if (info.selfReference) {
          held ??= { info, rows: [] }
          held.rows.push(...chunk.rows)
          continue
        }
        await insertRows(tx, chunk.table, chunk.rows)
        total += chunk.rows.length
      }
      await flush()
      if (!header) throw new RestoreRefused('the file is empty or not a Tuanyuan backup')
      await resetIdentitySequences(tx)
      // Restoring the entries queued them all again; those the backup had chained are not waiting any more.
      await tx.execute(sql`DELETE FROM audit_pending p USING audit_chain c WHERE c.entry_id = p.entry_id`)
      const result = await verifyAuditChain(tx)
      const [head] = await queryRows<{ hash: string }>(tx, sql`SELECT hash FROM audit_chain ORDER BY seq DESC LIMIT 1`)
      if (!result.ok || (head?.hash ?? null) !== (header as BackupHeader).auditHead) {
        throw new RestoreRefused(
          `the audit log in the backup does not verify (${result.firstBroken?.reason ?? 'its last entry differs'}): it was altered before the backup or in the file; nothing was restored`,
        )
      }
    })
    .finally(() => (input ? input.destroy() : handle.close()))
  return { tables: touched.size, rows: total }
}

/** Identity columns were restored with explicit values: move their sequences past them. */
async function resetIdentitySequences(tx: Db) {
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    tx,
    sql`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'`,
  )
  for (const { table_name: table, column_name: column } of columns) {
    await tx.execute(
      sql`SELECT setval(pg_get_serial_sequence(${`public.${table}`}, ${column}), coalesce((SELECT max(${ident(column)}) FROM ${ident(table)}), 0) + 1, false)`,
    )
  }
}

function parseHeader(line: string): BackupHeader {
  try {
    return JSON.parse(line) as BackupHeader
  } catch {
    throw new RestoreRefused('not a Tuanyuan backup: the first line is not a backup header')
  }
}

async function insertRows(tx: Db, table: string, rows: Record<string, unknown>[]) {
  await tx.execute(
    sql`INSERT INTO ${ident(table)} SELECT * FROM json_populate_recordset(NULL::${ident(table)}, ${JSON.stringify(rows)}::json)`,
  )
}

async function checkHeader(tx: Db, header: BackupHeader, tables: TableInfo[]) {
  if (header.format !== 'tuanyuan-backup' || header.version !== 1) throw new RestoreRefused('not a Tuanyuan backup (version 1)')
  const migration = await currentMigration(tx)
  if (header.migration !== migration) {
    throw new RestoreRefused(
      `the backup was made at schema ${header.migration?.slice(0, 12)}, this database is at ${migration?.slice(0, 12)}: use the same Tuanyuan version`,
    )
  }
  for (const table of tables) {
    const [row] = await queryRows<{ any: boolean }>(tx, sql`SELECT EXISTS (SELECT 1 FROM ${ident(table.name)}) AS any`)
    if (row.any)
      throw new RestoreRefused(
        `the target database is not empty (table ${table.name} has rows): restore into a new data folder or database`,
      )
  }
}
