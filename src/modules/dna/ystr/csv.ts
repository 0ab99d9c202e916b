// Streaming reader of Y-STR lab exports. Long form (GeneMapper "Export Table": Sample Name, Marker, Allele 1,
// Allele 2, …) gives a multi-copy locus as two alleles on one row (DYS385 13, 16) or as one row per copy (DYS385a,
// DYS385b); wide form has a column per locus ("13,16" or "13/16" for two copies) or a column per copy. The header
// is read by the autosomal importer's layout detection; loci that are not Y-STRs (the autosomal loci of a combined
// export, amelogenin) are noted once and skipped.
import { invalid } from '../../../platform/errors.ts'
import { readCsvRowBatches, type CsvRow, type CsvSource, type Delimiter } from '../import/csv-rows.ts'
import { detectLayout, type LongLayout, type WideLayout } from '../import/lab-csv-layout.ts'
import { classifyMarker, fingerprintOf, sampleCodeProblem } from '../import/rules.ts'
import { readYLocus } from './locus.ts'
import type { Haplotype } from './match.ts'

export const YSTR_PROBLEM_CODES = [
  'unknown_locus',
  'malformed_allele',
  'too_many_copies',
  'empty_haplotype',
  'duplicate_sample_conflict',
  'missing_sample_code',
  'empty_row',
  'not_y_locus',
] as const
export type YstrProblemCode = (typeof YSTR_PROBLEM_CODES)[number]

/** One thing wrong with the file. Any `error` rejects the file; a `warning` is only reported. */
export interface YstrProblem {
  /** Line in the file, the header being line 1. */
  line: number
  sample: string | null
  code: YstrProblemCode
  severity: 'error' | 'warning'
  reason: string
  locus?: string
}

export interface ParsedHaplotype {
  sampleCode: string
  /** First line of the sample in the file. */
  line: number
  haplotype: Haplotype
}

export type YstrCsvEvent =
  { type: 'layout'; shape: 'long' | 'wide' } | { type: 'haplotype'; haplotype: ParsedHaplotype } | { type: 'problem'; problem: YstrProblem }

type Emit = Generator<YstrCsvEvent, void, undefined>

/** One marker of one sample, its name already resolved to a canonical Y locus. */
interface Entry {
  locus: string
  marker: string
  alleles: string[]
  line: number
}

interface SampleRows {
  sampleCode: string
  line: number
  entries: Entry[]
}

// GeneMapper exports carry the allelic ladder as a sample; it is no one's haplotype.
const LADDER = /^(?:allelic[\s_-]*)?ladder\b/i

// Wide-form cells: "13,16", "13/16", "13 16", "13;16". Long-form cells hold one allele each and are not split.
const splitAlleles = (cell: string | undefined): string[] => (cell ?? '').split(/[,/;\s]+/).filter((a) => a !== '')

const problem = (p: YstrProblem): YstrCsvEvent => ({ type: 'problem', problem: p })

/** The sample code of a row, or null for rows passed over (blank, ladder) or rejected (no usable code). */
function* checkRow(row: CsvRow, sampleColumn: number): Generator<YstrCsvEvent, string | null, undefined> {
  if (row.cells.every((cell) => cell.trim() === '')) {
    yield problem({ line: row.line, sample: null, code: 'empty_row', severity: 'warning', reason: 'empty row' })
    return null
  }
  const raw = row.cells[sampleColumn] ?? ''
  const reason = sampleCodeProblem(raw)
  if (reason !== null) {
    const sample = raw.trim() === '' ? null : raw.trim()
    yield problem({ line: row.line, sample, code: 'missing_sample_code', severity: 'error', reason: `${reason}; row left out` })
    return null
  }
  const code = raw.trim()
  return LADDER.test(code) ? null : code
}

/** Copies of one locus given on several rows or columns (DYS385a, DYS385b) are read together. */
function groupByLocus(entries: readonly Entry[]): Map<string, Entry> {
  const groups = new Map<string, Entry>()
  for (const entry of entries) {
    const group = groups.get(entry.locus)
    if (group) group.alleles.push(...entry.alleles)
    else groups.set(entry.locus, { ...entry, alleles: [...entry.alleles] })
  }
  return groups
}

function buildHaplotype({ sampleCode, entries }: SampleRows): { haplotype: Haplotype; problems: YstrProblem[]; fingerprint: string } {
  const haplotype: Haplotype = {}
  const problems: YstrProblem[] = []
  const read: string[] = []
  for (const group of groupByLocus(entries).values()) {
    const reading = readYLocus(group.marker, group.alleles)
    if (reading === null) continue
    read.push(`${group.locus}=${reading.ok ? reading.alleles.join(',') : group.alleles.join(',')}`)
    if (reading.ok) haplotype[reading.locus] = reading.alleles
    else
      problems.push({
        line: group.line,
        sample: sampleCode,
        code: reading.code,
        severity: 'error',
        reason: reading.reason,
        locus: group.locus,
      })
  }
  return { haplotype, problems, fingerprint: fingerprintOf(read) }
}

/**
 * Builds each finished sample once. A code seen before is dropped if its haplotype is the same and reported if not;
 * of samples already emitted only a short fingerprint is kept, never their rows.
 */
