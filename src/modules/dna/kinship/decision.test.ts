import { describe, expect, it } from 'vitest'
import { decideKinship, DEFAULT_DECISION_POLICY, mergeDecisionPolicy } from './decision.ts'
import type { KinshipLr } from './lr.ts'

const result = (lr: number, inconsistent = 0, isMutationScored = true): KinshipLr => ({
  lr,
  log10Lr: Math.log10(lr),
  perLocus: {},
  inconsistentLoci: Array.from({ length: inconsistent }, (_, i) => `L${i}`),
  isMutationScored,
})

describe('decideKinship (GB/T 37223-2018 defaults)', () => {
  it('supports parentage at CPI ≥ 10 000 and is inconclusive just below', () => {
    expect(decideKinship('parent-child', result(10_000))).toBe('supports')
    expect(decideKinship('trio', result(9_999.9))).toBe('inconclusive')
  })

  it('supports parentage with 1–2 inconsistent loci when the index computed with mutation is ≥ 10 000', () => {
    expect(decideKinship('parent-child', result(2e5, 1))).toBe('supports')
    expect(decideKinship('paternity-trio', result(2e5, 2))).toBe('supports')
    expect(decideKinship('paternity-trio', result(50, 2))).toBe('inconclusive')
  })

  it('excludes at ≥ 3 inconsistent loci or CPI ≤ 0.0001, either one by default', () => {
    expect(decideKinship('parent-child', result(0, 3, false))).toBe('excluded')
    expect(decideKinship('parent-child', result(0.5, 3))).toBe('excluded')
    expect(decideKinship('parent-child', result(0.0001, 0))).toBe('excluded')
    expect(decideKinship('parent-child', result(0.00011, 2))).toBe('inconclusive')
  })

  it('needs both conditions when the lab says so', () => {
    const policy = mergeDecisionPolicy({ 'parent-child': { exclusionRule: 'both' } })
    expect(decideKinship('parent-child', result(0.5, 3), policy)).toBe('inconclusive')
    expect(decideKinship('parent-child', result(1e-6, 3), policy)).toBe('excluded')
    expect(decideKinship('parent-child', result(1e-6, 1), policy)).toBe('inconclusive')
    expect(decideKinship('parent-child', result(1e9, 3), policy)).toBe('inconclusive')
  })

  it('does not exclude on 1–2 inconsistent loci left unscored for want of a mutation model', () => {
    expect(decideKinship('parent-child', result(0, 1, false))).toBe('inconclusive')
    expect(decideKinship('trio', result(0, 2, false))).toBe('inconclusive')
  })

  it('judges other relationships by the LR alone, with thresholds per relationship', () => {
    expect(DEFAULT_DECISION_POLICY['full-siblings'].excludeInconsistentLoci).toBe(0)
    expect(decideKinship('full-siblings', result(2e4))).toBe('supports')
    expect(decideKinship('first-cousins', result(1e-5))).toBe('excluded')
    expect(decideKinship('half-siblings', result(50))).toBe('inconclusive')
    const policy = mergeDecisionPolicy({ 'half-siblings': { supportAt: 10 } })
    expect(decideKinship('half-siblings', result(50), policy)).toBe('supports')
    expect(decideKinship('full-siblings', result(50), policy)).toBe('inconclusive')
  })
})
