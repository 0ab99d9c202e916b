import { asc, eq, sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { authorize } from '../../platform/auth/authorize.ts'
import { conflict, invalid, notFound } from '../../platform/errors.ts'
import { dnaFrequencyTable } from './tables.ts'
import { loadShippedTables, DEFAULT_TABLE_ID } from './frequencies/shipped.ts'
import { parseFrequencyCsv, parseFrequencyJson, type FrequencyTable, type TableIssue } from './frequencies/table.ts'
import type { FrequencyTableMeta } from './frequencies/meta.ts'
import { queueFullRerun } from './search-service.ts'

type Row = typeof dnaFrequencyTable.$inferSelect

export interface FrequencyTableSummary {
  name: string
  population: string
  sampleSize: number | null
  source: string
  licence: string
  loci: number
  disabledLoci: Record<string, string>
  minimumFrequency: number
  isDefault: boolean
}

const summarise = (row: Row): FrequencyTableSummary => ({
  name: row.name,
  population: row.population,
  sampleSize: row.sampleSize,
  source: row.source,
  licence: row.licence,
  loci: Object.keys(row.frequencies).length,
  disabledLoci: row.disabledLoci,
  minimumFrequency: row.minimumFrequency,
  isDefault: row.isDefault,
})

export function toFrequencyTable(row: Row): FrequencyTable {
  return {
    meta: row.meta as FrequencyTableMeta,
    frequencies: row.frequencies,
    disabledLoci: row.disabledLoci,
    minimumFrequency: row.minimumFrequency,
    minimumBasis: (row.meta.minimumBasis as FrequencyTable['minimumBasis']) ?? 'fixed',
    warnings: [],
  }
}

function rowValues(table: FrequencyTable, now: Date, isDefault: boolean) {
  return {
    name: table.meta.id,
    population: table.meta.population,
    sampleSize: table.meta.sampleSize,
    source: table.meta.source,
    licence: table.meta.licence,
    frequencies: table.frequencies,
    disabledLoci: table.disabledLoci,
    minimumFrequency: table.minimumFrequency,
    meta: { ...table.meta, minimumBasis: table.minimumBasis },
    isDefault,
    createdAt: now,
  }
}

/** Puts the shipped tables into an empty installation, the Chinese table as default. Idempotent. */
export async function installShippedFrequencyTables(db: Db, now: Date): Promise<number> {
  const present = new Set((await db.select({ name: dnaFrequencyTable.name }).from(dnaFrequencyTable)).map((r) => r.name))
  const missing = (await loadShippedTables()).filter((t) => !present.has(t.meta.id))
  if (missing.length === 0) return 0
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(dnaFrequencyTable)
    .where(eq(dnaFrequencyTable.isDefault, true))
  await db.insert(dnaFrequencyTable).values(missing.map((t) => rowValues(t, now, n === 0 && t.meta.id === DEFAULT_TABLE_ID)))
  return missing.length
}

/** The table searches use unless told otherwise. */
export async function getDefaultFrequencyTable(db: Db): Promise<FrequencyTable> {
  const [row] = await db.select().from(dnaFrequencyTable).where(eq(dnaFrequencyTable.isDefault, true))
  if (!row) throw notFound('dna.frequency_table.no_default', 'no default frequency table: run `tuanyuan migrate` or load one')
  return toFrequencyTable(row)
}

export async function getFrequencyTable(db: Db, name: string): Promise<FrequencyTable> {
  const [row] = await db.select().from(dnaFrequencyTable).where(eq(dnaFrequencyTable.name, name))
  if (!row) throw notFound('dna.frequency_table.not_found', `no frequency table "${name}"`)
  return toFrequencyTable(row)
}

export async function listFrequencyTables(ctx: Ctx): Promise<FrequencyTableSummary[]> {
  authorize(ctx.actor, 'unit.read')
  const rows = await ctx.db.select().from(dnaFrequencyTable).orderBy(asc(dnaFrequencyTable.name))
  return rows.map(summarise)
}

export interface FrequencyTableUpload {
  meta: FrequencyTableMeta
  format: 'csv' | 'json'
  content: string
}

/**
 * Loads an administrator's table (CSV or JSON) with its metadata. A table with errors is refused
 * with every error; warnings (sums off by rounding, unknown loci) are returned with the result.
 */
export async function loadFrequencyTable(
  ctx: Ctx,
  upload: FrequencyTableUpload,
): Promise<{ table: FrequencyTableSummary; warnings: TableIssue[] }> {
  authorize(ctx.actor, 'frequency_table.manage')
  const parsed =
    upload.format === 'csv' ? parseFrequencyCsv(upload.content, upload.meta) : parseFrequencyJson(safeJson(upload.content), upload.meta)
  if (parsed.table === null) {
    throw invalid(
      'dna.frequency_table.invalid',
      `the table has ${parsed.errors.length} error(s)`,
      parsed.errors.map((e) => ({ path: e.line ? `/content/line/${e.line}` : '/content', message: e.message })),
    )
  }
  const table = parsed.table
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dnaFrequencyTable)
      .values(rowValues(table, ctx.now(), false))
      .onConflictDoNothing({ target: dnaFrequencyTable.name })
      .returning()
    if (!row) throw conflict('dna.frequency_table.exists', `a table named "${table.meta.id}" exists; choose another id`)
    await ctx.audit(
      {
        action: 'dna.frequency_table.load',
        resource: { type: 'dna_frequency_table', id: row.id },
        details: { name: row.name, warnings: parsed.warnings.length },
      },
      tx,
    )
    return { table: summarise(row), warnings: parsed.warnings }
  })
}

function safeJson(content: string): unknown {
  try {
    return JSON.parse(content)
  } catch {
    throw invalid('dna.frequency_table.invalid', 'the content is not valid JSON', [{ path: '/content', message: 'not JSON' }])
  }
}

/** Makes `name` the database's default table and queues a full search re-run with it. */
export async function setDefaultFrequencyTable(ctx: Ctx, name: string): Promise<FrequencyTableSummary> {
  authorize(ctx.actor, 'frequency_table.manage')
  const summary = await ctx.db.transaction(async (tx) => {
    const [target] = await tx.select().from(dnaFrequencyTable).where(eq(dnaFrequencyTable.name, name))
    if (!target) throw notFound('dna.frequency_table.not_found', `no frequency table "${name}"`)
    await tx.update(dnaFrequencyTable).set({ isDefault: false }).where(eq(dnaFrequencyTable.isDefault, true))
    const [row] = await tx.update(dnaFrequencyTable).set({ isDefault: true }).where(eq(dnaFrequencyTable.name, name)).returning()
    await ctx.audit({ action: 'dna.frequency_table.default', resource: { type: 'dna_frequency_table', id: row.id }, details: { name } }, tx)
    return summarise(row)
  })
  // Every profile is searched again with the new table; hits found before stay.
  await queueFullRerun(ctx)
  return summary
}
