// Turns one sample's markers into a profile by the shared rules (see rules.ts), collecting every problem.
import { markerKey } from '../catalogue/loci.ts'
import { toHaplotypeAlleles } from '../catalogue/ystr.ts'
import {
  classifyMarker,
  fingerprintOf,
  toAmelogenin,
  toGenotype,
  type AmelogeninCall,
  type BuildResult,
  type BuiltProfile,
  type ImportProblem,
  type MarkerEntry,
  type ProblemCode,
  type ProfileRules,
} from './rules.ts'

export interface SampleInput {
  sampleCode: string
  line: number | null
  entries: readonly MarkerEntry[]
}

interface Draft {
  sampleCode: string
  line: number | null
  genotypes: Record<string, string[]>
  yGenotypes: Record<string, string[]>
  amelogenin: AmelogeninCall | undefined
  triAllelic: string[]
  offLadder: string[]
  problems: ImportProblem[]
  parts: Set<string>
  hasConflict: boolean
}

function report(draft: Draft, at: { line: number | null; path?: string }, code: ProblemCode, reason: string, locus?: string): void {
  const severity = code === 'tri_allelic' || code === 'empty_row' ? 'warning' : 'error'
  draft.problems.push({
    line: at.line ?? draft.line,
    sample: draft.sampleCode,
    code,
    severity,
    reason,
    ...(locus === undefined ? {} : { locus }),
    ...(at.path === undefined ? {} : { path: at.path }),
  })
}

/** Stores a locus once; the same locus again must say the same thing, or the sample cannot be trusted. */
function storeOnce(draft: Draft, into: Record<string, string[]>, locus: string, alleles: string[], entry: MarkerEntry): boolean {
  const known = into[locus]
  if (known === undefined) {
    into[locus] = alleles
    return true
  }
  if (known.join(',') !== alleles.join(',')) {
    draft.hasConflict = true
    const reason = `${locus} is given twice with different alleles (${known.join(',')} and ${alleles.join(',')}): sample rejected`
    report(draft, entry, 'duplicate_sample_conflict', reason, locus)
  }
  return false
}

/** An autosomal call as read: the genotype (null when untyped) and its part of the sample's fingerprint. */
interface Resolved {
  genotype: Exclude<ReturnType<typeof toGenotype>, null> | null
  part: string
}

// A file holds a few thousand distinct (locus, alleles) pairs repeated a million times: parsing and sorting them
// once each takes most of the parser's time off. Keyed by number of cells, locus, first and second cell (nested
// maps rather than one joined key: no string to build per row, and no separator an allele could contain).
// Results are frozen, since profiles share their allele arrays.
type Cache = Map<string, Map<string, Map<string, Resolved>>>
const resolvedCaches: Cache[] = [new Map(), new Map(), new Map()]
const RESOLVED_CACHE_LIMIT = 65_536
let resolvedCount = 0

function resolveUncached(locus: string, alleles: readonly string[]): Resolved {
  const genotype = toGenotype(locus, alleles)
  if (genotype === null) return Object.freeze({ genotype, part: '' })
  if (!genotype.ok) return Object.freeze({ genotype, part: `${locus}=!${alleles.join(',')}` })
  Object.freeze(genotype.alleles)
  return Object.freeze({ genotype, part: `${locus}=${genotype.alleles.join(',')}` })
}

function resolve(locus: string, alleles: readonly string[]): Resolved {
  // One or two cells is the usual case; longer lists (a wide cell with three alleles) are not cached.
  if (alleles.length > 2) return resolveUncached(locus, alleles)
  const cache = resolvedCaches[alleles.length]
  const first = alleles.length > 0 ? alleles[0] : ''
  const second = alleles.length > 1 ? alleles[1] : ''
  const cached = cache.get(locus)?.get(first)?.get(second)
  if (cached !== undefined) return cached
  const resolved = resolveUncached(locus, alleles)
  if (resolvedCount >= RESOLVED_CACHE_LIMIT) return resolved
  let byLocus = cache.get(locus)
  if (byLocus === undefined) cache.set(locus, (byLocus = new Map()))
  let byFirst = byLocus.get(first)
  if (byFirst === undefined) byLocus.set(first, (byFirst = new Map()))
  byFirst.set(second, resolved)
  resolvedCount++
  return resolved
}

function addAutosomal(draft: Draft, locus: string, entry: MarkerEntry): void {
  const { genotype, part } = resolve(locus, entry.alleles)
  if (genotype === null) return // no call at this locus: untyped, not an error
  draft.parts.add(part)
  if (!genotype.ok) {
    report(draft, entry, 'malformed_allele', `${locus}: ${genotype.reason}; locus left out`, locus)
    return
  }
  if (!storeOnce(draft, draft.genotypes, locus, genotype.alleles, entry)) return
  if (genotype.alleles.length > 2) {
    draft.triAllelic.push(locus)
    report(
      draft,
      entry,
      'tri_allelic',
      `${locus} has ${genotype.alleles.length} alleles (${genotype.alleles.join(',')}): kept and flagged`,
      locus,
    )
  }
  if (genotype.offLadder) draft.offLadder.push(locus)
}

