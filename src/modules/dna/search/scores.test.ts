import { describe, expect, it } from 'vitest'
import { scoreComparison } from './compare.ts'
import { toGenotype, type ScoreModel } from './model.ts'
import {
  duoLocusLr,
  fullSiblingLocusLr,
  halfSiblingLocusLr,
  identityLocusLr,
  isDuoConsistent,
  isTrioConsistent,
  mutationSteps,
  sharingIndex,
  transmission,
  trioLocusLr,
} from './scores.ts'

const p = 0.1
const q = 0.2
const r = 0.3
const s = 0.05
// Four alleles at one locus; '99' is missing from the table and takes the minimum frequency.
const frequencies = { L: { '10': p, '11': q, '12': r, '13': s, '14': 0.35 } }
const plain: ScoreModel = { frequencies, minFrequency: 0.001, mutation: { model: 'none' } }
const P = '10'
const Q = '11'
const R = '12'
const S = '13'

describe('parent–child (duo) without mutation: the textbook paternity indices', () => {
  it.each([
    ['child PQ, parent QR', [P, Q], [Q, R], 1 / (4 * q)],
    ['child PQ, parent PQ', [P, Q], [P, Q], (p + q) / (4 * p * q)],
    ['child PP, parent PQ', [P, P], [P, Q], 1 / (2 * p)],
    ['child PP, parent PP', [P, P], [P, P], 1 / p],
    ['child PQ, parent PP', [P, Q], [P, P], 1 / (2 * p)],
    ['child PQ, parent RS (excluded)', [P, Q], [R, S], 0],
  ] as const)('%s', (_, child, parent, expected) => {
    expect(duoLocusLr(plain, 'L', child, parent)).toBeCloseTo(expected, 12)
  })

  it('gives an allele missing from the table the minimum frequency, never zero', () => {
    expect(duoLocusLr(plain, 'L', ['99', P], ['99', R])).toBeCloseTo(1 / (4 * 0.001), 9)
  })
})

describe('trio (child unrelated to both under H0)', () => {
  it.each([
    ['child PQ, mother PP, father QQ', [P, Q], [P, P], [Q, Q], 1 / (2 * p * q)],
    ['child PQ, mother PR, father QS', [P, Q], [P, R], [Q, S], 1 / (8 * p * q)],
    ['child PP, mother PQ, father PR', [P, P], [P, Q], [P, R], 1 / (4 * p * p)],
    ['child PQ, mother PQ, father PQ', [P, Q], [P, Q], [P, Q], 1 / (4 * p * q)],
    ['child PQ, mother RR, father QQ (excluded)', [P, Q], [R, R], [Q, Q], 0],
  ] as const)('%s', (_, child, mother, father, expected) => {
    expect(trioLocusLr(plain, 'L', child, mother, father)).toBeCloseTo(expected, 12)
  })

  it('reduces to the duo when one parent is untyped', () => {
    expect(trioLocusLr(plain, 'L', [P, Q], null, [Q, R])).toBeCloseTo(duoLocusLr(plain, 'L', [P, Q], [Q, R]), 12)
    expect(trioLocusLr(plain, 'L', [P, Q], null, null)).toBeCloseTo(1, 12)
  })
})

describe('pairwise κ modes and identity', () => {
  it('full siblings sharing a heterozygous genotype: (1 + p + q + 2pq) / (8pq)', () => {
    expect(fullSiblingLocusLr(plain, 'L', [P, Q], [P, Q])).toBeCloseTo((1 + p + q + 2 * p * q) / (8 * p * q), 12)
  })

  it('full siblings sharing one allele: ¼ + ½·1/(4q); sharing none: ¼', () => {
    expect(fullSiblingLocusLr(plain, 'L', [P, Q], [Q, R])).toBeCloseTo(0.25 + 0.5 / (4 * q), 12)
    expect(fullSiblingLocusLr(plain, 'L', [P, Q], [R, S])).toBeCloseTo(0.25, 12)
  })

  it('half siblings: ½ + ½·PI, never below ½', () => {
    expect(halfSiblingLocusLr(plain, 'L', [P, P], [P, Q])).toBeCloseTo(0.5 + 0.5 / (2 * p), 12)
    expect(halfSiblingLocusLr(plain, 'L', [P, Q], [R, S])).toBeCloseTo(0.5, 12)
  })

  it('the sharing index is symmetric', () => {
    expect(sharingIndex(plain, 'L', [P, Q], [Q, R])).toBeCloseTo(sharingIndex(plain, 'L', [Q, R], [P, Q]), 12)
  })

  it('identity: 1/P(g) for the same genotype, 0 otherwise', () => {
    expect(identityLocusLr(plain, 'L', [P, Q], [P, Q])).toBeCloseTo(1 / (2 * p * q), 12)
    expect(identityLocusLr(plain, 'L', [P, P], [P, P])).toBeCloseTo(1 / (p * p), 12)
    expect(identityLocusLr(plain, 'L', [P, Q], [P, R])).toBe(0)
  })
})

