// The search API: a subject (one profile, or the mother and father of a family group) and modes in; every
// candidate above the mode's threshold out, best first, each re-scored exactly with per-locus detail. Each
// mode becomes a draft (a pair subject's duo: one per parent), drafts are packed two to a scan job (jobs.ts),
// and all jobs of a batch of requests share one pass over the index, chunk by chunk.
import { invalid } from '../../../platform/errors.ts'
import { inlineExecutor, type ScanExecutor } from './executor.ts'
import type { SearchIndex } from './profile-index.ts'
import { PAIR_STORE } from './layout.ts'
import { DEFAULT_THRESHOLDS, effectiveThreshold } from './thresholds.ts'
import { PROFILE_KINDS, type Genotypes, type ProfileKind, type ScoreModel, type SearchMode } from './model.ts'
import { hwWeights } from './plan.ts'
import { collectHits, type SearchHit } from './collect.ts'
import { draftRequest, packDrafts, type Draft, type ModePlan } from './jobs.ts'
import { resolveTargets } from './rules.ts'
import { alleleFrequency } from './scores.ts'

export type { SearchHit } from './collect.ts'
export type { SubjectRole } from './jobs.ts'

export type SearchSubject =
  | { kind: ProfileKind; profile: Genotypes; key?: number }
  /** Both parents of one family group (references); their keys keep them out of their own results. */
  | { kind: 'reference'; mother: Genotypes; father: Genotypes; keys?: readonly [number, number] }

export interface SearchRequest {
  subject: SearchSubject
  modes: readonly SearchMode[]
  /** Kinds to search; by default every kind the rules (rules.ts) allow for the subject and mode. */
  targets?: readonly ProfileKind[]
  /** log10 LR thresholds for this request, over the context's and the defaults. */
  thresholds?: Partial<Record<SearchMode, number>>
}

export interface SearchContext {
  index: SearchIndex
  model: ScoreModel
  /** Defaults to the calling thread; pass a WorkerPool (pool.ts) to use the worker threads. */
  executor?: ScanExecutor
  /** Floors per mode (log10 LR), over DEFAULT_THRESHOLDS; a request's own thresholds override both. */
  thresholds?: Partial<Record<SearchMode, number>>
  /** Decades below log10(targets) that a threshold is raised to (thresholds.ts); null turns the bound off. */
  sizeMargin?: number | null
  /** False only to measure or test what branch-and-bound saves. */
  isPruned?: boolean
}

/** Searches one subject. */
export async function search(ctx: SearchContext, request: SearchRequest): Promise<SearchHit[]> {
  return (await searchMany(ctx, [request]))[0]
}

/**
 * Searches many subjects (an import batch, a full re-run). Requests go in batches sharing one pass; the next
 * batch's tables are built while the workers scan the current one.
 */
export async function searchMany(ctx: SearchContext, requests: readonly SearchRequest[], batchSize = 64): Promise<SearchHit[][]> {
  const plans = requests.map((request) => modePlansOf(ctx, request)) // refuses bad requests before any work
  const executor = ctx.executor ?? inlineExecutor
  const weights = weightsOf(ctx)
  const results: SearchHit[][] = []
  let pending: Promise<SearchHit[][]> | null = null
  for (let start = 0; start < requests.length; start += batchSize) {
    const batch = requests.slice(start, start + batchSize)
    const drafts = batch.flatMap((request, i) => draftsOf(ctx, request, plans[start + i], i))
    const planned = packDrafts(drafts, { isPruned: ctx.isPruned !== false, weights })
    const jobs = planned.map((p) => p.job)
    const scanning = executor.scan(ctx.index, jobs).then((result) => collectHits(ctx.index, ctx.model, batch.length, planned, result))
    scanning.catch(() => {}) // awaited below; this only keeps a failure during the previous await from counting as unhandled
    if (pending) results.push(...(await pending))
    pending = scanning
  }
  if (pending) results.push(...(await pending))
  return results
}

const isPairSubject = (s: SearchSubject): s is Extract<SearchSubject, { mother: Genotypes }> => 'mother' in s

function targetsOf(request: SearchRequest, mode: SearchMode): ProfileKind[] {
  return resolveTargets(request.subject.kind, isPairSubject(request.subject), mode, request.targets)
}

/** A request's explicit threshold is used as given; otherwise the floor, raised by the database-size bound. */
function thresholdOf(ctx: SearchContext, request: SearchRequest, mode: SearchMode, targets: number): number {
  const explicit = request.thresholds?.[mode]
  const threshold = explicit ?? effectiveThreshold(ctx.thresholds?.[mode] ?? DEFAULT_THRESHOLDS[mode], targets, ctx.sizeMargin)
  // Removed rows read as all-untyped (log10 LR 0) and must never pass: thresholds are strictly positive.
  if (!(threshold > 0)) throw invalid('dna.search.bad_threshold', `the ${mode} threshold must be a log10 LR above 0, not ${threshold}`)
  return threshold
}

/** How many comparisons a mode makes: rows of the target kinds, or family pairs for a child's trio. */
function targetCount(index: SearchIndex, subject: SearchSubject, mode: SearchMode, targets: readonly ProfileKind[]): number {
  if (mode === 'trio' && !isPairSubject(subject)) return index.rowCount(PAIR_STORE)
  return targets.reduce((n, kind) => n + index.rowCount(PROFILE_KINDS.indexOf(kind)), 0)
}

function modePlansOf(ctx: SearchContext, request: SearchRequest): ModePlan[] {
  const plans: ModePlan[] = []
  for (const mode of new Set(request.modes)) {
    const targets = targetsOf(request, mode)
    if (targets.length > 0)
      plans.push({ mode, targets, threshold: thresholdOf(ctx, request, mode, targetCount(ctx.index, request.subject, mode, targets)) })
  }
  return plans
}

function draftsOf(ctx: SearchContext, request: SearchRequest, plans: ModePlan[], requestNo: number): Draft[] {
  const { subject } = request
  const exclude = isPairSubject(subject) ? [...(subject.keys ?? [])] : subject.key === undefined ? [] : [subject.key]
  return draftRequest(ctx.model, ctx.index, subject, plans, { request: requestNo, exclude })
}

const weightCache = new WeakMap<SearchIndex, { signature: string; model: ScoreModel; weights: Float64Array[] }>()

/** HW probabilities of every genotype code per locus, for ranking loci; rebuilt when an allele is added. */
function weightsOf(ctx: SearchContext): Float64Array[] {
  const { index, model } = ctx
  const signature = index.loci.map((_, l) => index.alleleLabels(l).length).join(',')
  const cached = weightCache.get(index)
  if (cached && cached.signature === signature && cached.model === model) return cached.weights
  const weights = index.loci.map((locus, l) => {
    const labels = index.alleleLabels(l)
    return hwWeights(Float64Array.from([0, ...labels.map((label) => alleleFrequency(model, locus, label))]))
  })
  weightCache.set(index, { signature, model, weights })
  return weights
}
