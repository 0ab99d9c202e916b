// Streaming reader of lab exports (see lab-csv-layout.ts for the shapes). It yields each sample as soon as the
// sample is complete and keeps, of the samples already emitted, only a 16-character fingerprint per sample code
// (to recognise a sample that comes back later), never their rows.
import { invalid } from '../../../platform/errors.ts'
import { buildProfile, type SampleInput } from './build-profile.ts'
import { readCsvRowBatches, type CsvRow, type CsvSource, type Delimiter } from './csv-rows.ts'
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

const problemEvent = (problem: ImportProblem): LabCsvEvent => ({ type: 'problem', problem })

// Wide-form cells: "12,13", "12/13", "12 13", "12;13". Long-form cells hold one allele each and are not split, so
// a decimal comma ("9,3" from a European spreadsheet) is reported as malformed instead of becoming alleles 9 and 3.
const splitAlleles = (cell: string | undefined): string[] => (cell ?? '').split(/[,/;\s]+/).filter((a) => a !== '')

const isBlankRow = (row: CsvRow): boolean => row.cells.every((cell) => cell.trim() === '')

/**
 * A reader of one layout: takes rows in batches and pushes the events they complete onto `out`. Plain functions
 * over arrays rather than a generator per row: a long-form file has a million rows.
 */
interface RowReader {
  read(rows: readonly CsvRow[], from: number, out: LabCsvEvent[]): void
  end(out: LabCsvEvent[]): void
}

/**
 * Judges what the file layer can judge alone (blank row, no usable sample code): the sample code, or null for
 * rows left out (reported) or passed over silently (ladders). Long-form files repeat a code on every row of its
 * sample, so the verdict on the last code seen is kept.
 */
function rowChecker(sampleColumn: number, skip: RegExp) {
  let lastRaw: string | undefined
  let lastCode: string | null = null
  return (row: CsvRow, out: LabCsvEvent[]): string | null => {
    const raw = row.cells[sampleColumn] ?? ''
    if (raw === lastRaw) return lastCode
    if (isBlankRow(row)) {
      out.push(problemEvent({ line: row.line, sample: null, code: 'empty_row', severity: 'warning', reason: 'empty row' }))
      return null
    }
    const reason = sampleCodeProblem(raw)
    if (reason !== null) {
      const sample = raw.trim() === '' ? null : raw.trim()
      out.push(problemEvent({ line: row.line, sample, code: 'missing_sample_code', severity: 'error', reason: `${reason}; row left out` }))
      return null
    }
    const code = raw.trim()
    lastRaw = raw
    lastCode = skip.test(code) ? null : code
    return lastCode
  }
}

type Finish = (input: SampleInput, out: LabCsvEvent[]) => void

/** Builds each finished sample once; a code seen before is dropped if identical and reported if not. */
function sampleFinisher(rules: ProfileRules): Finish {
  const seen = new Map<string, { line: number | null; fingerprint: string }>()
  return (input, out) => {
    const result = buildProfile(input, rules)
    const earlier = seen.get(input.sampleCode)
    if (earlier !== undefined) {
      if (earlier.fingerprint === result.fingerprint) return // the same sample exported twice: harmless
      out.push(
        problemEvent({
          line: input.line,
          sample: input.sampleCode,
          code: 'duplicate_sample_conflict',
          severity: 'error',
          reason: `sample already read at line ${earlier.line} appears again with different genotypes; this occurrence is left out`,
        }),
      )
      return
    }
    seen.set(input.sampleCode, { line: input.line, fingerprint: result.fingerprint })
    for (const problem of result.problems) out.push(problemEvent(problem))
    if (result.profile !== null) out.push({ type: 'sample', sample: result.profile })
  }
}

/** Long form: a sample's rows are contiguous, so a sample is complete when the sample code changes. */
function longReader(layout: LongLayout, finish: Finish, skip: RegExp): RowReader {
  const check = rowChecker(layout.sample, skip)
  let current: { sampleCode: string; line: number; entries: MarkerEntry[] } | null = null
  return {
    read(rows, from, out) {
      for (let i = from; i < rows.length; i++) {
        const row = rows[i]
        const code = check(row, out)
        if (code === null) continue
        if (current !== null && current.sampleCode !== code) {
          finish(current, out)
          current = null
        }
        current ??= { sampleCode: code, line: row.line, entries: [] }
        const alleles: string[] = []
        for (const column of layout.alleles) {
          const allele = (row.cells[column] ?? '').trim()
          if (allele !== '') alleles.push(allele)
        }
        current.entries.push({ marker: row.cells[layout.marker] ?? '', alleles, line: row.line })
      }
    },
    end(out) {
      if (current !== null) finish(current, out)
    },
  }
}

function wideReader(layout: WideLayout, finish: Finish, skip: RegExp, out: LabCsvEvent[]): RowReader {
  for (const { name } of layout.unknown) {
    const reason = `column "${name}" is not a known locus; ignored`
    out.push(problemEvent({ line: 1, sample: null, code: 'unknown_locus', severity: 'error', reason, locus: name }))
  }
  const check = rowChecker(layout.sample, skip)
  return {
    read(rows, from, out) {
      for (let i = from; i < rows.length; i++) {
        const row = rows[i]
        const code = check(row, out)
        if (code === null) continue
        const entries = layout.markers.map(({ marker, columns }) => ({
          marker,
          alleles: columns.flatMap((column) => splitAlleles(row.cells[column])),
          line: row.line,
        }))
        finish({ sampleCode: code, line: row.line, entries }, out)
      }
    },
    end() {},
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
  let reader: RowReader | null = null
  for await (const rows of readCsvRowBatches(source, delimiter)) {
    const out: LabCsvEvent[] = []
    let from = 0
    if (reader === null) {
      const layout = detectLayout(rows[0].cells)
      out.push({ type: 'layout', shape: layout.shape })
      reader = layout.shape === 'long' ? longReader(layout, finish, skipSample) : wideReader(layout, finish, skipSample, out)
      from = 1
    }
    reader.read(rows, from, out)
    yield* out
  }
  if (reader === null) throw invalid('dna.import.empty_file', 'the file is empty')
  const out: LabCsvEvent[] = []
  reader.end(out)
  yield* out
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