function sampleFinisher(): (sample: SampleRows) => Emit {
  const seen = new Map<string, { line: number; fingerprint: string }>()
  return function* finish(sample) {
    const { haplotype, problems, fingerprint } = buildHaplotype(sample)
    const earlier = seen.get(sample.sampleCode)
    if (earlier !== undefined) {
      if (earlier.fingerprint === fingerprint) return // the same sample exported twice: harmless
      const reason = `sample already read at line ${earlier.line} appears again with a different haplotype`
      yield problem({ line: sample.line, sample: sample.sampleCode, code: 'duplicate_sample_conflict', severity: 'error', reason })
      return
    }
    seen.set(sample.sampleCode, { line: sample.line, fingerprint })
    yield* problems.map(problem)
    if (problems.length > 0) return
    if (Object.keys(haplotype).length === 0) {
      const reason = 'no Y-STR locus typed'
      yield problem({ line: sample.line, sample: sample.sampleCode, code: 'empty_haplotype', severity: 'error', reason })
      return
    }
    yield { type: 'haplotype', haplotype: { sampleCode: sample.sampleCode, line: sample.line, haplotype } }
  }
}

/** Long-form marker names: a Y locus, or null for rows to leave out (each other marker is noted once per file). */
function markerTriage() {
  const noted = new Set<string>()
  return function* triage(marker: string, line: number, sample: string): Generator<YstrCsvEvent, string | null, undefined> {
    const kind = classifyMarker(marker)
    if (kind.kind === 'y') return kind.locus
    if (kind.kind === 'unknown') {
      const reason = marker === '' ? 'no marker name' : `"${marker}" is not a known Y-STR locus`
      yield problem({ line, sample, code: 'unknown_locus', severity: 'error', reason, locus: marker })
    } else if (!noted.has(marker)) {
      noted.add(marker)
      const reason = `"${marker}" is not a Y-STR locus; its rows are ignored`
      yield problem({ line, sample: null, code: 'not_y_locus', severity: 'warning', reason, locus: marker })
    }
    return null
  }
}

/** Long form: a sample's rows are contiguous, so a sample is complete when the sample code changes. */
async function* readLong(rows: AsyncIterable<CsvRow>, layout: LongLayout, finish: (sample: SampleRows) => Emit) {
  const triage = markerTriage()
  let current: SampleRows | null = null
  for await (const row of rows) {
    const code = yield* checkRow(row, layout.sample)
    if (code === null) continue
    if (current !== null && current.sampleCode !== code) {
      yield* finish(current)
      current = null
    }
    current ??= { sampleCode: code, line: row.line, entries: [] }
    const marker = (row.cells[layout.marker] ?? '').trim()
    const alleles = layout.alleles.map((column) => (row.cells[column] ?? '').trim()).filter((a) => a !== '')
    const locus = yield* triage(marker, row.line, code)
    if (locus !== null) current.entries.push({ locus, marker, alleles, line: row.line })
  }
  if (current !== null) yield* finish(current)
}

async function* readWide(rows: AsyncIterable<CsvRow>, layout: WideLayout, finish: (sample: SampleRows) => Emit) {
  for (const { name } of layout.unknown) {
    const reason = `column "${name}" is not a known Y-STR locus`
    yield problem({ line: 1, sample: null, code: 'unknown_locus', severity: 'error', reason, locus: name })
  }
  const groups: { marker: string; columns: number[]; locus: string }[] = []
  for (const { marker, columns } of layout.markers) {
    const kind = classifyMarker(marker)
    if (kind.kind === 'y') groups.push({ marker, columns, locus: kind.locus })
    else {
      const reason = `column "${marker}" is not a Y-STR locus; ignored`
      yield problem({ line: 1, sample: null, code: 'not_y_locus', severity: 'warning', reason, locus: marker })
    }
  }
  if (groups.length === 0) throw invalid('dna.ystr.no_y_loci', 'the header names no Y-STR locus: is this an autosomal export?')
  for await (const row of rows) {
    const code = yield* checkRow(row, layout.sample)
    if (code === null) continue
    const entries = groups.map(({ marker, locus, columns }) => ({
      locus,
      marker,
      alleles: columns.flatMap((column) => splitAlleles(row.cells[column])),
      line: row.line,
    }))
    yield* finish({ sampleCode: code, line: row.line, entries })
  }
}

/** Row by row: Y-STR files are a few thousand rows, too few for batching to matter, and samples span batches. */
async function* readRows(source: CsvSource, delimiter: Delimiter | undefined): AsyncGenerator<CsvRow, void, undefined> {
  for await (const batch of readCsvRowBatches(source, delimiter)) yield* batch
}

/**
 * Reads a Y-STR export as a stream of events: first the layout, then haplotypes and problems, a sample's problems
 * just before it would have come. A sample with any problem yields problems only. Throws a DomainError for a file
 * that cannot be read at all (empty, unknown header, broken quoting, no Y-STR column).
 */
export async function* parseYstrCsv(
  source: CsvSource,
  options: { delimiter?: Delimiter } = {},
): AsyncGenerator<YstrCsvEvent, void, undefined> {
  const rows = readRows(source, options.delimiter)
  try {
    const first = await rows.next()
    if (first.done) throw invalid('dna.import.empty_file', 'the file is empty')
    const layout = detectLayout(first.value.cells)
    yield { type: 'layout', shape: layout.shape }
    // `rows` resumes after the header: an async generator is its own iterator.
    if (layout.shape === 'long') yield* readLong(rows, layout, sampleFinisher())
    else yield* readWide(rows, layout, sampleFinisher())
  } finally {
    await rows.return(undefined)
  }
}

/** Reads a whole export into memory: for tests and small files only; imports iterate `parseYstrCsv`. */
export async function collectYstrCsv(source: CsvSource, options: { delimiter?: Delimiter } = {}) {
  const haplotypes: ParsedHaplotype[] = []
  const problems: YstrProblem[] = []
  let shape: 'long' | 'wide' | undefined
  for await (const event of parseYstrCsv(source, options)) {
    if (event.type === 'layout') shape = event.shape
    else if (event.type === 'haplotype') haplotypes.push(event.haplotype)
    else problems.push(event.problem)
  }
  return { shape, haplotypes, problems }
}
