import { describe, expect, it } from 'vitest'
import { compareHaplotypes, DEFAULT_LINEAGE_CRITERIA, isLineageCandidate, rankComparisons } from './match.ts'

const base = {
  DYS19: ['14'],
  DYS389I: ['13'],
  DYS389II: ['29'],
  DYS390: ['23'],
  DYS385: ['12', '19'],
  DYF387S1: ['35', '37'],
  DYS392: ['13'],
  DYS448: ['19.2'],
}

describe('Y-STR lineage comparison', () => {
  it('finds no difference in an identical haplotype', () => {
    expect(compareHaplotypes(base, base)).toEqual({ comparedLoci: 8, mismatches: [], totalSteps: 0 })
  })

  it('counts one-step and two-step differences, multi-copy loci pairwise', () => {
    const son = { ...base, DYS390: ['24'], DYS385: ['12', '21'] }
    const result = compareHaplotypes(base, son)
    expect(result.mismatches.map((m) => [m.locus, m.steps])).toEqual([
      ['DYS390', 1],
      ['DYS385', 2],
    ])
    expect(result.totalSteps).toBe(3)
  })

  it('compares only loci typed in both, and penalises non-stepwise differences', () => {
    const partial = { DYS19: ['14'], DYS448: ['20'] }
    const result = compareHaplotypes(base, partial)
    expect(result.comparedLoci).toBe(2)
    expect(result.mismatches[0]).toMatchObject({ locus: 'DYS448', steps: null })
    expect(result.totalSteps).toBe(2)
  })

  it('applies the criteria and ranks closer lineages first', () => {
    const criteria = { ...DEFAULT_LINEAGE_CRITERIA, minComparedLoci: 8 }
    const near = compareHaplotypes(base, { ...base, DYS390: ['24'] })
    const far = compareHaplotypes(base, { ...base, DYS390: ['24'], DYS19: ['15'], DYS392: ['14'] })
    expect(isLineageCandidate(near, criteria)).toBe(true)
    expect(isLineageCandidate(far, criteria)).toBe(false)
    expect(isLineageCandidate(near, { ...criteria, minComparedLoci: 20 })).toBe(false)
    expect([far, near].sort(rankComparisons)[0]).toBe(near)
  })
})
