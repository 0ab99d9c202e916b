// The rules a submitted profile must meet, whichever way it arrives (lab CSV or API JSON). Both paths turn their
// input into `MarkerEntry`s and call `buildProfile`, so a profile accepted by one is accepted by the other.
import { hash } from 'node:crypto'
import { getLocus, isAmelogenin, markerKey, normaliseLocus } from '../catalogue/loci.ts'
import { OFF_LADDER, parseAllele, sortAlleles } from '../catalogue/allele.ts'
import { normaliseYLocus } from '../catalogue/ystr.ts'

export const PROBLEM_CODES = [
  'unknown_locus',
  'malformed_allele',
  'tri_allelic',
  'duplicate_sample_conflict',
  'too_few_loci',
  'missing_sample_code',
  'empty_row',
  // Raised by the importer, not the parser: a relative's or volunteer's sample must be registered with consent first.
  'unregistered_reference',
] as const
export type ProblemCode = (typeof PROBLEM_CODES)[number]

export const AMELOGENIN_CALLS = ['X', 'XY', 'Y'] as const
export type AmelogeninCall = (typeof AMELOGENIN_CALLS)[number]

/**
 * One thing wrong with the input. `error`: data was left out (a row, a locus or the whole sample, as `reason`
 * says); `warning`: kept as given, and flagged.
 */
export interface ImportProblem {
  /** Line in the file (the header is line 1); null for JSON. */
  line: number | null
  sample: string | null
  code: ProblemCode
  severity: 'error' | 'warning'
  reason: string
  locus?: string
  /** JSON pointer into the submitted document, for the API path. */
  path?: string
}

export interface ProfileRules {
  /** Below this many autosomal loci the profile is kept but flagged "re-sample needed". */
  resampleBelowLoci: number
  /** Below this many it is rejected: too little to search with at all. */
  rejectBelowLoci: number
}

export const DEFAULT_PROFILE_RULES: ProfileRules = { resampleBelowLoci: 15, rejectBelowLoci: 6 }

export function resolveRules(partial: Partial<ProfileRules> = {}): ProfileRules {
  const rules = { ...DEFAULT_PROFILE_RULES, ...partial }
  const { resampleBelowLoci: resample, rejectBelowLoci: reject } = rules
  if (!Number.isInteger(reject) || !Number.isInteger(resample) || reject < 1 || reject > resample) {
    throw new RangeError(`need whole numbers 1 ≤ rejectBelowLoci (${reject}) ≤ resampleBelowLoci (${resample})`)
  }
  return rules
}

export const SAMPLE_CODE_MAX_LENGTH = 64

/**
 * Why a sample code cannot be used, or null. A code is a pseudonym (a barcode), never a name: it must be present,
 * short, and free of control characters. Reported as `missing_sample_code`.
 */
export function sampleCodeProblem(raw: string | undefined): string | null {
  const code = (raw ?? '').trim()
  if (code === '') return 'no sample code'
  if (code.length > SAMPLE_CODE_MAX_LENGTH) return `sample code longer than ${SAMPLE_CODE_MAX_LENGTH} characters`
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(code)) return 'sample code contains control characters'
  return null
}

/** One marker of one sample as submitted: a locus name in any spelling and its allele designations as text. */
export interface MarkerEntry {
  marker: string
  alleles: readonly string[]
  line: number | null
  path?: string
}

export interface ProfileFlags {
  triAllelic: string[]
  offLadder: string[]
  resampleNeeded: boolean
}

export interface BuiltProfile {
  sampleCode: string
  /** First line of the sample in the file; null for JSON. */
  line: number | null
  /** Autosomal loci by canonical name; alleles sorted, a homozygote written twice (`['12', '12']`). */
  genotypes: Record<string, string[]>
  amelogenin?: AmelogeninCall
  /** Y-STRs typed by an autosomal kit (GlobalFiler's DYS391), by canonical Y locus; multi-copy loci sorted. */
  yGenotypes?: Record<string, string[]>
  flags: ProfileFlags
}

