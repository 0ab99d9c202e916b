// Per-query lookup tables: for each locus, log10 LR of the subject against every genotype code the index can
// hold there. The scan only uses them to decide which rows to re-score (collect.ts scores every survivor with
// scores.ts), so an entry may be an upper bound: a log of a sum is taken as max + log10(1 + 10^−d) from a small
// table read at the step below d, which is never less than the true value and at most 0.003 decades above it.
// That costs one Math.log10 per allele instead of one per genotype code, and as a table depends only on the
// subject's genotype at the locus, tables are remembered per locus and genotype. Formulas are scores.ts's,
// arranged per allele (notation there). A locus the subject (for a trio: both parents) lacks gets null.
import { tableLength } from './layout.ts'
import type { SearchIndex } from './profile-index.ts'
import { toGenotype, type Genotype, type Genotypes, type ScoreModel } from './model.ts'
import { alleleFrequency, transmission } from './scores.ts'

export type LogTables = (Float64Array | null)[]

interface LocusContext {
  locus: string
  labels: readonly string[]
  /** Allele frequency by code (index 0 unused). */
  freqs: Float64Array
  /** T(label → allele code) and T(allele code → label) vectors, made once per label. */
  from: Map<string, Float64Array>
  to: Map<string, Float64Array>
  /**
   * Tables and vectors by kind and genotype: a locus has at most a few hundred genotypes and most queries share
   * them, so after warm-up a duo or sibling query builds no table at all. Never mutated once made.
   */
  memo: Map<string, Float64Array>
  memoBytes: number
}

const contexts = new WeakMap<ScoreModel, WeakMap<SearchIndex, LocusContext[]>>()

/** The locus's frequencies and transmission vectors for this model, rebuilt when the locus gains an allele. */
function locusContext(model: ScoreModel, index: SearchIndex, l: number): LocusContext {
  let byIndex = contexts.get(model)
  if (!byIndex) contexts.set(model, (byIndex = new WeakMap()))
  let cached = byIndex.get(index)
  if (!cached) byIndex.set(index, (cached = []))
  const labels = index.alleleLabels(l)
  if (cached[l]?.freqs.length === labels.length + 1) return cached[l]
  const locus = index.loci[l]
  const freqs = Float64Array.from([0, ...labels.map((label) => alleleFrequency(model, locus, label))])
  return (cached[l] = { locus, labels, freqs, from: new Map(), to: new Map(), memo: new Map(), memoBytes: 0 })
}

function transmissionVector(model: ScoreModel, ctx: LocusContext, label: string, isFrom: boolean): Float64Array {
  const cache = isFrom ? ctx.from : ctx.to
  let v = cache.get(label)
  if (!v) {
    const t = (a: string) => (isFrom ? transmission(model, ctx.locus, label, a) : transmission(model, ctx.locus, a, label))
    cache.set(label, (v = Float64Array.from([0, ...ctx.labels.map(t)])))
  }
  return v
}

/** Memo bytes per locus: 23 loci stay under 100 MB even if every genotype is queried in every mode. */
const MEMO_BYTES = 4 * 1024 * 1024

/** A table or vector from the locus memo, built on first use (once the memo is full, built every time). */
function remember(ctx: LocusContext, key: string, build: () => Float64Array): Float64Array {
  let value = ctx.memo.get(key)
  if (!value) {
    value = build()
    if (ctx.memoBytes + value.byteLength <= MEMO_BYTES) {
      ctx.memo.set(key, value)
      ctx.memoBytes += value.byteLength
    }
  }
  return value
}

/** log10(u_g(a) / p_a) for every allele code a, u_g(a) = ½·[T(x→a) + T(y→a)]; all 0 for an untyped parent. */
function parentLogWeights(model: ScoreModel, ctx: LocusContext, parent: Genotype | null): Float64Array {
  if (!parent) return new Float64Array(ctx.freqs.length)
  return remember(ctx, `w|${parent[0]}|${parent[1]}`, () => {
    const x = transmissionVector(model, ctx, parent[0], true)
    const y = transmissionVector(model, ctx, parent[1], true)
    const lw = new Float64Array(x.length)
    for (let a = 1; a < x.length; a++) lw[a] = Math.log10((0.5 * (x[a] + y[a])) / ctx.freqs[a])
    return lw
  })
}

const STEPS_PER_DECADE = 64
const LAST_STEP = 8 * STEPS_PER_DECADE
/** log10(1 + 10^−d) at d = i / 64, for i up to 8 decades (beyond, the term is below 5·10⁻⁹). */
const LOG_ONE_PLUS = Float64Array.from({ length: LAST_STEP + 1 }, (_, i) => Math.log10(1 + 10 ** (-i / STEPS_PER_DECADE)))

