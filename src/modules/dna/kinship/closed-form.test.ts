import { describe, expect, it } from 'vitest'
import { computeKappaLr, computeTrioLr, computeGenotypeProbability, type Alleles } from './closed-form.ts'
import { KAPPA } from './relationships.ts'

// Alleles P, Q, R, S are indices 0–3.
const [P, Q, R, S] = [0, 1, 2, 3]
const f = [0.1, 0.2, 0.3, 0.4]
const [p, q] = f
const duo = (child: Alleles, parent: Alleles, theta = 0) => computeKappaLr(child, parent, KAPPA['parent-child'], f, theta)
const paternity = (child: Alleles, mother: Alleles, father: Alleles, theta = 0) =>
  computeTrioLr(child, mother, father, 'mother-known', f, theta)
const GENOTYPES: Alleles[] = f.flatMap((_, a) => f.map((_, b) => [a, b] as Alleles).filter(([x, y]) => x <= y))

describe('duo paternity index (child, alleged parent), as in Evett & Weir 1998', () => {
  it('gives the textbook value for each genotype configuration', () => {
    expect(duo([P, P], [P, P])).toBeCloseTo(1 / p, 12) // 10
    expect(duo([P, P], [P, Q])).toBeCloseTo(1 / (2 * p), 12) // 5
    expect(duo([P, Q], [P, P])).toBeCloseTo(1 / (2 * p), 12) // 5
    expect(duo([P, Q], [P, Q])).toBeCloseTo((p + q) / (4 * p * q), 12) // 0.3/0.08 = 3.75
    expect(duo([P, Q], [P, R])).toBeCloseTo(1 / (4 * p), 12) // 2.5
    expect(duo([P, Q], [Q, R])).toBeCloseTo(1 / (4 * q), 12) // 1.25
    expect(duo([P, Q], [R, S])).toBe(0)
  })

  it('applies the Balding–Nichols correction (the duo formulas tabulated by Buckleton et al. 2016)', () => {
    const t = 0.03
    const a = (x: number, k: number) => k * t + (1 - t) * x // an allele seen k times before
    expect(duo([P, P], [P, P], t)).toBeCloseTo((1 + 2 * t) / a(p, 3), 12)
    expect(duo([P, P], [P, Q], t)).toBeCloseTo((1 + 2 * t) / (2 * a(p, 2)), 12)
    expect(duo([P, Q], [P, P], t)).toBeCloseTo((1 + 2 * t) / (2 * a(p, 2)), 12)
    expect(duo([P, Q], [P, Q], t)).toBeCloseTo(((1 + 2 * t) * (2 * t + (1 - t) * (p + q))) / (4 * a(p, 1) * a(q, 1)), 12)
    expect(duo([P, Q], [Q, R], t)).toBeCloseTo((1 + 2 * t) / (4 * a(q, 1)), 12)
  })

  it('equals the uncorrected index at θ = 0', () => {
    for (const x of GENOTYPES) for (const y of GENOTYPES) expect(duo(x, y, 0)).toBe(computeKappaLr(x, y, KAPPA['parent-child'], f))
    // θ lowers the index of a shared rare allele: PP/PP, p = 0.1, θ = 0.03 gives 1.06/0.187 ≈ 5.67 instead of 10.
    expect(duo([P, P], [P, P], 0.03)).toBeLessThan(duo([P, P], [P, P]))
  })
})

