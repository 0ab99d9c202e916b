// Allele frequency tables: parsed from CSV (`locus,allele,frequency`) or JSON (`{locus: {allele: p}}`), checked,
// and queried with a minimum frequency for alleles the table does not list.
import { parse } from 'csv-parse/sync'
import { parseAllele } from '../catalogue/allele.ts'
import { normaliseLocus } from '../catalogue/loci.ts'
import type { FrequencyTableMeta } from './meta.ts'

export type TableIssueCode =
  | 'malformed_table'
  | 'missing_column'
  | 'unknown_locus'
  | 'malformed_allele'
  | 'bad_frequency'
  | 'duplicate_allele'
  | 'sum_off'
  | 'disabled_locus_absent'

export interface TableIssue {
  code: TableIssueCode
  message: string
  /** CSV line (header = 1); null for JSON and for issues about a whole locus. */
  line: number | null
  locus?: string
  allele?: string
  /** For `sum_off`: the locus's sum. */
  sum?: number
}

export type MinimumBasis = 'metadata' | '5/2N' | 'fixed'

export interface FrequencyTable {
  meta: FrequencyTableMeta
  /** Canonical locus → canonical allele label → frequency in (0, 1]. */
  frequencies: Record<string, Record<string, number>>
  /** Loci that must not be used, with the reason; `frequencyOf` answers null for them. */
  disabledLoci: Record<string, string>
  minimumFrequency: number
  minimumBasis: MinimumBasis
  warnings: TableIssue[]
}

export type ParsedTable =
  { table: FrequencyTable; errors: []; warnings: TableIssue[] } | { table: null; errors: TableIssue[]; warnings: TableIssue[] }

export interface TableOptions {
  /** A locus whose frequencies sum further than this from 1 gets a `sum_off` warning. Default 0.005. */
  sumTolerance?: number
  /** Minimum frequency when neither the metadata nor the sample size gives one. Default 0.001. */
  fixedMinimum?: number
}

export const DEFAULT_SUM_TOLERANCE = 0.005

/**
 * Minimum frequency for tables of unknown size. 0.001 is what the Oslo "East Asia" database applies (norSTR);
 * it corresponds to 5/(2N) with N = 2 500, in the middle of the range SOURCE.md infers for chinese.csv. It is
 * larger than that table's rarest listed values (0.0001), which errs towards smaller likelihood ratios.
 */
export const DEFAULT_FIXED_MINIMUM = 0.001

/**
 * The frequency given to an allele the table does not list, never zero: the metadata's `minimumFrequency` if set,
 * else 5/(2N) for a table of N individuals (NRC II, 1996, recommendation for rare alleles), else `fixedMinimum`.
 */
export function minimumFrequencyFor(
  meta: FrequencyTableMeta,
  fixedMinimum = DEFAULT_FIXED_MINIMUM,
): { value: number; basis: MinimumBasis } {
  const result: { value: number; basis: MinimumBasis } =
    meta.minimumFrequency != null
      ? { value: meta.minimumFrequency, basis: 'metadata' }
      : meta.sampleSize != null
        ? { value: 5 / (2 * meta.sampleSize), basis: '5/2N' }
        : { value: fixedMinimum, basis: 'fixed' }
  assertProbability(result.value, 'minimum frequency')
  return result
}

function assertProbability(value: number, what: string): void {
  if (!(value > 0 && value <= 1)) throw new RangeError(`${what} must be in (0, 1], got ${value}`)
}

interface RawRow {
  locus: string
  allele: string
  frequency: string | number
  line: number | null
}

const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/

function readFrequency(raw: string | number): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null
  const text = raw.trim()
  return NUMBER.test(text) ? Number(text) : null
}

/** Reads rows into a table, reporting every problem at once rather than stopping at the first. */
function buildTable(rows: RawRow[], meta: FrequencyTableMeta, options: TableOptions): ParsedTable {
  const errors: TableIssue[] = []
  const warnings: TableIssue[] = []
  const frequencies: Record<string, Record<string, number>> = {}
  const unknown = new Set<string>()
  for (const row of rows) {
    const locus = normaliseLocus(row.locus)
    if (locus === null) {
      if (!unknown.has(row.locus))
        warnings.push({ code: 'unknown_locus', message: `locus "${row.locus}" is not in the catalogue; ignored`, line: row.line })
      unknown.add(row.locus)
      continue
    }
    const allele = parseAllele(row.allele)
    if (!allele.ok || allele.isOffLadder) {
      errors.push({ code: 'malformed_allele', message: allele.ok ? 'OL is not a designation' : allele.reason, line: row.line, locus })
      continue
    }
    const p = readFrequency(row.frequency)
    if (p === null || !(p > 0 && p <= 1)) {
      const message = `frequency "${row.frequency}" is not in (0, 1] (leave out alleles not observed: they get the minimum)`
      errors.push({ code: 'bad_frequency', message, line: row.line, locus, allele: allele.allele })
      continue
    }
    const alleles = (frequencies[locus] ??= {})
    if (Object.hasOwn(alleles, allele.allele)) {
      errors.push({
        code: 'duplicate_allele',
        message: `${locus} ${allele.allele} is listed twice`,
        line: row.line,
        locus,
        allele: allele.allele,
      })
      continue
    }
    alleles[allele.allele] = p
  }
  warnings.push(...checkSums(frequencies, options.sumTolerance ?? DEFAULT_SUM_TOLERANCE))
  const disabledLoci = resolveDisabled(meta, frequencies, errors, warnings)
  if (Object.keys(frequencies).length === 0) errors.push({ code: 'malformed_table', message: 'the table has no usable rows', line: null })
  if (errors.length > 0) return { table: null, errors, warnings }
  const minimum = minimumFrequencyFor(meta, options.fixedMinimum)
  const table = { meta, frequencies, disabledLoci, minimumFrequency: minimum.value, minimumBasis: minimum.basis, warnings }
  return { table, errors: [], warnings }
}

