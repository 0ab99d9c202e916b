// Bulk writes with COPY, the fastest way into PostgreSQL: no statement per row, no parameter limit. Both drivers
// take COPY's text format: node-postgres as a COPY FROM STDIN stream (pg-copy-streams), PGlite as a blob read
// from its `/dev/blob` device (measured faster there too than one INSERT from json_populate_recordset). The only
// place that reaches below Drizzle to the driver of a transaction.
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Transaction } from '@electric-sql/pglite'
import { is } from 'drizzle-orm'
import { NodePgSession } from 'drizzle-orm/node-postgres'
import { PgliteSession } from 'drizzle-orm/pglite'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { Db } from './client.ts'

/** A column value: null, text, a number, a boolean, a timestamp, or anything else as JSON (json/jsonb columns). */
export type RowValue = string | number | boolean | Date | null | object

const SPECIAL = /[\\\n\r\t]/
const SPECIAL_ALL = /[\\\n\r\t]/g
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/** Text format: backslash escapes for backslash, tab and line ends; `\N` for null. */
const escapeText = (text: string): string => (SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : text)

/** Rows in COPY's text format, one line each. */
export function encodeCopyRows(rows: Iterable<readonly RowValue[]>): string {
  // Rows of a batch usually share one timestamp object: format it once.
  let lastTime = Number.NaN
  let lastIso = ''
  const encode = (value: RowValue): string => {
    if (value === null) return '\\N'
    if (typeof value === 'string') return escapeText(value)
    if (typeof value === 'number') return String(value)
    if (typeof value === 'boolean') return value ? 't' : 'f'
    if (value instanceof Date) {
      if (value.getTime() !== lastTime) [lastTime, lastIso] = [value.getTime(), value.toISOString()]
      return lastIso
    }
    return escapeText(JSON.stringify(value))
  }
  let text = ''
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) text += (i === 0 ? '' : '\t') + encode(row[i])
    text += '\n'
  }
  return text
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`

/**
 * Writes `rows` into `table` (values in `columns` order; other columns take their defaults) inside the
 * transaction `tx`. A failure (a constraint, a bad value) rejects and leaves the transaction to be rolled back.
 */
export async function copyRows(tx: Db, table: string, columns: readonly string[], rows: Iterable<readonly RowValue[]>): Promise<void> {
  const text = encodeCopyRows(rows)
  if (text === '') return
  const target = `${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')})`
  const session = tx._.session
  if (is(session, NodePgSession)) {
    const client = (session as unknown as { client: pg.ClientBase | pg.Pool }).client
    // A pool would run the COPY on whichever connection is free, outside the caller's transaction.
    if (client instanceof pg.Pool) throw new Error('copyRows needs a transaction')
    await pipeline(Readable.from([text]), client.query(copyFrom(`COPY ${target} FROM STDIN`)))
    return
  }
  if (is(session, PgliteSession)) {
    const client = (session as unknown as { client: Transaction }).client
    await client.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([text]) })
    return
  }
  throw new Error('copyRows: unknown database driver')
}