/** An upper bound of log10(10^x + 10^y): the correction term is decreasing in |x − y|, read at the step below. */
function logSum(x: number, y: number): number {
  const high = x > y ? x : y
  if (high === Number.NEGATIVE_INFINITY) return high
  const steps = (high - (x > y ? y : x)) * STEPS_PER_DECADE
  return high + LOG_ONE_PLUS[steps < LAST_STEP ? Math.floor(steps) : LAST_STEP]
}

const LOG2 = Math.log10(2)

/**
 * A table over every pair code (a ≤ b by code; codes run b(b−1)/2 + a) from per-allele logs: heterozygotes
 * take `het(a, b)`, homozygotes `hom(a)`; code 0 (untyped) scores 0.
 */
function pairTable(n: number, het: (a: number, b: number) => number, hom: (a: number) => number): Float64Array {
  const table = new Float64Array(tableLength(n))
  let code = 1
  for (let b = 1; b <= n; b++) {
    for (let a = 1; a < b; a++) table[code++] = het(a, b)
    table[code++] = hom(b)
  }
  return table
}

/** log10 of (10^v_a + 10^v_b)·10^−shift over pair codes (homozygotes: 2·10^v_a·10^−shift): a sum over the two alleles. */
function sumTable(v: Float64Array, shift: number): Float64Array {
  const n = v.length - 1
  const table = new Float64Array(tableLength(n))
  let code = 1
  for (let b = 1; b <= n; b++) {
    for (let a = 1; a < b; a++) table[code++] = logSum(v[a], v[b]) - shift
    table[code++] = v[b] + LOG2 - shift
  }
  return table
}

/** log10 of ½·(10^(x_a + y_b) + 10^(x_b + y_a)) over pair codes (homozygotes: 10^(x_a + y_a)): the trio's form. */
function crossTable(x: Float64Array, y: Float64Array): Float64Array {
  const n = x.length - 1
  const table = new Float64Array(tableLength(n))
  let code = 1
  for (let b = 1; b <= n; b++) {
    for (let a = 1; a < b; a++) table[code++] = logSum(x[a] + y[b], x[b] + y[a]) - LOG2
    table[code++] = x[b] + y[b]
  }
  return table
}

function eachLocus(model: ScoreModel, index: SearchIndex, build: (ctx: LocusContext) => Float64Array | null): LogTables {
  return index.loci.map((_, l) => build(locusContext(model, index, l)))
}

/** Duo with the subject as the parent, over the candidate child: ½·(w_a + w_b), w_a = u_g(a) / p_a. */
export function duoAsParentTables(model: ScoreModel, index: SearchIndex, parent: Genotypes): LogTables {
  return eachLocus(model, index, (ctx) => {
    const g = toGenotype(parent[ctx.locus])
    if (!g) return null
    return remember(ctx, `duo-parent|${g[0]}|${g[1]}`, () => sumTable(parentLogWeights(model, ctx, g), LOG2))
  })
}

/**
 * Duo with the subject as the child (a, b), over the candidate parent g = (x, y): u_g(a)/p_a with
 * u_g(a) = ½·(T(x→a) + T(y→a)), so the LR is ½·(s_x + s_y) with s_x = T(x→a)/p_a for a homozygous child and
 * ¼·(s_x + s_y) with s_x = T(x→a)/p_a + T(x→b)/p_b for a heterozygous one. An untyped parent gives 1 (code 0).
 */
export function duoAsChildTables(model: ScoreModel, index: SearchIndex, child: Genotypes): LogTables {
  return eachLocus(model, index, (ctx) => {
    const c = toGenotype(child[ctx.locus])
    if (!c) return null
    return remember(ctx, `duo-child|${c[0]}|${c[1]}`, () => duoAsChildTable(model, ctx, c))
  })
}

function duoAsChildTable(model: ScoreModel, ctx: LocusContext, c: Genotype): Float64Array {
  const ta = transmissionVector(model, ctx, c[0], false)
  const tb = transmissionVector(model, ctx, c[1], false)
  const pa = alleleFrequency(model, ctx.locus, c[0])
  const pb = alleleFrequency(model, ctx.locus, c[1])
  const isHomozygote = c[0] === c[1]
  const ls = new Float64Array(ta.length)
  for (let x = 1; x < ta.length; x++) ls[x] = Math.log10(isHomozygote ? ta[x] / pa : ta[x] / pa + tb[x] / pb)
  return sumTable(ls, isHomozygote ? LOG2 : 2 * LOG2)
}

/**
 * Trio with the subject's two parents, over the candidate child: with α_a = u_m(a)/p_a and φ_a = u_f(a)/p_a the
 * LR is ½·(α_a·φ_b + α_b·φ_a) for a heterozygote and α_a·φ_a for a homozygote.
 */
export function trioTables(model: ScoreModel, index: SearchIndex, mother: Genotypes, father: Genotypes): LogTables {
  return eachLocus(model, index, (ctx) => {
    const m = toGenotype(mother[ctx.locus])
    const f = toGenotype(father[ctx.locus])
    if (!m && !f) return null
    return crossTable(parentLogWeights(model, ctx, m), parentLogWeights(model, ctx, f))
  })
}

