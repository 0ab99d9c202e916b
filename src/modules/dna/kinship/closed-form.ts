// Closed-form likelihood ratios without mutation: pairwise relationships through IBD coefficients, and the
// two trios, with the Balding–Nichols θ correction (NRC II 1996, 4.10). With θ = 0 they are the textbook
// Hardy–Weinberg formulas. Alleles are indices into a frequency vector.
import type { Kappa } from './relationships.ts'

export type Alleles = readonly [number, number]

/**
 * Balding–Nichols sampling: the probability of drawing `draws` in order after `seen` were drawn from the
 * same subpopulation. An allele already seen m times among n is drawn with (mθ + (1 − θ)p)/(1 + (n − 1)θ).
 */
export function computeDrawProbability(draws: readonly number[], seen: readonly number[], p: ArrayLike<number>, theta: number): number {
  const counts = new Map<number, number>()
  for (const a of seen) counts.set(a, (counts.get(a) ?? 0) + 1)
  let n = seen.length
  let probability = 1
  for (const a of draws) {
    const m = counts.get(a) ?? 0
    probability *= (m * theta + (1 - theta) * p[a]) / (1 + (n - 1) * theta)
    counts.set(a, m + 1)
    n++
  }
  return probability
}

/** An unordered genotype drawn after `seen`: 2× the ordered draw for a heterozygote. */
export function computeGenotypeProbability(g: Alleles, seen: readonly number[], p: ArrayLike<number>, theta: number): number {
  return (g[0] === g[1] ? 1 : 2) * computeDrawProbability(g, seen, p, theta)
}

const countCopies = (a: number, g: Alleles) => (g[0] === a ? 1 : 0) + (g[1] === a ? 1 : 0)

/**
 * LR of a pairwise relationship against unrelated: κ0 + κ1·P(y | x, IBD 1)/P(y | x) + κ2·P(y | x, IBD 2)/P(y | x).
 * Under IBD 1 one allele of y is a copy of a random allele of x and the other is a fresh draw after x's two.
 */
export function computeKappaLr(x: Alleles, y: Alleles, kappa: Kappa, p: ArrayLike<number>, theta = 0): number {
  const unrelated = computeGenotypeProbability(y, x, p, theta)
  const orders: Alleles[] = y[0] === y[1] ? [y] : [y, [y[1], y[0]]]
  let ibd1 = 0
  for (const [copied, fresh] of orders) ibd1 += (countCopies(copied, x) / 2) * computeDrawProbability([fresh], x, p, theta)
  const isSame = (x[0] === y[0] && x[1] === y[1]) || (x[0] === y[1] && x[1] === y[0])
  const ibd2 = isSame ? 1 : 0
  return kappa[0] + (kappa[1] * ibd1) / unrelated + (kappa[2] * ibd2) / unrelated
}

/** P(child | mother, father) by Mendel: each parent passes either allele with probability 1/2. */
export function computeMendelianTransmission(child: Alleles, mother: Alleles, father: Alleles): number {
  const [a, b] = child
  const t = countCopies(a, mother) * countCopies(b, father) + (a === b ? 0 : countCopies(b, mother) * countCopies(a, father))
  return t / 4
}

/**
 * Trio LR. `unrelated`: H0 says the child is unrelated to both (the missing-child question), so the child is two
 * fresh draws after the parents' four alleles. `mother-known`: H0 keeps the mother and replaces the alleged father
 * by a random man, whose allele is one fresh draw after the four.
 */
export function computeTrioLr(
  child: Alleles,
  mother: Alleles,
  father: Alleles,
  alternative: 'unrelated' | 'mother-known',
  p: ArrayLike<number>,
  theta = 0,
): number {
  const h1 = computeMendelianTransmission(child, mother, father)
  const seen = [...mother, ...father]
  if (alternative === 'unrelated') return h1 / computeGenotypeProbability(child, seen, p, theta)
  const [a, b] = child
  let h0 = (countCopies(a, mother) / 2) * computeDrawProbability([b], seen, p, theta)
  if (a !== b) h0 += (countCopies(b, mother) / 2) * computeDrawProbability([a], seen, p, theta)
  if (h0 === 0) return Number.NaN // the mother is excluded too: both hypotheses are impossible
  return h1 / h0
}
