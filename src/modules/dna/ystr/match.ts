import { alleleSteps } from '../catalogue/allele.ts'
import { getYLocus } from '../catalogue/ystr.ts'

/** A Y-STR haplotype: canonical locus → alleles (one, or a sorted list for multi-copy loci). */
export type Haplotype = Record<string, string[]>

export interface LocusDifference {
  locus: string
  query: string[]
  candidate: string[]
  /** Repeat steps between the two, or null when they cannot be compared stepwise (e.g. a microvariant against an integer). */
  steps: number | null
}

export interface HaplotypeComparison {
  comparedLoci: number
  mismatches: LocusDifference[]
  /** Total steps over mismatching loci; a non-stepwise difference counts as `nonStepwisePenalty`. */
  totalSteps: number
}

const NON_STEPWISE_PENALTY = 2

/** Steps between two copies' lists: multi-copy lists are sorted, so position i pairs with position i. */
function locusSteps(locus: string, a: string[], b: string[]): number | null {
  if (a.length !== b.length) return null
  const unit = getYLocus(locus)?.repeatUnit ?? 4
  let total = 0
  for (let i = 0; i < a.length; i++) {
    const steps = alleleSteps(a[i], b[i], unit)
    if (steps === null || !Number.isInteger(steps)) return null
    total += Math.abs(steps)
  }
  return total
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/** Compares two haplotypes over the loci typed in both. */
export function compareHaplotypes(query: Haplotype, candidate: Haplotype): HaplotypeComparison {
  const mismatches: LocusDifference[] = []
  let comparedLoci = 0
  let totalSteps = 0
  for (const [locus, alleles] of Object.entries(query)) {
    const other = candidate[locus]
    if (!other) continue
    comparedLoci++
    if (same(alleles, other)) continue
    const steps = locusSteps(locus, alleles, other)
    mismatches.push({ locus, query: alleles, candidate: other, steps })
    totalSteps += steps ?? NON_STEPWISE_PENALTY
  }
  return { comparedLoci, mismatches, totalSteps }
}

export interface LineageCriteria {
  /** Most loci that may differ (default 2: father–son pairs differ at ~0–1 of 27 Yfiler Plus loci). */
  maxMismatches: number
  /** Most repeat steps in total over the differing loci. */
  maxSteps: number
  /** Fewest loci typed in both for the comparison to mean anything. */
  minComparedLoci: number
}

export const DEFAULT_LINEAGE_CRITERIA: LineageCriteria = { maxMismatches: 2, maxSteps: 3, minComparedLoci: 15 }

export function isLineageCandidate(comparison: HaplotypeComparison, criteria: LineageCriteria): boolean {
  return (
    comparison.comparedLoci >= criteria.minComparedLoci &&
    comparison.mismatches.length <= criteria.maxMismatches &&
    comparison.totalSteps <= criteria.maxSteps
  )
}

/** Best first: fewer differing loci, then fewer steps, then more loci compared. */
export function rankComparisons(a: HaplotypeComparison, b: HaplotypeComparison): number {
  return a.mismatches.length - b.mismatches.length || a.totalSteps - b.totalSteps || b.comparedLoci - a.comparedLoci
}

/** Shown with every result: a Y-STR match names a paternal lineage, never a person. */
export const LINEAGE_CAVEAT =
  'Y-STR haplotypes are shared by the men of a paternal lineage, often hundreds in a village or clan: a match points to a lineage to investigate (男性家族排查), not to a person or a specific relationship. Confirm with autosomal STR.'
