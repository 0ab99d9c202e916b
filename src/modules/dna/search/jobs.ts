// From requests to scan jobs. Each mode of a request (a pair subject's duo: one per parent) becomes a draft
// with its tables and threshold. Drafts of a batch that scan the same stores are packed two to a job (plan.ts),
// whichever request they come from, so two modes cost one lookup per locus; a child's trio against family
// pairs is a job of its own.
import type { Comparison } from './compare.ts'
import type { SearchIndex } from './profile-index.ts'
import { PAIR_STORE } from './layout.ts'
import { KAPPA, PROFILE_KINDS, type Genotypes, type ProfileKind, type ScoreModel, type SearchMode } from './model.ts'
import { FIELDS, planFused, planPairs, type ScanJob } from './plan.ts'
import {
  duoAsChildTables,
  duoAsParentTables,
  identityTables,
  kappaTables,
  pairTrioTables,
  trioTables,
  type LogTables,
  type PairTrioTables,
} from './tables.ts'

/** Which part of the subject matched: the profile itself, one parent of a pair, or both parents (trio). */
export type SubjectRole = 'self' | 'mother' | 'father' | 'parents'

export type PairTarget = { mother: Genotypes; father: Genotypes }

/** One mode of one request, as the hits are reported. */
export interface Entry {
  /** The request's place in its batch. */
  request: number
  /** Keys never reported (the subject's own rows). */
  exclude: number[]
  mode: SearchMode
  role: SubjectRole
  threshold: number
  /** The comparison of the subject with a target, in the fixed roles of compare.ts. */
  compare: (target: Genotypes | PairTarget) => Comparison
}

export interface Draft extends Entry {
  stores: number
  tables: LogTables | PairTrioTables
}

export interface PlannedJob {
  job: ScanJob
  /** The job's modes, by field. */
  entries: Entry[]
}

export type Subject = { kind: ProfileKind; profile: Genotypes } | { kind: 'reference'; mother: Genotypes; father: Genotypes }

export interface ModePlan {
  mode: SearchMode
  targets: readonly ProfileKind[]
  threshold: number
}

export const storeMask = (kinds: readonly ProfileKind[]) => kinds.reduce((mask, kind) => mask | (1 << PROFILE_KINDS.indexOf(kind)), 0)

/** The drafts of one mode: tables over the target's genotype codes and how to re-score a survivor. */
function draftMode(
  model: ScoreModel,
  index: SearchIndex,
  subject: Subject,
  plan: ModePlan,
  of: Pick<Entry, 'request' | 'exclude'>,
): Draft[] {
  const { mode, threshold } = plan
  const stores = storeMask(plan.targets)
  const draft = (role: SubjectRole, tables: LogTables | PairTrioTables, compare: Entry['compare'], at = stores): Draft => ({
    ...of,
    mode,
    role,
    threshold,
    compare,
    stores: at,
    tables,
  })
  if ('mother' in subject) {
    const { mother, father } = subject
    if (mode === 'trio')
      return [draft('parents', trioTables(model, index, mother, father), (t) => ({ mode, child: t as Genotypes, mother, father }))]
    return (['mother', 'father'] as const).map((role) => {
      const parent = subject[role]
      return draft(role, duoAsParentTables(model, index, parent), (t) => ({ mode: 'duo', child: t as Genotypes, parent }))
    })
  }
  const me = subject.profile
  // Only a candidate gets a single-profile trio (rules.ts): its parents are the family pairs of references.
  if (mode === 'trio')
    return [draft('self', pairTrioTables(model, index, me), (t) => ({ mode, child: me, ...(t as PairTarget) }), 1 << PAIR_STORE)]
  // A candidate is the child of a reference or of a general profile; anyone else's duo target is the child.
  if (mode === 'duo' && subject.kind === 'candidate')
    return [draft('self', duoAsChildTables(model, index, me), (t) => ({ mode, child: me, parent: t as Genotypes }))]
  if (mode === 'duo') return [draft('self', duoAsParentTables(model, index, me), (t) => ({ mode, child: t as Genotypes, parent: me }))]
  if (mode === 'identity') return [draft('self', identityTables(model, index, me), (t) => ({ mode, first: me, second: t as Genotypes }))]
  return [draft('self', kappaTables(model, index, me, KAPPA[mode]), (t) => ({ mode, first: me, second: t as Genotypes }))]
}

/** The drafts of one request, one per mode and subject role. */
export function draftRequest(
  model: ScoreModel,
  index: SearchIndex,
  subject: Subject,
  modes: readonly ModePlan[],
  of: Pick<Entry, 'request' | 'exclude'>,
): Draft[] {
  // A trio prunes fastest; drafting it first lets packDrafts pair it with a slow mode of the same request.
  const ordered = [...modes].sort((a, b) => SPEED[a.mode] - SPEED[b.mode])
  return ordered.flatMap((plan) => draftMode(model, index, subject, plan, of))
}

/** How soon a mode's scan drops unrelated rows, fastest first (measured: see README). */
const SPEED: Record<SearchMode, number> = { identity: 0, trio: 1, duo: 2, half_siblings: 3, full_siblings: 4 }

const isPairTables = (t: LogTables | PairTrioTables): t is PairTrioTables => !Array.isArray(t)
const toEntry = ({ request, exclude, mode, role, threshold, compare }: Draft): Entry => ({
  request,
  exclude,
  mode,
  role,
  threshold,
  compare,
})

/**
 * Packs a batch's drafts into scan jobs. Within a set of target stores the fastest-pruning draft goes with the
 * slowest: a row lives while either field can pass, so a fast partner adds little to the rows a slow one keeps.
 */
export function packDrafts(drafts: readonly Draft[], options: { isPruned: boolean; weights: Float64Array[] }): PlannedJob[] {
  const jobs: PlannedJob[] = []
  const { isPruned, weights } = options
  for (const d of drafts.filter((d) => isPairTables(d.tables)))
    jobs.push({
      job: planPairs(d.tables as PairTrioTables, { threshold: d.threshold, stores: d.stores, isPruned, weights }),
      entries: [toEntry(d)],
    })
  const additive = drafts.filter((d) => !isPairTables(d.tables))
  for (const stores of new Set(additive.map((d) => d.stores))) {
    const group = additive.filter((d) => d.stores === stores).sort((a, b) => SPEED[a.mode] - SPEED[b.mode])
    while (group.length > 0) {
      const packed = group.length >= FIELDS ? [group.shift()!, group.pop()!] : [group.pop()!]
      const job = planFused(
        packed.map((d) => ({ tables: d.tables as LogTables, threshold: d.threshold })),
        { stores, isPruned, weights, firstTest: packed.length === FIELDS ? 6 : 4 },
      )
      jobs.push({ job, entries: packed.map(toEntry) })
    }
  }
  return jobs
}
