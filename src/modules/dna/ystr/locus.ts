// One Y-STR locus of one sample as a lab file gives it, judged with the reason a file report names.
import { parseAllele } from '../catalogue/allele.ts'
import { getYLocus, toHaplotypeAlleles } from '../catalogue/ystr.ts'

export type YLocusProblemCode = 'unknown_locus' | 'malformed_allele' | 'too_many_copies'

export type YLocusReading = { ok: true; locus: string; alleles: string[] } | { ok: false; code: YLocusProblemCode; reason: string }

/**
 * The canonical locus and stored alleles of one marker (`DYS385a/b` 16,13 → DYS385 13,16), or why not; null when
 * no allele was given (the locus is untyped). Alleles are checked one by one first, so that a bad designation is
 * reported as such and not as a copy-count problem.
 */
export function readYLocus(marker: string, rawAlleles: readonly string[]): YLocusReading | null {
  if (rawAlleles.length === 0) return null
  const info = getYLocus(marker)
  if (!info) return { ok: false, code: 'unknown_locus', reason: `"${marker}" is not a known Y-STR locus` }
  for (const raw of rawAlleles) {
    const parsed = parseAllele(raw, info.repeatUnit === undefined ? {} : { repeatUnit: info.repeatUnit })
    if (!parsed.ok) return { ok: false, code: 'malformed_allele', reason: `${info.name}: ${parsed.reason}` }
  }
  const result = toHaplotypeAlleles(info.name, rawAlleles)
  // Every designation is readable, so what is left to refuse is more alleles than the locus has copies.
  return result.ok ? result : { ok: false, code: 'too_many_copies', reason: result.reason }
}

/** A haplotype's loci in a fixed order, so that two equal haplotypes give the same text whatever their key order. */
export function haplotypeKey(haplotype: Record<string, readonly string[]>): string {
  return Object.keys(haplotype)
    .sort()
    .map((locus) => `${locus}=${haplotype[locus].join(',')}`)
    .join(';')
}
