// Turns the scan's survivors into hits: decode the target's genotypes from the index, re-score the comparison
// with compare.ts (exact, locus order, per-locus detail) and keep it if it reaches the threshold. The scan only
// decides who is worth re-scoring; the LR reported is always compare.ts's.
import { scoreComparison } from './compare.ts'
import type { ScanResult } from './executor.ts'
import type { SearchIndex } from './profile-index.ts'
import { CHUNK_ROWS, PAIR_STORE } from './layout.ts'
import { PROFILE_KINDS, type Genotypes, type ProfileKind, type ScoreModel, type SearchMode } from './model.ts'
import type { PairTarget, PlannedJob, SubjectRole } from './jobs.ts'

export interface SearchHit {
  mode: SearchMode
  subjectRole: SubjectRole
  targetKind: ProfileKind
  /** Search number of the matched profile, or [mother, father] of a family pair (a child's trio). */
  targetKeys: number[]
  log10Lr: number
  /** LR per compared locus. */
  perLocus: Record<string, number>
  /** Duo and trio: loci inconsistent with Mendelian inheritance (scored through the mutation model). */
  inconsistentLoci: string[]
}

interface Target {
  kind: ProfileKind
  keys: number[]
  genotypes: Genotypes | PairTarget
}

function targetAt(index: SearchIndex, store: number, row: number): Target | null {
  if (store === PAIR_STORE) {
    const rows = index.pairs.rowsAt(row)
    if (!rows) return null
    const [m, f] = rows
    return {
      kind: 'reference',
      keys: [index.keyAt(0, m), index.keyAt(0, f)],
      genotypes: { mother: index.genotypesAt(0, m), father: index.genotypesAt(0, f) },
    }
  }
  const key = index.keyAt(store, row)
  return key === 0 ? null : { kind: PROFILE_KINDS[store], keys: [key], genotypes: index.genotypesAt(store, row) }
}

/** Hits per request, best first. */
export function collectHits(
  index: SearchIndex,
  model: ScoreModel,
  requests: number,
  planned: PlannedJob[],
  result: ScanResult,
): SearchHit[][] {
  const out: SearchHit[][] = Array.from({ length: requests }, () => [])
  const { hits, tasks } = result
  for (let i = 0; i < hits.job.length; i++) {
    const job = planned[hits.job[i]]
    const entry = job.entries[hits.field[i]]
    const t = hits.task[i]
    const target = targetAt(index, tasks[3 * t], tasks[3 * t + 1] * CHUNK_ROWS + hits.offset[i])
    if (!target || target.keys.some((key) => entry.exclude.includes(key))) continue
    const score = scoreComparison(model, index.loci, entry.compare(target.genotypes))
    if (score.log10Lr < entry.threshold) continue
    out[entry.request].push({ mode: entry.mode, subjectRole: entry.role, targetKind: target.kind, targetKeys: target.keys, ...score })
  }
  for (const list of out) list.sort((a, b) => b.log10Lr - a.log10Lr || a.mode.localeCompare(b.mode) || a.targetKeys[0] - b.targetKeys[0])
  return out
}