/**
 * κ0 + κ1·PI + κ2·[same]/P(g2) of the subject g1 against the candidate g2. PI is mutation-free, so a genotype
 * sharing no allele with g1 scores exactly κ0; only the 2n codes holding one of g1's alleles need a log.
 */
export function kappaTables(
  model: ScoreModel,
  index: SearchIndex,
  subject: Genotypes,
  kappa: readonly [number, number, number],
): LogTables {
  return eachLocus(model, index, (ctx) => {
    const g = toGenotype(subject[ctx.locus])
    if (!g) return null
    return remember(ctx, `kappa|${kappa.join(',')}|${g[0]}|${g[1]}`, () => kappaTable(ctx, g, kappa))
  })
}

function kappaTable(ctx: LocusContext, g: Genotype, kappa: readonly [number, number, number]): Float64Array {
  const p = ctx.freqs
  const pass = Float64Array.from(p, (_, a) =>
    a === 0 ? 0 : 0.5 * ((g[0] === ctx.labels[a - 1] ? 1 : 0) + (g[1] === ctx.labels[a - 1] ? 1 : 0)),
  )
  const floor = Math.log10(kappa[0])
  const lr = (a: number, b: number) => {
    if (pass[a] === 0 && pass[b] === 0) return floor
    const sharing = a === b ? pass[a] / p[a] : 0.5 * (pass[a] / p[a] + pass[b] / p[b])
    const isSame = kappa[2] > 0 && isSameCode(ctx, g, a, b)
    return Math.log10(kappa[0] + kappa[1] * sharing + (isSame ? kappa[2] / (a === b ? p[a] * p[a] : 2 * p[a] * p[b]) : 0))
  }
  return pairTable(p.length - 1, lr, (a) => lr(a, a))
}

const isSameCode = (ctx: LocusContext, g: Genotype, a: number, b: number) =>
  (ctx.labels[a - 1] === g[0] && ctx.labels[b - 1] === g[1]) || (ctx.labels[a - 1] === g[1] && ctx.labels[b - 1] === g[0])

/** The same person: 1/P(g) for the subject's own genotype, 0 (log −∞) for every other. */
export function identityTables(model: ScoreModel, index: SearchIndex, subject: Genotypes): LogTables {
  return eachLocus(model, index, (ctx) => {
    const g = toGenotype(subject[ctx.locus])
    if (!g) return null
    const p = ctx.freqs
    const lr = (a: number, b: number) =>
      isSameCode(ctx, g, a, b) ? -Math.log10(a === b ? p[a] * p[a] : 2 * p[a] * p[b]) : Number.NEGATIVE_INFINITY
    return remember(ctx, `identity|${g[0]}|${g[1]}`, () => pairTable(p.length - 1, lr, (a) => lr(a, a)))
  })
}

/** For a child searched against family pairs: per locus u_g(a), u_g(b) over parent codes and 1/(2·p_a·p_b). */
export interface PairTrioTables {
  ga: (Float64Array | null)[]
  gb: (Float64Array | null)[]
  scale: Float64Array
}

export function pairTrioTables(model: ScoreModel, index: SearchIndex, child: Genotypes): PairTrioTables {
  const out: PairTrioTables = { ga: [], gb: [], scale: new Float64Array(index.loci.length) }
  index.loci.forEach((locus, l) => {
    const c = toGenotype(child[locus])
    const [ga, gb] = c ? passTables(model, locusContext(model, index, l), c) : [null, null]
    out.ga.push(ga)
    out.gb.push(gb)
    // (ga·gb' + gb·ga')·scale is the trio LR for a heterozygote and, with ga = gb, for a homozygote too.
    if (c) out.scale[l] = 1 / (2 * alleleFrequency(model, locus, c[0]) * alleleFrequency(model, locus, c[1]))
  })
  return out
}

/** u_g(a) and u_g(b) of a fixed child (a, b) for every parent code g; code 0 (untyped) passes with p_a, p_b. */
function passTables(model: ScoreModel, ctx: LocusContext, child: Genotype): [Float64Array, Float64Array] {
  const ta = transmissionVector(model, ctx, child[0], false)
  const tb = transmissionVector(model, ctx, child[1], false)
  const n = ctx.labels.length
  const ga = new Float64Array(tableLength(n))
  const gb = new Float64Array(tableLength(n))
  ga[0] = alleleFrequency(model, ctx.locus, child[0])
  gb[0] = alleleFrequency(model, ctx.locus, child[1])
  let code = 1
  for (let y = 1; y <= n; y++) {
    for (let x = 1; x <= y; x++) {
      ga[code] = 0.5 * (ta[x] + ta[y])
      gb[code++] = 0.5 * (tb[x] + tb[y])
    }
  }
  return [ga, gb]
}