describe('mutation models', () => {
  const stepwise: ScoreModel = { ...plain, mutation: { model: 'stepwise', rate: 0.002, stepRatio: 0.1 } }
  const equal: ScoreModel = { ...plain, mutation: { model: 'equal', rate: 0.002 } }

  it('counts whole repeats, plus one step for a change of microvariant bases', () => {
    expect(mutationSteps('10', '11')).toBe(1)
    expect(mutationSteps('10', '13')).toBe(3)
    expect(mutationSteps('9.3', '10.3')).toBe(1)
    expect(mutationSteps('9.3', '10')).toBe(2)
    expect(mutationSteps('OL', '10')).toBe(3)
  })

  it('stepwise: stays with 1 − μ, moves one step with μ/2, two steps with μ/2·0.1', () => {
    expect(transmission(stepwise, 'L', '12', '12')).toBeCloseTo(0.998, 15)
    expect(transmission(stepwise, 'L', '12', '13')).toBeCloseTo(0.001, 15)
    expect(transmission(stepwise, 'L', '12', '10')).toBeCloseTo(0.0001, 15)
  })

  it('one inconsistent locus gives a small positive LR instead of 0 (stepwise, by hand)', () => {
    // child 10,11; parent 12,14. u(10) = ½(T(12→10) + T(14→10)) = ½(μ/2·0.1 + μ/2·0.001); u(11) = ½(μ/2 + μ/2·0.01).
    const mu = 0.002
    const u10 = 0.5 * ((mu / 2) * 0.1 + (mu / 2) * 0.001)
    const u11 = 0.5 * (mu / 2 + (mu / 2) * 0.01)
    const lr = duoLocusLr(stepwise, 'L', [P, Q], [R, '14'])
    expect(lr).toBeCloseTo(0.5 * (u10 / p + u11 / q), 15)
    expect(lr).toBeGreaterThan(0)
    expect(lr).toBeLessThan(0.01)
  })

  it('equal: any other allele with μ/(n − 1), n from the locus table', () => {
    const lr = duoLocusLr(equal, 'L', [P, Q], [R, S])
    const each = 0.002 / 4
    expect(lr).toBeCloseTo(0.5 * (each / p + each / q), 15)
  })

  it('barely changes a consistent duo', () => {
    expect(duoLocusLr(stepwise, 'L', [P, Q], [Q, R]) / (1 / (4 * q))).toBeCloseTo(1, 2)
  })
})

describe('Mendelian consistency and genotypes', () => {
  it('counts exclusions without mutation', () => {
    expect(isDuoConsistent([P, Q], [Q, R])).toBe(true)
    expect(isDuoConsistent([P, Q], [R, S])).toBe(false)
    expect(isTrioConsistent([P, Q], [P, R], [Q, S])).toBe(true)
    expect(isTrioConsistent([P, Q], [P, Q], [R, S])).toBe(false)
    expect(isTrioConsistent([P, Q], null, [Q, S])).toBe(true)
  })

  it('reads one allele as a homozygote and leaves tri-allelic and off-ladder calls untyped', () => {
    expect(toGenotype(['11'])).toEqual(['11', '11'])
    expect(toGenotype(['12', '9.3'])).toEqual(['12', '9.3'])
    expect(toGenotype(['10', '11', '12'])).toBeNull()
    expect(toGenotype(['10', 'OL'])).toBeNull()
    expect(toGenotype(undefined)).toBeNull()
  })

  it('scores a whole comparison in log space, leaving out loci untyped on a side', () => {
    const model: ScoreModel = { ...plain, frequencies: { L: frequencies.L, M: frequencies.L } }
    const score = scoreComparison(model, ['L', 'M', 'N'], {
      mode: 'duo',
      child: { L: [P, Q], M: [P, P], N: [P, P] },
      parent: { L: [Q, R], M: [R, S] },
    })
    expect(score.perLocus).toEqual({ L: expect.closeTo(1 / (4 * q), 12), M: 0 })
    expect(score.log10Lr).toBe(Number.NEGATIVE_INFINITY)
    expect(score.inconsistentLoci).toEqual(['M'])
  })
})
