// Whole-profile scoring of one comparison, locus by locus, straight from scores.ts. It is the brute-force
// reference the tests hold the engine to, and the engine re-scores every surviving candidate with it, so a
// hit's LR and per-locus detail never depend on table arithmetic or the pruning order.
import { KAPPA, toGenotype, type Genotypes, type ScoreModel, type SearchMode } from './model.ts'
import { duoLocusLr, identityLocusLr, isDuoConsistent, isTrioConsistent, kappaLocusLr, trioLocusLr } from './scores.ts'

/**
 * Roles are fixed so that a comparison scores the same whichever side ran the query: in duo the relative (or,
 * between candidate and general, the general profile) is the parent; in the pairwise modes `first` is the subject.
 */
export type Comparison =
  | { mode: 'duo'; child: Genotypes; parent: Genotypes }
  | { mode: 'trio'; child: Genotypes; mother: Genotypes; father: Genotypes }
  | { mode: 'full_siblings' | 'half_siblings' | 'identity'; first: Genotypes; second: Genotypes }

export interface ComparisonScore {
  log10Lr: number
  /** LR per locus compared (loci untyped on a side needed by the mode are left out: they contribute 1). */
  perLocus: Record<string, number>
  /** Duo and trio: loci that break Mendelian inheritance without mutation (GB/T 37223 counts these). */
  inconsistentLoci: string[]
}

interface LocusOutcome {
  lr: number
  isInconsistent: boolean
}

function scoreLocus(model: ScoreModel, locus: string, c: Comparison): LocusOutcome | null {
  if (c.mode === 'duo') {
    const child = toGenotype(c.child[locus])
    const parent = toGenotype(c.parent[locus])
    if (!child || !parent) return null
    return { lr: duoLocusLr(model, locus, child, parent), isInconsistent: !isDuoConsistent(child, parent) }
  }
  if (c.mode === 'trio') {
    const child = toGenotype(c.child[locus])
    const mother = toGenotype(c.mother[locus])
    const father = toGenotype(c.father[locus])
    if (!child || (!mother && !father)) return null
    return { lr: trioLocusLr(model, locus, child, mother, father), isInconsistent: !isTrioConsistent(child, mother, father) }
  }
  const first = toGenotype(c.first[locus])
  const second = toGenotype(c.second[locus])
  if (!first || !second) return null
  const lr = c.mode === 'identity' ? identityLocusLr(model, locus, first, second) : kappaLocusLr(model, locus, first, second, KAPPA[c.mode])
  return { lr, isInconsistent: false }
}

/** Scores a comparison over the given loci, summing log10 LRs in locus order. */
export function scoreComparison(model: ScoreModel, loci: readonly string[], comparison: Comparison): ComparisonScore {
  let log10Lr = 0
  const perLocus: Record<string, number> = {}
  const inconsistentLoci: string[] = []
  for (const locus of loci) {
    const outcome = scoreLocus(model, locus, comparison)
    if (!outcome) continue
    log10Lr += Math.log10(outcome.lr)
    perLocus[locus] = outcome.lr
    if (outcome.isInconsistent) inconsistentLoci.push(locus)
  }
  return { log10Lr, perLocus, inconsistentLoci }
}

/** Modes whose inconsistent loci are counted (the parentage modes). */
export const isParentageMode = (mode: SearchMode): mode is 'duo' | 'trio' => mode === 'duo' || mode === 'trio'
