// Turns a query's tables into a scan job: the order in which to visit loci and the branch-and-bound cut-offs.
// A candidate is dropped after locus k once its partial log10 LR plus the best the remaining loci could still
// add falls below the threshold, so pruning never loses a candidate that could reach it.
import { tableLength } from './layout.ts'
import type { LogTables, PairTrioTables } from './tables.ts'

/** A scan job as sent to the workers: plain typed arrays, one buffer of tables. */
export interface ScanJob {
  /**
   * `additive`: one or two modes (of one request or two) scored in one pass, each a sum of table lookups kept as a
   * fixed-point field of one Int32 (see packing below). `pairs`: a child against family pairs, a product.
   */
  type: 'additive' | 'pairs'
  /** Bit i set: scan store i (PROFILE_KINDS order; `pairs` jobs scan the pair store). */
  stores: number
  /** Modes packed (additive, 1–2); 1 for pairs. */
  fields: number
  /** Locus indices in scan order (loci no mode uses are absent: they contribute LR 1). */
  loci: Int32Array
  /** Start of each table in `data`: one per position for additive; ga then gb per position for pairs. */
  offsets: Int32Array
  /** Additive: packed fixed-point tables (Int32). Pairs: ga and gb tables (Float64). */
  data: Int32Array | Float64Array
  /** Pairs only: 1 / (2·p_a·p_b) per scan position. */
  scale: Float64Array
  /**
   * Additive: FIELDS bounds per position, in field units; a row survives position k if any field reaches its
   * bound. Pairs: one linear bound per position for the product.
   */
  bound: Float64Array
  /** Leading positions at which no row can fall below any bound: summed without a test. */
  dense: number
  /** Positions summed before the first test even if it could drop rows earlier: testing costs a pass. */
  firstTest: number
}

/**
 * Packing: each mode's per-locus log10 LR becomes q = ⌈(v − lo)·units⌉ with lo = that table's maximum − RANGE
 * decades (values below lo are raised to it; 12 decades below the best is an exclusion either way), and units
 * chosen so that the fields of all loci sum below 2¹⁵. Two fields, at 2⁰ and 2¹⁶, add exactly in one Int32:
 * one lookup scores two modes, and the survival test is a few integer operations without a branch. (A third
 * field in a Float64 was tried: unpacking doubles costs more than the lookup it saves.) Rounding up and raising
 * low values only ever raise a partial sum, and bounds are rounded down, so packing can keep an extra row
 * (re-scored and dropped later) but never lose one.
 */
export const FIELDS = 2
export const FIELD_SHIFT = 2 ** 16
const FIELD_CAPACITY = 2 ** 15 - 1
const RANGE = 12
/** A bound no field reaches (unused fields) or minus one every field reaches (no pruning yet). */
export const NEVER = 2 ** 20

/** Slack under the threshold for re-ordered float sums; every survivor is re-scored exactly afterwards. */
const TOLERANCE = 1e-9
/** log10 LR below which an entry only counts as "very low" when ranking loci (identity's −∞, mutations). */
const FLOOR = -10

interface LocusStats {
  locus: number
  max: number
  min: number
  /** Expected log10 LR of an unrelated candidate (Hardy–Weinberg over the table's genotypes). */
  mean: number
}

const described = new WeakMap<Float64Array, LocusStats>()

/** max, min and unrelated mean of one table (remembered: tables.ts reuses tables across queries). */
function describe(locus: number, table: Float64Array, weights: Float64Array): LocusStats {
  let stats = described.get(table)
  if (!stats || stats.locus !== locus) described.set(table, (stats = measure(locus, table, weights)))
  return stats
}

/** `weights` are the HW probabilities of each code. */
function measure(locus: number, table: Float64Array, weights: Float64Array): LocusStats {
  let max = 0 // code 0 (untyped) scores 0, and any candidate may be untyped
  let min = 0
  let mean = 0
  for (let code = 1; code < table.length; code++) {
    const v = table[code]
    if (v > max) max = v
    if (v < min) min = v
    mean += weights[code] * Math.max(v, FLOOR)
  }
  return { locus, max, min, mean }
}

/**
 * Visit first the loci where an unrelated candidate is expected to lose most against its best case (max −
 * mean): that consumes the slack Σmax − threshold fastest, so most rows are dropped after a few loci.
 */
function orderLoci(stats: LocusStats[]): LocusStats[] {
  return [...stats].sort((x, y) => y.max - y.mean - (x.max - x.mean) || x.locus - y.locus)
}

function bounds(ordered: LocusStats[], threshold: number, isPruned: boolean): { bound: Float64Array; dense: number } {
  const count = ordered.length
  const bound = new Float64Array(count).fill(Number.NEGATIVE_INFINITY)
  if (count > 0) bound[count - 1] = threshold - TOLERANCE
  if (!isPruned) return { bound, dense: count }
  let remaining = 0
  for (let k = count - 1; k >= 0; k--) {
    bound[k] = threshold - TOLERANCE - remaining
    remaining += ordered[k].max
  }
  let dense = 0
  let lowest = 0
  while (dense < count - 1 && lowest + ordered[dense].min >= bound[dense]) lowest += ordered[dense++].min
  return { bound, dense }
}

