// Streaming reader of lab exports (see lab-csv-layout.ts for the shapes). It yields each sample as soon as the
// sample is complete and keeps, of the samples already emitted, only a 16-character fingerprint per sample code
// (to recognise a sample that comes back later), never their rows.
import { invalid } from '../../../platform/errors.ts'
import { buildProfile, type SampleInput } from './build-profile.ts'
import { readCsvRows, type CsvRow, type CsvSource, type Delimiter } from './csv-rows.ts'
import { detectLayout, type LongLayout, type WideLayout } from './lab-csv-layout.ts'
import { resolveRules, sampleCodeProblem, type BuiltProfile, type ImportProblem, type MarkerEntry, type ProfileRules } from './rules.ts'

export interface LabCsvOptions extends Partial<ProfileRules> {
  /** Sniffed from the header line when not given. */
  delimiter?: Delimiter
  /** Sample codes skipped without a problem. Default: allelic ladders (GeneMapper exports include them). */
  skipSample?: RegExp
}

export const DEFAULT_SKIP_SAMPLE = /^(?:allelic[\s_-]*)?ladder\b/i

export type LabCsvEvent =
  { type: 'layout'; shape: 'long' | 'wide' } | { type: 'sample'; sample: BuiltProfile } | { type: 'problem'; problem: ImportProblem }

type Emit = Generator<LabCsvEvent, void, undefined>

const problemEvent = (problem: ImportProblem): LabCsvEvent => ({ type: 'problem', problem })

// Wide-form cells: "12,13", "12/13", "12 13", "12;13". Long-form cells hold one allele each and are not split, so
// a decimal comma ("9,3" from a European spreadsheet) is reported as malformed instead of becoming alleles 9 and 3.
const splitAlleles = (cell: string | undefined): string[] => (cell ?? '').split(/[,/;\s]+/).filter((a) => a !== '')

const isBlankRow = (row: CsvRow): boolean => row.cells.every((cell) => cell.trim() === '')

/**
 * Rejects rows the file layer can judge alone (blank, no usable sample code); returns the sample code otherwise,
 * or null for rows to pass over silently.
 */
function* checkRow(row: CsvRow, sampleColumn: number, skip: RegExp): Generator<LabCsvEvent, string | null, undefined> {
  if (isBlankRow(row)) {
    yield problemEvent({ line: row.line, sample: null, code: 'empty_row', severity: 'warning', reason: 'empty row' })
    return null
  }
  const raw = row.cells[sampleColumn] ?? ''
  const reason = sampleCodeProblem(raw)
  if (reason !== null) {
    const sample = raw.trim() === '' ? null : raw.trim()
    yield problemEvent({ line: row.line, sample, code: 'missing_sample_code', severity: 'error', reason: `${reason}; row left out` })
    return null
  }
  const code = raw.trim()
  return skip.test(code) ? null : code
}

/** Builds each finished sample once; a code seen before is dropped if identical and reported if not. */
function sampleFinisher(rules: ProfileRules): (input: SampleInput) => Emit {
  const seen = new Map<string, { line: number | null; fingerprint: string }>()
  return function* finish(input) {
    const result = buildProfile(input, rules)
    const earlier = seen.get(input.sampleCode)
    if (earlier !== undefined) {
      if (earlier.fingerprint === result.fingerprint) return // the same sample exported twice: harmless
      yield problemEvent({
        line: input.line,
        sample: input.sampleCode,
        code: 'duplicate_sample_conflict',
        severity: 'error',
        reason: `sample already read at line ${earlier.line} appears again with different genotypes; this occurrence is left out`,
      })
      return
    }
    seen.set(input.sampleCode, { line: input.line, fingerprint: result.fingerprint })
    yield* result.problems.map(problemEvent)
    if (result.profile !== null) yield { type: 'sample', sample: result.profile }
  }
}

/** Long form: a sample's rows are contiguous, so a sample is complete when the sample code changes. */
async function* readLong(rows: AsyncIterable<CsvRow>, layout: LongLayout, finish: (input: SampleInput) => Emit, skip: RegExp) {
  let current: { sampleCode: string; line: number; entries: MarkerEntry[] } | null = null
  for await (const row of rows) {
    const code = yield* checkRow(row, layout.sample, skip)
    if (code === null) continue
    if (current !== null && current.sampleCode !== code) {
      yield* finish(current)
      current = null
    }
    current ??= { sampleCode: code, line: row.line, entries: [] }
    const alleles = layout.alleles.map((column) => (row.cells[column] ?? '').trim()).filter((a) => a !== '')
    current.entries.push({ marker: row.cells[layout.marker] ?? '', alleles, line: row.line })
  }
  if (current !== null) yield* finish(current)
}

async function* readWide(rows: AsyncIterable<CsvRow>, layout: WideLayout, finish: (input: SampleInput) => Emit, skip: RegExp) {
  for (const { name } of layout.unknown) {
    const reason = `column "${name}" is not a known locus; ignored`
    yield problemEvent({ line: 1, sample: null, code: 'unknown_locus', severity: 'error', reason, locus: name })
  }
  for await (const row of rows) {
    const code = yield* checkRow(row, layout.sample, skip)
    if (code === null) continue
    const entries = layout.markers.map(({ marker, columns }) => ({
      marker,
      alleles: columns.flatMap((column) => splitAlleles(row.cells[column])),
      line: row.line,
    }))
    yield* finish({ sampleCode: code, line: row.line, entries })
  }
}

/**
 * Reads a lab export (GeneMapper/GeneMarker long form or a wide table) as a stream of events: first the layout,
 * then samples and problems. Row-level problems (blank row, no sample code) come as their row is read; a
 * sample's own problems come just before it, once it is complete; a rejected sample yields problems only.
 * Throws `dna.import.*` DomainErrors for files that cannot be read at all (no header, unknown header, broken
 * quoting), so a caller importing all-or-nothing can abandon the file.
 */
export async function* parseLabCsv(source: CsvSource, options: LabCsvOptions = {}): AsyncGenerator<LabCsvEvent, void, undefined> {
  const { delimiter, skipSample = DEFAULT_SKIP_SAMPLE, ...ruleOptions } = options
  const finish = sampleFinisher(resolveRules(ruleOptions))
  const rows = readCsvRows(source, delimiter)
  try {
    const first = await rows.next()
    if (first.done) throw invalid('dna.import.empty_file', 'the file is empty')
    const layout = detectLayout(first.value.cells)
    yield { type: 'layout', shape: layout.shape }
    // `rows` resumes after the header: an async generator is its own iterator.
    if (layout.shape === 'long') yield* readLong(rows, layout, finish, skipSample)
    else yield* readWide(rows, layout, finish, skipSample)
  } finally {
    await rows.return(undefined)
  }
}

/** Reads a whole export into memory: for tests and small files only; imports iterate `parseLabCsv`. */
export async function collectLabCsv(source: CsvSource, options: LabCsvOptions = {}) {
  const samples: BuiltProfile[] = []
  const problems: ImportProblem[] = []
  let shape: 'long' | 'wide' | undefined
  for await (const event of parseLabCsv(source, options)) {
    if (event.type === 'layout') shape = event.shape
    else if (event.type === 'sample') samples.push(event.sample)
    else problems.push(event.problem)
  }
  return { shape, samples, problems }
}