/** Sums off by more than the tolerance are warnings, not errors: rounding and unlisted rare alleles cause them. */
function checkSums(frequencies: Record<string, Record<string, number>>, tolerance: number): TableIssue[] {
  const issues: TableIssue[] = []
  for (const [locus, alleles] of Object.entries(frequencies)) {
    const sum = Object.values(alleles).reduce((a, b) => a + b, 0)
    if (Math.abs(sum - 1) > tolerance) {
      const rounded = Math.round(sum * 1e6) / 1e6
      issues.push({ code: 'sum_off', message: `${locus} sums to ${rounded}, not 1 ± ${tolerance}`, line: null, locus, sum: rounded })
    }
  }
  return issues
}

function resolveDisabled(
  meta: FrequencyTableMeta,
  frequencies: Record<string, Record<string, number>>,
  errors: TableIssue[],
  warnings: TableIssue[],
): Record<string, string> {
  const disabled: Record<string, string> = {}
  for (const { locus: raw, reason } of meta.disabledLoci) {
    const locus = normaliseLocus(raw)
    // A misspelt disabled locus would leave the bad locus in use: refuse the table.
    if (locus === null) errors.push({ code: 'unknown_locus', message: `disabled locus "${raw}" is not in the catalogue`, line: null })
    else {
      if (!Object.hasOwn(frequencies, locus))
        warnings.push({ code: 'disabled_locus_absent', message: `disabled locus ${locus} is not in the table`, line: null, locus })
      disabled[locus] = reason
    }
  }
  return disabled
}

/** Parses a `locus,allele,frequency` CSV (columns in any order, header required). */
export function parseFrequencyCsv(text: string | Buffer, meta: FrequencyTableMeta, options: TableOptions = {}): ParsedTable {
  let records: { record: string[]; info: { lines: number } }[]
  try {
    // With `info: true` each record comes as { record, info }; the library's types do not say so.
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records
  } catch (error) {
    return { table: null, errors: [{ code: 'malformed_table', message: (error as Error).message, line: null }], warnings: [] }
  }
  const header = (records[0]?.record ?? []).map((cell) => cell.toLowerCase())
  const [locus, allele, frequency] = ['locus', 'allele', 'frequency'].map((name) => header.indexOf(name))
  if (locus < 0 || allele < 0 || frequency < 0) {
    return {
      table: null,
      errors: [{ code: 'missing_column', message: 'the header must name locus, allele and frequency', line: 1 }],
      warnings: [],
    }
  }
  const rows = records.slice(1).map(({ record, info }) => ({
    locus: record[locus] ?? '',
    allele: record[allele] ?? '',
    frequency: record[frequency] ?? '',
    line: info.lines,
  }))
  return buildTable(rows, meta, options)
}

/** Parses `{ "vWA": { "14": 0.26, "9.3": 0.01 } }`; frequencies may be numbers or numeric strings. */
export function parseFrequencyJson(json: unknown, meta: FrequencyTableMeta, options: TableOptions = {}): ParsedTable {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  if (!isObject(json) || !Object.values(json).every(isObject)) {
    return {
      table: null,
      errors: [{ code: 'malformed_table', message: 'expected {locus: {allele: frequency}}', line: null }],
      warnings: [],
    }
  }
  const rows: RawRow[] = Object.entries(json).flatMap(([locus, alleles]) =>
    Object.entries(alleles as Record<string, unknown>).map(([allele, p]) => ({
      locus,
      allele,
      frequency: typeof p === 'number' || typeof p === 'string' ? p : String(p),
      line: null,
    })),
  )
  return buildTable(rows, meta, options)
}

/**
 * The frequency of an allele at a locus. Null when the table cannot answer for the locus (absent or disabled):
 * callers leave the locus out. An allele the table does not list gets the minimum frequency (`options.minimum`,
 * else the table's), never zero; so does `OL`, an allele of unknown designation and presumably rare.
 */
export function frequencyOf(table: FrequencyTable, locus: string, allele: string, options: { minimum?: number } = {}): number | null {
  const name = Object.hasOwn(table.frequencies, locus) ? locus : normaliseLocus(locus)
  if (name === null || Object.hasOwn(table.disabledLoci, name) || !Object.hasOwn(table.frequencies, name)) return null
  const alleles = table.frequencies[name]
  if (Object.hasOwn(alleles, allele)) return alleles[allele]
  const parsed = parseAllele(allele)
  if (!parsed.ok) throw new RangeError(`"${allele}" is not an allele: ${parsed.reason}`)
  if (Object.hasOwn(alleles, parsed.allele)) return alleles[parsed.allele]
  const minimum = options.minimum ?? table.minimumFrequency
  assertProbability(minimum, 'minimum frequency')
  return minimum
}

/** Loci the table can be used for: present and not disabled. */
export function usableLoci(table: FrequencyTable): string[] {
  return Object.keys(table.frequencies).filter((locus) => !Object.hasOwn(table.disabledLoci, locus))
}