export interface PlanOptions {
  threshold: number
  stores: number
  /** False only to measure or test what pruning saves. */
  isPruned: boolean
  /** HW probability of each code per locus, from hwWeights(). */
  weights: Float64Array[]
}

export interface FusedMode {
  tables: LogTables
  threshold: number
}

/**
 * Builds one additive job scoring up to FIELDS modes (same target stores) in a shared locus order. The first
 * test comes after `firstTest` loci: a row lives while either mode can pass, so with two modes a test after
 * four loci keeps 60–80 % of the rows and costs a pass for little; six measured best (four for one mode).
 */
export function planFused(modes: readonly FusedMode[], options: Omit<PlanOptions, 'threshold'> & { firstTest?: number }): ScanJob {
  const stats = modes.map((m) => m.tables.map((t, l) => (t ? describe(l, t, options.weights[l]) : null)))
  const used = options.weights.map((_, l) => l).filter((l) => stats.some((s) => s[l]))
  const gain = (l: number) => stats.reduce((sum, s) => sum + (s[l] ? s[l].max - s[l].mean : 0), 0)
  const loci = Int32Array.from(used.sort((x, y) => gain(y) - gain(x) || x - y))
  const none = (l: number): LocusStats => ({ locus: l, max: 0, min: 0, mean: 0 })
  const bound = new Float64Array(loci.length * FIELDS).fill(NEVER)
  const units = Math.max(1, Math.floor(FIELD_CAPACITY / (Math.max(1, loci.length) * RANGE)))
  let dense = loci.length
  modes.forEach((mode, m) => {
    const ordered = Array.from(loci, (l) => stats[m][l] ?? none(l))
    const real = bounds(ordered, mode.threshold, options.isPruned)
    dense = Math.min(dense, real.dense)
    let floor = 0 // Σ lo over the positions so far: the field counts decades above it
    ordered.forEach((s, k) => {
      floor += mode.tables[s.locus] ? s.max - RANGE : 0
      bound[k * FIELDS + m] = Math.max(-NEVER, Math.min(NEVER, Math.floor((real.bound[k] - floor) * units)))
    })
  })
  const offsets = new Int32Array(loci.length)
  let size = 0
  loci.forEach((l, k) => {
    offsets[k] = size
    size += modes.find((m) => m.tables[l])!.tables[l]!.length
  })
  const data = new Int32Array(size)
  loci.forEach((l, k) => {
    modes.forEach((mode, m) => {
      const table = mode.tables[l]
      if (!table) return
      const lo = stats[m][l]!.max - RANGE
      const weight = FIELD_SHIFT ** m
      for (let code = 0; code < table.length; code++)
        data[offsets[k] + code] += Math.ceil((Math.max(table[code], lo) - lo) * units) * weight
    })
  })
  const firstTest = options.firstTest ?? 4
  return {
    type: 'additive',
    stores: options.stores,
    fields: modes.length,
    loci,
    offsets,
    data,
    scale: new Float64Array(0),
    bound,
    dense,
    firstTest,
  }
}

/**
 * Builds a child-against-family-pairs job. The per-locus bound is log10(2·max ga·max gb·scale), which no pair
 * can exceed; loci are ordered as the child's duo against one parent would order them.
 */
export function planPairs(t: PairTrioTables, options: PlanOptions): ScanJob {
  const stats: LocusStats[] = []
  t.ga.forEach((ga, l) => {
    const gb = t.gb[l]
    if (!ga || !gb) return
    // Ranking proxy: the duo LR against one parent, ½·(u(a) + u(b)) / √(p_a·p_b); √(2·scale) = 1/√(p_a·p_b).
    const duo = ga.map((_, code) => Math.log10(0.5 * (ga[code] + gb[code]) * Math.sqrt(2 * t.scale[l])))
    const s = describe(l, duo, options.weights[l])
    stats.push({ ...s, max: Math.log10(2 * Math.max(...ga) * Math.max(...gb) * t.scale[l]), min: Number.NEGATIVE_INFINITY })
  })
  const ordered = orderLoci(stats)
  const offsets = new Int32Array(ordered.length * 2)
  const data = new Float64Array(ordered.reduce((n, s) => n + 2 * t.ga[s.locus]!.length, 0))
  let at = 0
  ordered.forEach((s, k) => {
    for (const [i, table] of [t.ga[s.locus]!, t.gb[s.locus]!].entries()) {
      offsets[2 * k + i] = at
      data.set(table, at)
      at += table.length
    }
  })
  const logBounds = bounds(ordered, options.threshold, options.isPruned)
  const bound = logBounds.bound.map((b) => (b === Number.NEGATIVE_INFINITY ? 0 : 10 ** b))
  const scale = Float64Array.from(ordered, (s) => t.scale[s.locus])
  const loci = Int32Array.from(ordered, (s) => s.locus)
  return { type: 'pairs', stores: options.stores, fields: 1, loci, offsets, data, scale, bound, dense: 0, firstTest: 0 }
}

/** Hardy–Weinberg probability of every pair code of a locus, given the allele frequencies by code. */
export function hwWeights(freqs: Float64Array): Float64Array {
  const n = freqs.length - 1
  const w = new Float64Array(tableLength(n))
  let code = 1
  for (let b = 1; b <= n; b++) for (let a = 1; a <= b; a++) w[code++] = a === b ? freqs[a] * freqs[a] : 2 * freqs[a] * freqs[b]
  return w
}
