import { describe, expect, it } from 'vitest'
import { LocusModels } from './locus-model.ts'
import { computeKinshipLr, type KinshipCalculation } from './lr.ts'
import type { FrequencyTable, MutationSpec, Profile, Relationship } from './types.ts'

const TABLE: FrequencyTable = {
  D1: { '12': 0.2, '13': 0.15, '14': 0.25, '15': 0.1, '16': 0.3 },
  D2: { '7': 0.5, '8': 0.3, '9.3': 0.2 },
}
const K = 5 // alleles of D1

function lr(
  relationship: Relationship,
  profiles: Record<string, Profile>,
  extra: Partial<KinshipCalculation> & { mutation?: MutationSpec } = {},
) {
  const { mutation, ...rest } = extra
  return computeKinshipLr({ relationship, profiles, models: new LocusModels(TABLE, mutation), ...rest })
}

/** pedmut's "proportional" model: stationary for p, so an untyped parent changes nothing. */
function proportionalMatrix(p: number[], rate: number): number[][] {
  const alpha = rate / p.reduce((s, x) => s + x * (1 - x), 0)
  return p.map((_, i) => p.map((pj, j) => (i === j ? 1 - alpha : 0) + alpha * pj))
}

describe('computeKinshipLr', () => {
  it('multiplies per-locus indices and sums their log10', () => {
    const r = lr('parent-child', { child: { D1: ['12', '15'], D2: ['7', '7'] }, parent: { D1: ['15', '16'], D2: ['7', '8'] } })
    expect(r.perLocus.D1).toBeCloseTo(1 / (4 * 0.1), 12) // shared 15: 2.5
    expect(r.perLocus.D2).toBeCloseTo(1 / (2 * 0.5), 12) // child PP, parent PQ: 1
    expect(r.log10Lr).toBeCloseTo(Math.log10(2.5), 12)
    expect(r.lr).toBeCloseTo(2.5, 12)
    expect(r.inconsistentLoci).toEqual([])
  })

  it('scores an identical profile as the textbook says for each relationship', () => {
    const same = { D1: ['12', '15'] as [string, string] }
    const p = 0.2
    const q = 0.1
    expect(lr('parent-child', { child: same, parent: same }).lr).toBeCloseTo((p + q) / (4 * p * q), 12)
    expect(lr('full-siblings', { child: same, relative: same }).lr).toBeCloseTo((1 + p + q + 2 * p * q) / (8 * p * q), 12)
    expect(lr('half-siblings', { child: same, relative: same }).lr).toBeCloseTo(0.5 + (p + q) / (8 * p * q), 12)
    expect(lr('first-cousins', { child: same, relative: same }).lr).toBeCloseTo(0.75 + (p + q) / (16 * p * q), 12)
  })

  it('is symmetric for full and half siblings, also with mutation', () => {
    const a = { D1: ['12', '13'] as [string, string], D2: ['7', '9.3'] as [string, string] }
    const b = { D1: ['13', '16'] as [string, string], D2: ['8', '8'] as [string, string] }
    const mutation: MutationSpec = { model: 'stepwise', rate: { male: 0.003, female: 0.001 }, rate2: 0.0002, range: 0.1 }
    for (const relationship of ['full-siblings', 'half-siblings'] as const)
      for (const m of [undefined, mutation])
        expect(lr(relationship, { child: a, relative: b }, { mutation: m }).log10Lr).toBeCloseTo(
          lr(relationship, { child: b, relative: a }, { mutation: m }).log10Lr,
          12,
        )
  })

  it('excludes with LR 0 at an inconsistent locus without mutation, and lists the locus', () => {
    const r = lr('parent-child', { child: { D1: ['12', '13'], D2: ['7', '8'] }, parent: { D1: ['15', '16'], D2: ['8', '8'] } })
    expect(r.perLocus.D1).toBe(0)
    expect(r.lr).toBe(0)
    expect(r.log10Lr).toBe(-Infinity)
    expect(r.inconsistentLoci).toEqual(['D1'])
    expect(r.isMutationScored).toBe(false)
    const noMatrixHere = lr(
      'parent-child',
      { child: { D1: ['12', '13'] }, parent: { D1: ['15', '16'] } },
      { mutation: { model: 'matrix', matrices: {} } },
    )
    expect(noMatrixHere.isMutationScored).toBe(false)
  })

  it('makes a single inconsistent locus small but nonzero under the equal model, as computed by hand', () => {
    const mu = 0.002
    const r = lr('parent-child', { child: { D1: ['12', '13'] }, parent: { D1: ['15', '16'] } }, { mutation: { model: 'equal', rate: mu } })
    // H1/H0 = [T(12)·(pM)(13) + T(13)·(pM)(12)] / (2·p12·p13) with T(x) = μ/(K−1) (neither parental allele is x)
    // and (pM)(x) = p_x(1 − μ) + (1 − p_x)·μ/(K−1), the other parent's transmitted allele.
    const t = mu / (K - 1)
    const passed = (px: number) => px * (1 - mu) + (1 - px) * t
    expect(r.perLocus.D1).toBeCloseTo((t * passed(0.15) + t * passed(0.2)) / (2 * 0.2 * 0.15), 15) // ≈ 0.0029
    expect(r.inconsistentLoci).toEqual(['D1'])
    expect(r.isMutationScored).toBe(true)
  })

  it('gives 1 for a locus typed on one side only without mutation and with a stationary model', () => {
    const p = Object.values(TABLE.D1)
    const stationary = proportionalMatrix(p, 0.005)
    const mutation: MutationSpec = {
      model: 'matrix',
      matrices: { D1: { alleles: Object.keys(TABLE.D1), male: stationary, female: stationary } },
    }
    for (const m of [undefined, mutation]) {
      expect(lr('parent-child', { child: { D1: ['12', '13'] }, parent: {} }, { mutation: m }).lr).toBeCloseTo(1, 14)
      expect(lr('parent-child', { child: {}, parent: { D1: ['12', '13'] } }, { mutation: m }).lr).toBeCloseTo(1, 14)
      expect(lr('first-cousins', { child: { D1: ['12', '16'] }, relative: {} }, { mutation: m }).lr).toBeCloseTo(1, 14)
    }
    // The equal model is not stationary for unequal frequencies: like Familias, the full likelihood is then a
    // hair away from 1 when only the child is typed.
    const equal = lr('parent-child', { child: { D1: ['15', '15'] }, parent: {} }, { mutation: { model: 'equal', rate: 0.002 } }).lr
    // Both of the child's alleles come through the matrix: ((pM)(15)/p15)² = ((0.1·0.998 + 0.9·0.0005)/0.1)² ≈ 1.005.
    expect(equal).toBeCloseTo(((0.1 * 0.998 + 0.9 * 0.0005) / 0.1) ** 2, 14)
  })

  it('reduces a trio with an untyped parent to the duo of the typed one', () => {
    const child = { D1: ['12', '15'] as [string, string] }
    const mother = { D1: ['15', '16'] as [string, string] }
    expect(lr('trio', { child, mother, father: {} }).lr).toBeCloseTo(lr('parent-child', { child, parent: mother }).lr, 12)
    expect(lr('trio', { child, mother, father: {} }, { theta: 0.02 }).lr).toBeCloseTo(
      lr('parent-child', { child, parent: mother }, { theta: 0.02 }).lr,
      12,
    )
  })

  it('treats θ = 0 as no correction and applies Balding–Nichols when θ > 0', () => {
    const profiles = { child: { D1: ['12', '15'] as [string, string] }, parent: { D1: ['15', '16'] as [string, string] } }
    expect(lr('parent-child', profiles, { theta: 0 })).toEqual(lr('parent-child', profiles))
    const theta = 0.03
    expect(lr('parent-child', profiles, { theta }).lr).toBeCloseTo((1 + 2 * theta) / (4 * (theta + (1 - theta) * 0.1)), 12)
  })

  it('keeps the mutation likelihood for an inconsistent locus when θ > 0', () => {
    const profiles = { child: { D1: ['12', '13'] as [string, string] }, parent: { D1: ['15', '16'] as [string, string] } }
    const mutation: MutationSpec = { model: 'equal', rate: 0.002 }
    expect(lr('parent-child', profiles, { theta: 0.03, mutation }).lr).toBeCloseTo(lr('parent-child', profiles, { mutation }).lr, 15)
  })

  it('prints the Chinese stepwise index at inconsistent loci and the textbook PI elsewhere, with the father’s rate', () => {
    const profiles = {
      child: { D1: ['12', '15'] as [string, string], D2: ['7', '8'] as [string, string] },
      mother: { D1: ['12', '12'] as [string, string], D2: ['7', '7'] as [string, string] },
      father: { D1: ['14', '16'] as [string, string], D2: ['8', '9.3'] as [string, string] },
    }
    const mutation: MutationSpec = { model: 'equal', rate: { male: 0.003, female: 0.001 } }
    const r = lr('paternity-trio', profiles, { mutation, mutationIndex: 'chinese-stepwise' })
    expect(r.inconsistentLoci).toEqual(['D1'])
    expect(r.perLocus.D1).toBeCloseTo((2 * 0.003) / (4 * 0.1), 15) // 15 is one step from 14 and from 16
    expect(r.perLocus.D2).toBeCloseTo(1 / (2 * 0.3), 12)
    expect(() => lr('full-siblings', { child: {}, relative: {} }, { mutation, mutationIndex: 'chinese-stepwise' })).toThrow(/applies to/)
    expect(() => lr('paternity-trio', profiles, { mutationIndex: 'chinese-stepwise' })).toThrow(/mutation rate/)
  })

  it('refuses a paternity trio whose mother is excluded without mutation, and sexes of members that do not exist', () => {
    const profiles = {
      child: { D1: ['12', '13'] as [string, string] },
      mother: { D1: ['15', '16'] as [string, string] },
      father: { D1: ['12', '13'] as [string, string] },
    }
    expect(() => lr('paternity-trio', profiles)).toThrow(/impossible under both hypotheses/)
    expect(lr('paternity-trio', profiles, { mutation: { model: 'equal', rate: 0.001 } }).perLocus.D1).toBeGreaterThan(0)
    expect(() => lr('trio', { ...profiles }, { sexes: { mother: 'male' } })).toThrow(/no member "mother"/)
  })
})