describe('trio paternity index (mother known)', () => {
  it('gives the textbook value for each configuration', () => {
    expect(paternity([P, Q], [P, P], [Q, Q])).toBeCloseTo(1 / q, 12)
    expect(paternity([P, Q], [P, P], [Q, R])).toBeCloseTo(1 / (2 * q), 12)
    expect(paternity([P, Q], [P, Q], [P, Q])).toBeCloseTo(1 / (p + q), 12)
    expect(paternity([P, Q], [P, Q], [P, P])).toBeCloseTo(1 / (p + q), 12)
    expect(paternity([P, Q], [P, Q], [P, R])).toBeCloseTo(1 / (2 * (p + q)), 12)
    expect(paternity([P, P], [P, Q], [P, R])).toBeCloseTo(1 / (2 * p), 12)
    expect(paternity([P, Q], [P, P], [R, S])).toBe(0)
  })

  it('applies the Balding–Nichols correction after the four parental alleles', () => {
    const t = 0.02
    expect(paternity([P, Q], [P, P], [Q, Q], t)).toBeCloseTo((1 + 3 * t) / (2 * t + (1 - t) * q), 12)
    expect(paternity([P, Q], [P, P], [Q, R], t)).toBeCloseTo((1 + 3 * t) / (2 * (t + (1 - t) * q)), 12)
  })
})

describe('trio against a child unrelated to both (the missing-child question)', () => {
  it('divides the Mendelian transmission by the child genotype frequency', () => {
    expect(computeTrioLr([P, Q], [P, P], [Q, Q], 'unrelated', f)).toBeCloseTo(1 / (2 * p * q), 12) // 25
    expect(computeTrioLr([P, Q], [P, Q], [P, Q], 'unrelated', f)).toBeCloseTo(0.5 / (2 * p * q), 12)
    expect(computeTrioLr([P, P], [P, Q], [P, R], 'unrelated', f)).toBeCloseTo(0.25 / (p * p), 12)
    expect(computeTrioLr([P, Q], [R, R], [Q, Q], 'unrelated', f)).toBe(0)
  })
})

describe('pairwise relationships through κ', () => {
  it('gives the textbook full-sibling, half-sibling and cousin values', () => {
    const fullSib = (x: Alleles, y: Alleles) => computeKappaLr(x, y, KAPPA['full-siblings'], f)
    expect(fullSib([P, P], [P, P])).toBeCloseTo((1 + p) ** 2 / (4 * p * p), 12) // 30.25
    expect(fullSib([P, Q], [P, Q])).toBeCloseTo((1 + p + q + 2 * p * q) / (8 * p * q), 12)
    expect(fullSib([P, Q], [R, S])).toBeCloseTo(0.25, 12)
    for (const x of GENOTYPES)
      for (const y of GENOTYPES) {
        expect(computeKappaLr(x, y, KAPPA['half-siblings'], f)).toBeCloseTo(0.5 + 0.5 * duo(x, y), 12)
        expect(computeKappaLr(x, y, KAPPA['first-cousins'], f)).toBeCloseTo(0.75 + 0.25 * duo(x, y), 12)
      }
  })

  it('is symmetric in the two people, with and without θ', () => {
    for (const kappa of Object.values(KAPPA))
      for (const x of GENOTYPES)
        for (const y of GENOTYPES)
          for (const theta of [0, 0.05])
            expect(computeKappaLr(x, y, kappa, f, theta)).toBeCloseTo(computeKappaLr(y, x, kappa, f, theta), 12)
  })

  it('uses the NRC II 4.10 match probabilities for the unrelated alternative', () => {
    const t = 0.01
    expect(computeGenotypeProbability([P, P], [P, P], f, t)).toBeCloseTo(
      ((2 * t + (1 - t) * p) * (3 * t + (1 - t) * p)) / ((1 + t) * (1 + 2 * t)),
      14,
    )
    expect(computeGenotypeProbability([P, Q], [P, Q], f, t)).toBeCloseTo(
      (2 * (t + (1 - t) * p) * (t + (1 - t) * q)) / ((1 + t) * (1 + 2 * t)),
      14,
    )
    // With nothing seen before: NRC II 4.4, p² + p(1 − p)θ and 2pq(1 − θ).
    expect(computeGenotypeProbability([P, P], [], f, 0.2)).toBeCloseTo(p * p + p * (1 - p) * 0.2, 14)
    expect(computeGenotypeProbability([P, Q], [], f, 0.2)).toBeCloseTo(2 * p * q * 0.8, 14)
  })
})