export interface BuildResult {
  profile: BuiltProfile | null
  problems: ImportProblem[]
  /** Digest of the genotypes as read, to tell a repeated sample from a conflicting one without keeping it. */
  fingerprint: string
}

export type MarkerKind =
  { kind: 'autosomal'; locus: string } | { kind: 'amelogenin' } | { kind: 'y'; locus: string } | { kind: 'ignored' } | { kind: 'unknown' }

// Markers kits type that are neither STRs nor amelogenin: GlobalFiler's Y indel, quality sensors of Qiagen's
// Investigator kits and Promega's internal quality controls. Read and dropped without a problem.
const IGNORED_MARKERS = new Set(['YINDEL', 'QS1', 'QS2', 'IQCS', 'IQCL'])

// Lab files repeat the same two dozen marker spellings millions of times.
const markerCache = new Map<string, MarkerKind>()
const MARKER_CACHE_LIMIT = 4096

/** What a marker name means: an autosomal locus, amelogenin, a Y-STR, or nothing we know. */
export function classifyMarker(raw: string): MarkerKind {
  const cached = markerCache.get(raw)
  if (cached) return cached
  const locus = normaliseLocus(raw)
  const yLocus = locus === null ? normaliseYLocus(raw) : null
  const kind: MarkerKind =
    locus !== null
      ? { kind: 'autosomal', locus }
      : isAmelogenin(raw)
        ? { kind: 'amelogenin' }
        : yLocus !== null
          ? { kind: 'y', locus: yLocus }
          : IGNORED_MARKERS.has(markerKey(raw))
            ? { kind: 'ignored' }
            : { kind: 'unknown' }
  if (markerCache.size < MARKER_CACHE_LIMIT) markerCache.set(raw, kind)
  return kind
}

type Genotype = { ok: true; alleles: string[]; offLadder: boolean } | { ok: false; reason: string }

/**
 * Autosomal genotype from designations: one allele means a homozygote (`12` → 12,12), repeats collapse
 * (`12,12,13` → 12,13), and three or more distinct alleles are kept (tri-allelic). Two off-ladder peaks stay two:
 * their designations are unknown, so they cannot be assumed equal. Empty: untyped.
 */
export function toGenotype(locus: string, rawAlleles: readonly string[]): Genotype | null {
  const repeatUnit = getLocus(locus)?.repeatUnit
  const labels = new Set<string>()
  let offLadder = 0
  for (const raw of rawAlleles) {
    if (raw.trim() === '') continue // an empty "Allele 2" cell: the homozygote written once
    const parsed = parseAllele(raw, repeatUnit === undefined ? {} : { repeatUnit })
    if (!parsed.ok) return { ok: false, reason: parsed.reason }
    if (parsed.isOffLadder) offLadder += 1
    else labels.add(parsed.allele)
  }
  const alleles = [...sortAlleles([...labels]), ...Array<string>(offLadder).fill(OFF_LADDER)]
  if (alleles.length === 0) return null
  return { ok: true, alleles: alleles.length === 1 ? [alleles[0], alleles[0]] : alleles, offLadder: offLadder > 0 }
}

/** `X`, `X,Y`, `XY`, `Y,X`, `x` → the call; anything else is not an amelogenin result. */
export function toAmelogenin(rawAlleles: readonly string[]): AmelogeninCall | null | 'malformed' {
  const letters = rawAlleles
    .join('')
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s,/;]+/g, '')
  if (letters === '') return null
  if (!/^[XY]+$/.test(letters)) return 'malformed'
  const hasX = letters.includes('X')
  const hasY = letters.includes('Y')
  return hasX && hasY ? 'XY' : hasX ? 'X' : 'Y'
}

/** A stable digest of resolved markers, short enough to keep one per sample of a large file. */
export function fingerprintOf(parts: Iterable<string>): string {
  // The one-shot hash: a hasher object per sample was a tenth of the parser's time.
  return hash('sha1', [...parts].sort().join('\n'), 'base64').slice(0, 16)
}
