// Closed-form per-locus likelihood ratios for screening, without θ. The search tables (tables.ts) are built
// from the same formulas, arranged per allele so that a whole table costs one pass; every hit is then
// re-scored here, so the LR a reviewer sees comes from this file alone.
//
// Notation: the child is (a, b) with population frequencies p_a, p_b; a parent g = (x, y) passes allele a with
//   u_g(a) = ½·[T(x→a) + T(y→a)]
// where T is the mutation model's transmission probability (model.ts). An untyped parent passes a with p_a.
import { KAPPA, type Genotype, type ScoreModel } from './model.ts'

/** Table frequency of an allele, or the model's minimum for alleles the table lacks (never zero). */
export function alleleFrequency(model: ScoreModel, locus: string, allele: string): number {
  return model.frequencies[locus]?.[allele] ?? model.minFrequency
}

const parsed = new Map<string, readonly [number, number] | null>()
function parseLabel(label: string): readonly [number, number] | null {
  let value = parsed.get(label)
  if (value === undefined) {
    const match = /^(\d{1,3})(?:\.(\d))?$/.exec(label)
    value = match ? [Number(match[1]), Number(match[2] ?? 0)] : null
    parsed.set(label, value)
  }
  return value
}

/** Repeat steps between two different alleles: whole repeats, plus one if the microvariant bases differ. */
export function mutationSteps(from: string, to: string): number {
  const x = parseLabel(from)
  const y = parseLabel(to)
  if (!x || !y) return 3
  return Math.max(1, Math.abs(x[0] - y[0]) + (x[1] === y[1] ? 0 : 1))
}

/** T(from→to): the probability that a parent's allele `from` reaches the child as `to`. */
export function transmission(model: ScoreModel, locus: string, from: string, to: string): number {
  const mutation = model.mutation
  if (mutation.model === 'none') return from === to ? 1 : 0
  if (from === to) return 1 - mutation.rate
  if (mutation.model === 'equal') {
    const alleles = Object.keys(model.frequencies[locus] ?? {}).length
    return mutation.rate / Math.max(1, alleles - 1)
  }
  return (mutation.rate / 2) * mutation.stepRatio ** (mutationSteps(from, to) - 1)
}

/** u_g(a): the probability that parent g passes allele a (the population frequency when g is untyped). */
export function passProbability(model: ScoreModel, locus: string, parent: Genotype | null, allele: string): number {
  if (!parent) return alleleFrequency(model, locus, allele)
  return 0.5 * (transmission(model, locus, parent[0], allele) + transmission(model, locus, parent[1], allele))
}

/**
 * Parent–child LR = P(c | g) / P(c). With w(a) = u_g(a) / p_a it is ½·(w(a) + w(b)) for a heterozygous child
 * and w(a) for a homozygous one (the other allele comes from the population). Without mutation this is the
 * textbook paternity index: child PQ, parent QR → 1/(4q); child PP, parent PQ → 1/(2p).
 */
export function duoLocusLr(model: ScoreModel, locus: string, child: Genotype, parent: Genotype): number {
  const [a, b] = child
  const wa = passProbability(model, locus, parent, a) / alleleFrequency(model, locus, a)
  if (a === b) return wa
  return 0.5 * (wa + passProbability(model, locus, parent, b) / alleleFrequency(model, locus, b))
}

/**
 * Child with both alleged parents against the child unrelated to both:
 * P(c | m, f) / P(c) = [u_m(a)·u_f(b) + u_m(b)·u_f(a)] / (2·p_a·p_b), or u_m(a)·u_f(a) / p_a² for a homozygote.
 * Either parent may be untyped (null): the trio then reduces to the duo with the other.
 */
export function trioLocusLr(model: ScoreModel, locus: string, child: Genotype, mother: Genotype | null, father: Genotype | null): number {
  const [a, b] = child
  const pa = alleleFrequency(model, locus, a)
  const pb = alleleFrequency(model, locus, b)
  const ma = passProbability(model, locus, mother, a)
  const fa = passProbability(model, locus, father, a)
  if (a === b) return (ma * fa) / (pa * pa)
  const mb = passProbability(model, locus, mother, b)
  const fb = passProbability(model, locus, father, b)
  return (ma * fb + mb * fa) / (2 * pa * pb)
}

/** P(g) under Hardy–Weinberg: 2·p·q for a heterozygote, p² for a homozygote. */
export function genotypeProbability(model: ScoreModel, locus: string, g: Genotype): number {
  const p = alleleFrequency(model, locus, g[0])
  return g[0] === g[1] ? p * p : 2 * p * alleleFrequency(model, locus, g[1])
}

const isSameGenotype = (g1: Genotype, g2: Genotype) => g1[0] === g2[0] && g1[1] === g2[1]

/**
 * Mutation-free parent–child index of g2 as the child of g1: the κ1 term of the pairwise modes. It is symmetric
 * in g1 and g2 (e.g. PQ with QR gives 1/(4q) either way).
 */
export function sharingIndex(model: ScoreModel, locus: string, g1: Genotype, g2: Genotype): number {
  const pass = (allele: string) => 0.5 * ((g1[0] === allele ? 1 : 0) + (g1[1] === allele ? 1 : 0))
  const [a, b] = g2
  const wa = pass(a) / alleleFrequency(model, locus, a)
  if (a === b) return wa
  return 0.5 * (wa + pass(b) / alleleFrequency(model, locus, b))
}

/** Pairwise LR through IBD: κ0 + κ1·PI + κ2·[g1 = g2] / P(g2) (full siblings ¼,½,¼; half siblings ½,½,0). */
export function kappaLocusLr(
  model: ScoreModel,
  locus: string,
  g1: Genotype,
  g2: Genotype,
  kappa: readonly [number, number, number],
): number {
  const same = kappa[2] > 0 && isSameGenotype(g1, g2) ? kappa[2] / genotypeProbability(model, locus, g2) : 0
  return kappa[0] + kappa[1] * sharingIndex(model, locus, g1, g2) + same
}

export const fullSiblingLocusLr = (model: ScoreModel, locus: string, g1: Genotype, g2: Genotype) =>
  kappaLocusLr(model, locus, g1, g2, KAPPA.full_siblings)
export const halfSiblingLocusLr = (model: ScoreModel, locus: string, g1: Genotype, g2: Genotype) =>
  kappaLocusLr(model, locus, g1, g2, KAPPA.half_siblings)

/** The same person sampled twice: 1/P(g) when the genotypes agree, 0 otherwise (no typing-error term). */
export function identityLocusLr(model: ScoreModel, locus: string, g1: Genotype, g2: Genotype): number {
  return isSameGenotype(g1, g2) ? 1 / genotypeProbability(model, locus, g2) : 0
}

/** Mendelian consistency of a duo without mutation: the child carries one of the parent's alleles. */
export function isDuoConsistent(child: Genotype, parent: Genotype): boolean {
  return parent.includes(child[0]) || parent.includes(child[1])
}

/** Mendelian consistency of a trio without mutation; an untyped parent constrains nothing. */
export function isTrioConsistent(child: Genotype, mother: Genotype | null, father: Genotype | null): boolean {
  const fromMother = (allele: string) => !mother || mother.includes(allele)
  const fromFather = (allele: string) => !father || father.includes(allele)
  return (fromMother(child[0]) && fromFather(child[1])) || (fromMother(child[1]) && fromFather(child[0]))
}