function addAmelogenin(draft: Draft, entry: MarkerEntry): void {
  const call = toAmelogenin(entry.alleles)
  if (call === null) return
  if (call === 'malformed') {
    draft.parts.add(`AMEL=!${entry.alleles.join(',')}`)
    report(draft, entry, 'malformed_allele', `amelogenin "${entry.alleles.join(',')}" is not X, XY or Y; left out`, 'AMEL')
    return
  }
  draft.parts.add(`AMEL=${call}`)
  if (draft.amelogenin === undefined) draft.amelogenin = call
  else if (draft.amelogenin !== call) {
    draft.hasConflict = true
    report(draft, entry, 'duplicate_sample_conflict', `amelogenin is given as ${draft.amelogenin} and ${call}: sample rejected`, 'AMEL')
  }
}

function addY(draft: Draft, locus: string, entry: MarkerEntry): void {
  const given = entry.alleles.filter((a) => a.trim() !== '')
  if (given.length === 0) return
  const haplotype = toHaplotypeAlleles(locus, given)
  if (!haplotype.ok) {
    draft.parts.add(`Y:${locus}=!${entry.alleles.join(',')}`)
    report(draft, entry, 'malformed_allele', `${locus}: ${haplotype.reason}; locus left out`, locus)
    return
  }
  draft.parts.add(`Y:${locus}=${haplotype.alleles.join(',')}`)
  storeOnce(draft, draft.yGenotypes, locus, haplotype.alleles, entry)
}

function addEntry(draft: Draft, entry: MarkerEntry): void {
  const marker = classifyMarker(entry.marker)
  if (marker.kind === 'autosomal') addAutosomal(draft, marker.locus, entry)
  else if (marker.kind === 'amelogenin') addAmelogenin(draft, entry)
  else if (marker.kind === 'y') addY(draft, marker.locus, entry)
  else if (marker.kind === 'unknown') {
    const name = entry.marker.trim()
    draft.parts.add(`?${markerKey(name)}=${entry.alleles.join(',')}`)
    const reason = name === '' ? 'no marker name; row left out' : `"${name}" is not a known locus; left out`
    report(draft, entry, 'unknown_locus', reason, name === '' ? undefined : name)
  }
}

function toProfile(draft: Draft, resampleNeeded: boolean): BuiltProfile {
  return {
    sampleCode: draft.sampleCode,
    line: draft.line,
    genotypes: draft.genotypes,
    ...(draft.amelogenin === undefined ? {} : { amelogenin: draft.amelogenin }),
    ...(Object.keys(draft.yGenotypes).length === 0 ? {} : { yGenotypes: draft.yGenotypes }),
    flags: { triAllelic: draft.triAllelic, offLadder: draft.offLadder, resampleNeeded },
  }
}

/**
 * Builds one sample's profile. Bad markers are left out and reported; the sample is rejected (profile null) when
 * a locus is given twice with different alleles or fewer than `rejectBelowLoci` autosomal loci remain, and
 * flagged "re-sample needed" below `resampleBelowLoci`. The sample code must already be valid (`sampleCodeProblem`).
 */
export function buildProfile(input: SampleInput, rules: ProfileRules): BuildResult {
  const draft: Draft = {
    sampleCode: input.sampleCode.trim(),
    line: input.line,
    genotypes: {},
    yGenotypes: {},
    amelogenin: undefined,
    triAllelic: [],
    offLadder: [],
    problems: [],
    parts: new Set(),
    hasConflict: false,
  }
  for (const entry of input.entries) addEntry(draft, entry)
  const fingerprint = fingerprintOf(draft.parts)
  if (draft.hasConflict) return { profile: null, problems: draft.problems, fingerprint }
  const count = Object.keys(draft.genotypes).length
  const here = { line: input.line }
  if (count < rules.rejectBelowLoci) {
    report(
      draft,
      here,
      'too_few_loci',
      `${count} autosomal loci typed, fewer than the minimum of ${rules.rejectBelowLoci}: sample rejected`,
    )
    return { profile: null, problems: draft.problems, fingerprint }
  }
  const resampleNeeded = count < rules.resampleBelowLoci
  if (resampleNeeded) {
    const reason = `${count} autosomal loci typed, fewer than ${rules.resampleBelowLoci}: kept and flagged "re-sample needed"`
    draft.problems.push({ line: input.line, sample: draft.sampleCode, code: 'too_few_loci', severity: 'warning', reason })
  }
  return { profile: toProfile(draft, resampleNeeded), problems: draft.problems, fingerprint }
}
