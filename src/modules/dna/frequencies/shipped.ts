// The frequency tables shipped in ./data, each a CSV with a `<id>.meta.json` beside it (see data/SOURCE.md for
// provenance and data/LICENCE-NOTES.md for licences).
import { readdir, readFile } from 'node:fs/promises'
import { Value } from 'typebox/value'
import { FrequencyTableMeta } from './meta.ts'
import { parseFrequencyCsv, type FrequencyTable, type TableOptions } from './table.ts'

export const SHIPPED_DATA_DIR = new URL('./data/', import.meta.url)

/** The table used when a database has not chosen one (issue 4: chinese.csv is the default). */
export const DEFAULT_TABLE_ID = 'chinese'

async function loadShippedTable(metaFile: string, options: TableOptions): Promise<FrequencyTable> {
  const meta: unknown = JSON.parse(await readFile(new URL(metaFile, SHIPPED_DATA_DIR), 'utf8'))
  if (!Value.Check(FrequencyTableMeta, meta)) {
    const first = [...Value.Errors(FrequencyTableMeta, meta)][0]
    throw new Error(`${metaFile}: ${first?.instancePath ?? ''} ${first?.message ?? 'invalid metadata'}`)
  }
  if (meta.file === undefined) throw new Error(`${metaFile}: no "file"`)
  const parsed = parseFrequencyCsv(await readFile(new URL(meta.file, SHIPPED_DATA_DIR)), meta, options)
  if (parsed.table === null) {
    throw new Error(`${meta.file}: ${parsed.errors.map((e) => `line ${e.line ?? '-'}: ${e.message}`).join('; ')}`)
  }
  return parsed.table
}

/**
 * Reads every shipped table with its metadata (population, N, source, licence, disabled loci), the default
 * table first. Throws if a shipped file does not parse: that is a packaging error, not user input.
 */
export async function loadShippedTables(options: TableOptions = {}): Promise<FrequencyTable[]> {
  const metaFiles = (await readdir(SHIPPED_DATA_DIR)).filter((name) => name.endsWith('.meta.json')).sort()
  const tables = await Promise.all(metaFiles.map((file) => loadShippedTable(file, options)))
  return tables.sort((a, b) => Number(b.meta.id === DEFAULT_TABLE_ID) - Number(a.meta.id === DEFAULT_TABLE_ID))
}
