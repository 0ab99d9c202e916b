// The per-locus mutation index Chinese parentage reports print for a locus inconsistent with Mendelian
// inheritance (SF/Z JD0105001-2016, GB/T 37223-2018 practice): a parent passes an allele it lacks by a
// mutation of s steps with probability μ/2 · 1/2 · 10^−(s−1) per parental allele at that distance (which
// allele, which direction, each further step ten times rarer). That gives
//   trio (mother known):  PI = μ / (4 · p · 10^(s−1))          p = frequency of the paternal allele
//   duo (one parent):     PI = μ / (8 · p · 10^(s−1))          heterozygous child, p = the mutated allele
//                         PI = μ / (4 · p · 10^(s−1))          homozygous child
// each multiplied by the number of parental alleles at the smallest distance s; only the terms with the
// fewest mutations and then the fewest steps count, as in the paper reports. docs/dna-statistics.md derives it.
import { invalid } from '../../../platform/errors.ts'
import type { Allele } from './types.ts'

interface Term {
  value: number
  mutations: number
  steps: number
}

/** Mutational steps between two allele labels: whole repeats, a partial repeat counting as one more. */
export function countSteps(a: Allele, b: Allele): number {
  const x = Number(a)
  const y = Number(b)
  if (!Number.isFinite(x) || !Number.isFinite(y))
    throw invalid('dna.kinship.bad_allele', `the Chinese stepwise index needs numeric alleles, not "${a}" and "${b}"`)
  return Math.ceil(Math.round(Math.abs(x - y) * 10) / 10)
}

/** Probability that a parent passes `allele`: by Mendel if it carries it, otherwise by one stepwise mutation. */
export function transmitStepwise(parent: readonly [Allele, Allele], allele: Allele, rate: number): Term {
  const carried = parent.filter((a) => a === allele).length
  if (carried > 0) return { value: carried / 2, mutations: 0, steps: 0 }
  const steps = parent.map((a) => countSteps(a, allele))
  const s = Math.min(...steps)
  const nearest = steps.filter((x) => x === s).length
  return { value: (nearest * rate) / (4 * 10 ** (s - 1)), mutations: 1, steps: s }
}

const combine = (a: Term, b: Term): Term => ({ value: a.value * b.value, mutations: a.mutations + b.mutations, steps: a.steps + b.steps })

/** Sum of the terms with the fewest mutations, then the fewest steps. */
function sumLeading(terms: Term[]): number {
  const live = terms.filter((t) => t.value > 0)
  if (live.length === 0) return 0
  const best = live.reduce((b, t) => (t.mutations < b.mutations || (t.mutations === b.mutations && t.steps < b.steps) ? t : b))
  return live.filter((t) => t.mutations === best.mutations && t.steps === best.steps).reduce((s, t) => s + t.value, 0)
}

export interface StepwiseParent {
  genotype: readonly [Allele, Allele]
  rate: number
}

/**
 * The index of one locus. `first` passes the child's first-listed allele in each ordering, `second` (if typed)
 * the other; with `motherKnown`, H0 keeps `first` as the mother and a random man as the father, otherwise H0
 * takes the child from the population (Hardy–Weinberg).
 */
export function computeStepwiseIndex(
  child: readonly [Allele, Allele],
  first: StepwiseParent,
  second: StepwiseParent | null,
  frequency: (allele: Allele) => number,
  motherKnown: boolean,
): number {
  const [a, b] = child
  const orders: [Allele, Allele][] =
    a === b
      ? [[a, b]]
      : [
          [a, b],
          [b, a],
        ]
  const numerator: Term[] = []
  const denominator: Term[] = []
  for (const [u, v] of orders) {
    const fromFirst = transmitStepwise(first.genotype, u, first.rate)
    const fromSecond = second ? transmitStepwise(second.genotype, v, second.rate) : { value: frequency(v), mutations: 0, steps: 0 }
    numerator.push(combine(fromFirst, fromSecond))
    if (motherKnown) denominator.push(combine(fromFirst, { value: frequency(v), mutations: 0, steps: 0 }))
  }
  const h0 = motherKnown ? sumLeading(denominator) : (a === b ? 1 : 2) * frequency(a) * frequency(b)
  return sumLeading(numerator) / h0
}
